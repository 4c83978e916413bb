/**
 * Depth-first certification path building with backtracking. Candidate issuers are the
 * intermediates and anchors whose subject equals a certificate's issuer name (anchors first,
 * key-identifier matches first), checked by signature before use. A certificate already on the
 * current path (same DER, or same subject and key) is never revisited; depth and work are
 * bounded; certificates from which no anchor is reachable are remembered as dead ends.
 */
import { toHex } from '../../asn1/der.js'
import { sameKeyId } from '../../crypto/bytes.js'
import type { Certificate } from '../certificate.js'
import type { WorkBudget } from './budget.js'
import { needsInheritedParameters } from './signature.js'

/** Callbacks and bounds of one build. */
export interface BuildContext {
  readonly intermediates: readonly Certificate[]
  readonly anchors: readonly Certificate[]
  /** Maximum number of non-anchor certificates in a path. */
  readonly maxDepth: number
  readonly budget: WorkBudget
  /** Evaluates a complete path (leaf first, anchor excluded); true stops the search. */
  evaluate(chain: readonly Certificate[], anchor: Certificate): Promise<boolean>
  /** Reports a candidate issuer whose signature over the current top did not verify. */
  signatureFailed(chain: readonly Certificate[], issuer: Certificate, isAnchor: boolean): void
  /** Reports that the depth bound cut a path. */
  depthExceeded(chain: readonly Certificate[]): void
  /** Reports a partial path whose top certificate has no candidate issuer at all. */
  noIssuer(chain: readonly Certificate[]): void
}

interface Candidate {
  readonly cert: Certificate
  readonly anchor: boolean
}

interface VisitResult {
  readonly stop: boolean
  readonly reachedAnchor: boolean
  readonly pruned: boolean
}

const keyCache = new WeakMap<Certificate, string>()

function keyOf(cert: Certificate): string {
  let k = keyCache.get(cert)
  if (k === undefined) {
    k = `${cert.subject.key}|${toHex(cert.spki)}`
    keyCache.set(cert, k)
  }
  return k
}

/** Path builder over a fixed pool of intermediates and anchors. */
export class PathBuilder {
  private readonly bySubject = new Map<string, Candidate[]>()
  private readonly deadEnds = new Set<string>()

  constructor(private readonly ctx: BuildContext) {
    const anchorDigests = new Set(ctx.anchors.map((a) => a.sha256))
    const seen = new Set<string>()
    const add = (cert: Certificate, anchor: boolean): void => {
      if (seen.has(cert.sha256)) return
      seen.add(cert.sha256)
      const list = this.bySubject.get(cert.subject.key) ?? []
      list.push({ cert, anchor })
      this.bySubject.set(cert.subject.key, list)
    }
    for (const a of ctx.anchors) add(a, true)
    for (const c of ctx.intermediates) if (!anchorDigests.has(c.sha256)) add(c, false)
  }

  private candidates(cert: Certificate): Candidate[] {
    const list = this.bySubject.get(cert.issuer.key) ?? []
    const aki = cert.authorityKeyIdentifier?.keyIdentifier
    const rank = (c: Candidate): number =>
      (c.anchor ? 0 : 2) + (aki && !sameKeyId(aki, c.cert.subjectKeyIdentifier) ? 1 : 0)
    return [...list].sort((a, b) => rank(a) - rank(b))
  }

  /** Searches paths from `leaf`; resolves when a path was accepted or the search is over. */
  async build(leaf: Certificate): Promise<boolean> {
    const chain = [leaf]
    const onPath = new Set([leaf.sha256, keyOf(leaf)])
    const result = await this.visit(chain, onPath)
    return result.stop
  }

  private async visit(chain: Certificate[], onPath: Set<string>): Promise<VisitResult> {
    const top = chain[chain.length - 1]!
    let reachedAnchor = false
    let pruned = false
    const candidates = this.candidates(top)
    if (candidates.length === 0) this.ctx.noIssuer(chain)
    for (const cand of candidates) {
      this.ctx.budget.step()
      const c = cand.cert
      if (onPath.has(c.sha256) || onPath.has(keyOf(c))) {
        pruned = true
        continue
      }
      if (!cand.anchor && this.deadEnds.has(c.sha256)) continue
      if (!cand.anchor && chain.length >= this.ctx.maxDepth) {
        this.ctx.depthExceeded(chain)
        pruned = true
        continue
      }
      if (!needsInheritedParameters(c)) {
        const ok = await this.ctx.budget.signatures.verify(top, c.sha256, c.spki)
        if (!ok) {
          this.ctx.signatureFailed(chain, c, cand.anchor)
          continue
        }
      }
      if (cand.anchor) {
        reachedAnchor = true
        if (await this.ctx.evaluate(chain, c)) return { stop: true, reachedAnchor, pruned }
        continue
      }
      chain.push(c)
      const added = [c.sha256, keyOf(c)].filter((k) => !onPath.has(k))
      for (const k of added) onPath.add(k)
      const sub = await this.visit(chain, onPath)
      chain.pop()
      for (const k of added) onPath.delete(k)
      if (sub.stop) return sub
      reachedAnchor ||= sub.reachedAnchor
      pruned ||= sub.pruned
      if (!sub.reachedAnchor && !sub.pruned) this.deadEnds.add(c.sha256)
    }
    return { stop: false, reachedAnchor, pruned }
  }
}
