/**
 * One path validation over parsed inputs: builds candidate paths, validates each complete one
 * (RFC 5280 §6.1, then revocation) and keeps the most informative failure.
 */
import { LimitError } from '../../errors.js'
import type { BoundedCache, CachedPath } from '../cache.js'
import type { Certificate } from '../certificate.js'
import type { RevocationSource } from '../revocation-types.js'
import { PathBuilder } from './builder.js'
import { pathCodeInfo, pathMessage, type PathReason } from './codes.js'
import type { PolicyInputs } from './policy-tree.js'
import { processPath, type ProcessOptions } from './process.js'
import { checkPathRevocation } from './revocation.js'
import type { WorkBudget } from './budget.js'
import type { CertificateRevocation, PathResult, RevocationMode } from './types.js'
import type { KeyUsageName } from '../extensions.js'
import { PLAIN } from '../../shape.js'

/** Parsed inputs of one validation. */
export interface EngineInputs {
  readonly leaf: Certificate
  readonly intermediates: readonly Certificate[]
  readonly anchors: readonly Certificate[]
  readonly time: Date
  readonly mode: RevocationMode
  readonly sources: readonly RevocationSource[]
  readonly policy: PolicyInputs
  readonly keyUsage?: readonly KeyUsageName[]
  readonly extendedKeyUsage?: readonly string[]
  readonly maxDepth: number
  /** Shared with nested CRL-signer validations. */
  readonly budget: WorkBudget
  /** Paths that passed before (a verifier's cache). */
  readonly paths?: BoundedCache<CachedPath>
}

interface Failure {
  readonly rank: number
  readonly reason: PathReason
  readonly path: readonly Certificate[]
  readonly anchor?: Certificate
  readonly index?: number
  readonly detail: string
  readonly revocation: readonly CertificateRevocation[]
}

function result(f: Failure, attempts: number): PathResult {
  const info = pathCodeInfo(f.reason)
  const base = {
    valid: false,
    reason: f.reason,
    message: pathMessage(f.reason, f.detail),
    path: f.path,
    revocation: f.revocation,
    attempts,
  }
  return {
    ...PLAIN,
    ...base,
    ...(info.subIndication ? { subIndication: info.subIndication } : {}),
    ...(f.anchor ? { anchor: f.anchor } : {}),
    ...(f.index !== undefined ? { failedIndex: f.index } : {}),
  }
}

/** Rank of a failure found on a complete path to an anchor (RFC 5280 processing). */
const COMPLETE_PATH_RANK = 3

/** Runs path building and validation. Never throws for bad paths; returns the result. */
export async function runEngine(inputs: EngineInputs): Promise<PathResult> {
  const signatures = inputs.budget.signatures
  const processOptions: ProcessOptions = {
    time: inputs.time,
    policy: inputs.policy,
    signatures,
    ...(inputs.paths ? { paths: inputs.paths } : {}),
    ...(inputs.keyUsage ? { keyUsage: inputs.keyUsage } : {}),
    ...(inputs.extendedKeyUsage ? { extendedKeyUsage: inputs.extendedKeyUsage } : {}),
  }
  let best: Failure | undefined
  let success: PathResult | undefined
  let attempts = 0
  const consider = (f: Failure): void => {
    if (!best || f.rank > best.rank) best = f
  }
  const evaluate = async (chain: readonly Certificate[], anchor: Certificate): Promise<boolean> => {
    attempts++
    const path = [...chain, anchor]
    const outcome = await processPath(chain, anchor, processOptions)
    if (!outcome.ok) {
      consider({
        rank: COMPLETE_PATH_RANK,
        reason: outcome.reason,
        path,
        anchor,
        index: outcome.index,
        detail: outcome.detail,
        revocation: [],
      })
      return false
    }
    const rev = await checkPathRevocation(chain, anchor, inputs.sources, inputs.time, inputs.mode)
    if (rev.failure) {
      const { reason, index, detail } = rev.failure
      consider({ rank: 4, reason, path, anchor, index, detail, revocation: rev.statuses })
      return false
    }
    success = {
      valid: true,
      reason: 'chain.ok',
      message: pathMessage('chain.ok'),
      path,
      anchor,
      revocation: rev.statuses,
      policies: outcome.policies,
      userNotices: outcome.notices,
      attempts,
    }
    return true
  }
  const leafAnchor = inputs.anchors.find((a) => a.sha256 === inputs.leaf.sha256)
  // A trusted leaf that fails on its own (expired, wrong key usage) is the answer unless a
  // path through an issuer does better: "no path" would hide why it failed.
  let direct: PathResult | undefined
  if (leafAnchor) {
    direct = directlyTrusted(leafAnchor, inputs)
    if (direct.valid) return direct
  }
  const builder = new PathBuilder({
    intermediates: inputs.intermediates,
    anchors: inputs.anchors,
    maxDepth: inputs.maxDepth,
    budget: inputs.budget,
    evaluate,
    signatureFailed: (chain, issuer, isAnchor) => {
      const path = [...chain, issuer]
      const rank = isAnchor ? 2 : 1
      const detail = 'signature does not verify'
      const index = chain.length - 1
      consider({
        rank,
        reason: 'chain.signature',
        path,
        ...(isAnchor ? { anchor: issuer } : {}),
        index,
        detail,
        revocation: [],
      })
    },
    noIssuer: (chain) => {
      const top = chain[chain.length - 1]!
      const detail = `no issuer for ${top.subject.text} (issuer ${top.issuer.text})`
      const rank = 0.1 + chain.length / 1000
      consider({ rank, reason: 'chain.no-path', path: [...chain], detail, revocation: [] })
    },
    depthExceeded: (chain) => {
      consider({
        rank: 0.5,
        reason: 'chain.depth',
        path: [...chain],
        detail: `more than ${inputs.maxDepth} certificates`,
        revocation: [],
      })
    },
  })
  try {
    await builder.build(inputs.leaf)
  } catch (e) {
    if (!(e instanceof LimitError)) throw e
    if (success) return success
    const path = best?.path ?? [inputs.leaf]
    return result(
      { rank: 0, reason: 'chain.work-limit', path, detail: e.message, revocation: [] },
      attempts,
    )
  }
  if (success) return success
  if (direct && (!best || best.rank < COMPLETE_PATH_RANK)) return { ...PLAIN, ...direct, attempts }
  if (best) return result(best, attempts)
  const detail = `issuer ${inputs.leaf.issuer.text}`
  return result(
    { rank: 0, reason: 'chain.no-path', path: [inputs.leaf], detail, revocation: [] },
    attempts,
  )
}

function directlyTrusted(anchor: Certificate, inputs: EngineInputs): PathResult {
  const base = { path: [anchor], anchor, revocation: [], attempts: 0 }
  const bad = (reason: PathReason, detail: string): PathResult => {
    const info = pathCodeInfo(reason)
    return {
      ...PLAIN,
      ...base,
      valid: false,
      reason,
      message: pathMessage(reason, detail),
      failedIndex: 0,
      ...(info.subIndication ? { subIndication: info.subIndication } : {}),
    }
  }
  if (inputs.time < anchor.notBefore) return bad('chain.not-yet-valid', 'notBefore')
  if (inputs.time > anchor.notAfter) return bad('chain.expired', 'notAfter')
  const ku = inputs.keyUsage ?? []
  if (anchor.keyUsage && ku.some((u) => !anchor.keyUsage!.has(u))) {
    return bad('chain.key-usage', 'keyUsage')
  }
  const eku = inputs.extendedKeyUsage ?? []
  if (anchor.extKeyUsage && eku.some((o) => !anchor.extKeyUsage!.includes(o))) {
    return bad('chain.extended-key-usage', 'extKeyUsage')
  }
  return { ...PLAIN, ...base, valid: true, reason: 'chain.ok', message: pathMessage('chain.ok') }
}
