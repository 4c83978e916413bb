/**
 * RFC 5280 §6.1 certificate policy processing: the valid_policy_tree with explicit_policy,
 * policy_mapping and inhibit_anyPolicy, policy mappings and the final intersection with the
 * user-initial-policy-set. The tree size is bounded.
 */
import { LimitError } from '../../errors.js'
import type { Certificate } from '../certificate.js'
import type { PolicyInformation } from '../extensions.js'
import { USER_NOTICE_OID, userNoticeText } from './user-notice.js'

/** The anyPolicy OID. */
export const ANY_POLICY = '2.5.29.32.0'
const MAX_NODES = 4096

type Qualifiers = PolicyInformation['qualifiers']

interface PolicyNode {
  readonly policy: string
  readonly qualifiers: Qualifiers
  expected: Set<string>
  readonly parent: PolicyNode | undefined
  children: PolicyNode[]
  readonly depth: number
}

/** Outcome of policy processing for a valid path. */
export interface PolicyResult {
  readonly policies: readonly string[]
  /** explicitText of the UserNotice qualifiers of the end-entity's valid policies. */
  readonly notices: readonly string[]
}

/** Initial settings. */
export interface PolicyInputs {
  readonly initialPolicySet: readonly string[]
  readonly explicitPolicy: boolean
  readonly policyMappingInhibit: boolean
  readonly anyPolicyInhibit: boolean
}

/** Policy processing state over a path of `n` certificates (anchor excluded). */
export class PolicyProcessor {
  private root: PolicyNode | undefined
  private levels: PolicyNode[][]
  private explicit: number
  private mapping: number
  private inhibitAny: number
  private nodes = 1

  constructor(
    private readonly n: number,
    private readonly inputs: PolicyInputs,
  ) {
    this.root = {
      policy: ANY_POLICY,
      qualifiers: [],
      expected: new Set([ANY_POLICY]),
      parent: undefined,
      children: [],
      depth: 0,
    }
    this.levels = [[this.root]]
    this.explicit = inputs.explicitPolicy ? 0 : n + 1
    this.mapping = inputs.policyMappingInhibit ? 0 : n + 1
    this.inhibitAny = inputs.anyPolicyInhibit ? 0 : n + 1
  }

  private add(
    parent: PolicyNode,
    policy: string,
    qualifiers: Qualifiers,
    expected: Set<string>,
  ): void {
    if (++this.nodes > MAX_NODES) throw new PolicyLimitError()
    const depth = parent.depth + 1
    const node: PolicyNode = { policy, qualifiers, expected, parent, children: [], depth }
    parent.children.push(node)
    const level = (this.levels[node.depth] ??= [])
    level.push(node)
  }

  private remove(node: PolicyNode): void {
    if (!node.parent) {
      this.root = undefined
      this.levels = []
      return
    }
    node.parent.children = node.parent.children.filter((c) => c !== node)
    const drop = (x: PolicyNode): void => {
      const level = this.levels[x.depth]
      if (level) this.levels[x.depth] = level.filter((y) => y !== x)
      x.children.forEach(drop)
    }
    drop(node)
  }

  /** Deletes childless nodes above depth `depth`, repeatedly. */
  private prune(depth: number): void {
    for (let d = depth - 1; d >= 0 && this.root; d--) {
      for (const node of [...(this.levels[d] ?? [])]) {
        if (node.children.length === 0) this.remove(node)
      }
    }
  }

  /** Processes certificate i (1-based, anchor side first). Returns false on failure. */
  processCertificate(i: number, cert: Certificate): boolean {
    const policies = cert.certificatePolicies
    if (policies && this.root) {
      const parents = this.levels[i - 1] ?? []
      const anyPolicy = policies.find((p) => p.oid === ANY_POLICY)
      for (const p of policies) {
        if (p.oid === ANY_POLICY) continue
        const matching = parents.filter((node) => node.expected.has(p.oid))
        if (matching.length > 0) {
          for (const node of matching) this.add(node, p.oid, p.qualifiers, new Set([p.oid]))
        } else {
          for (const node of parents.filter((x) => x.policy === ANY_POLICY)) {
            this.add(node, p.oid, p.qualifiers, new Set([p.oid]))
          }
        }
      }
      const selfIssuedCa = i < this.n && cert.selfIssued
      if (anyPolicy && (this.inhibitAny > 0 || selfIssuedCa)) {
        for (const node of parents) {
          for (const value of node.expected) {
            if (!node.children.some((c) => c.policy === value)) {
              this.add(node, value, anyPolicy.qualifiers, new Set([value]))
            }
          }
        }
      }
      this.prune(i)
    } else if (!policies) {
      this.root = undefined
      this.levels = []
    }
    return this.explicit > 0 || this.root !== undefined
  }

  /** Prepares for certificate i+1 after processing certificate i. Returns false on failure. */
  prepareNext(i: number, cert: Certificate): boolean {
    const mappings = cert.policyMappings ?? []
    for (const m of mappings) {
      if (m.issuerDomainPolicy === ANY_POLICY || m.subjectDomainPolicy === ANY_POLICY) return false
    }
    if (mappings.length > 0 && this.root) {
      const mapped = new Map<string, Set<string>>()
      for (const m of mappings) {
        const set = mapped.get(m.issuerDomainPolicy) ?? new Set<string>()
        set.add(m.subjectDomainPolicy)
        mapped.set(m.issuerDomainPolicy, set)
      }
      const level = this.levels[i] ?? []
      for (const [idp, targets] of mapped) {
        const nodes = level.filter((x) => x.policy === idp)
        if (this.mapping > 0) {
          if (nodes.length > 0) {
            for (const node of nodes) node.expected = new Set(targets)
          } else {
            const anyNode = level.find((x) => x.policy === ANY_POLICY)
            if (anyNode?.parent) {
              const q = cert.certificatePolicies?.find((p) => p.oid === ANY_POLICY)?.qualifiers
              this.add(anyNode.parent, idp, q ?? [], new Set(targets))
            }
          }
        } else {
          for (const node of nodes) this.remove(node)
        }
      }
      if (this.mapping === 0) this.prune(i)
    }
    if (!cert.selfIssued) {
      if (this.explicit > 0) this.explicit--
      if (this.mapping > 0) this.mapping--
      if (this.inhibitAny > 0) this.inhibitAny--
    }
    const pc = cert.policyConstraints
    if (pc?.requireExplicitPolicy !== undefined) {
      this.explicit = Math.min(this.explicit, pc.requireExplicitPolicy)
    }
    if (pc?.inhibitPolicyMapping !== undefined) {
      this.mapping = Math.min(this.mapping, pc.inhibitPolicyMapping)
    }
    if (cert.inhibitAnyPolicy !== undefined) {
      this.inhibitAny = Math.min(this.inhibitAny, cert.inhibitAnyPolicy)
    }
    return true
  }

  /**
   * Wrap-up after the end-entity (certificate n). Returns the user-constrained policy set and
   * the user notices found along the tree branches of those policies (end-entity first), or
   * undefined when policy processing fails.
   */
  finish(leaf: Certificate): PolicyResult | undefined {
    if (this.explicit > 0) this.explicit--
    if (leaf.policyConstraints?.requireExplicitPolicy === 0) this.explicit = 0
    const user = this.inputs.initialPolicySet
    if (this.root && !user.includes(ANY_POLICY)) this.intersect(new Set(user))
    if (this.explicit === 0 && !this.root) return undefined
    if (!this.root) return { policies: [], notices: [] }
    const leaves = this.levels[this.n] ?? []
    const notices: string[] = []
    for (const leafNode of leaves) {
      for (let node: PolicyNode | undefined = leafNode; node; node = node.parent) {
        for (const q of node.qualifiers) {
          const text = q.oid === USER_NOTICE_OID ? userNoticeText(q.raw) : undefined
          if (text !== undefined && !notices.includes(text)) notices.push(text)
        }
      }
    }
    return { policies: [...new Set(leaves.map((x) => x.policy))], notices }
  }

  private intersect(user: Set<string>): void {
    const all: PolicyNode[] = this.levels.flat()
    const validSet = all.filter((x) => x.parent?.policy === ANY_POLICY)
    for (const node of validSet) {
      if (node.policy !== ANY_POLICY && !user.has(node.policy)) this.remove(node)
    }
    const anyLeaf = (this.levels[this.n] ?? []).find((x) => x.policy === ANY_POLICY)
    if (anyLeaf?.parent) {
      const present = new Set(
        validSet.filter((x) => this.levels[x.depth]?.includes(x)).map((x) => x.policy),
      )
      for (const p of user) {
        if (!present.has(p)) this.add(anyLeaf.parent, p, anyLeaf.qualifiers, new Set([p]))
      }
      this.remove(anyLeaf)
    }
    this.prune(this.n)
  }
}

/** Thrown when the policy tree grows past its bound. */
export class PolicyLimitError extends LimitError {
  constructor() {
    super('chain.work-limit', 'policy tree too large / 策略树过大')
  }
}
