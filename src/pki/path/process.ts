/**
 * RFC 5280 §6.1 basic path validation of one complete candidate path (anchor excluded),
 * processed from the anchor down to the end-entity. Revocation is checked separately.
 */
import { toHex } from '../../asn1/der.js'
import type { BoundedCache, CachedPath } from '../cache.js'
import type { Certificate } from '../certificate.js'
import { EXT, type KeyUsageName } from '../extensions.js'
import type { PathReason } from './codes.js'
import {
  addNameConstraints,
  checkNameConstraints,
  NO_NAME_CONSTRAINTS,
} from './name-constraints.js'
import { PolicyProcessor, type PolicyInputs } from './policy-tree.js'
import { effectiveSpki, passedOnParameters, type SignatureChecker } from './signature.js'

const ANY_EKU = '2.5.29.37.0'

/** Extensions this validator processes (or may safely ignore when critical). */
const PROCESSED = new Set<string>([
  EXT.basicConstraints,
  EXT.keyUsage,
  EXT.extKeyUsage,
  EXT.subjectAltName,
  EXT.issuerAltName,
  EXT.nameConstraints,
  EXT.certificatePolicies,
  EXT.policyMappings,
  EXT.policyConstraints,
  EXT.inhibitAnyPolicy,
  EXT.subjectKeyIdentifier,
  EXT.authorityKeyIdentifier,
  EXT.crlDistributionPoints,
  EXT.freshestCrl,
])

/** Inputs of {@link processPath}. */
export interface ProcessOptions {
  readonly time: Date
  readonly policy: PolicyInputs
  readonly keyUsage?: readonly KeyUsageName[]
  readonly extendedKeyUsage?: readonly string[]
  readonly signatures: SignatureChecker
  /** Paths that passed before (a verifier's cache); see {@link processPath}. */
  readonly paths?: BoundedCache<CachedPath>
}

/** Outcome of {@link processPath}. */
export type ProcessOutcome =
  | { readonly ok: true; readonly policies: readonly string[]; readonly notices: readonly string[] }
  | {
      readonly ok: false
      readonly reason: PathReason
      /** Index in the leaf-first path; the anchor has index `chain.length`. */
      readonly index: number
      readonly detail: string
    }

function fail(reason: PathReason, index: number, detail: string): ProcessOutcome {
  return { ok: false, reason, index, detail }
}

/** First unknown critical extension, if any. */
export function unknownCriticalExtension(cert: Certificate): string | undefined {
  return cert.extensions.find((e) => e.critical && !PROCESSED.has(e.oid))?.oid
}

function checkAnchor(anchor: Certificate, n: number): ProcessOutcome | undefined {
  if (anchor.basicConstraints && !anchor.basicConstraints.ca) {
    return fail('chain.anchor-constraints', n, 'anchor basicConstraints cA is false')
  }
  if (anchor.keyUsage && !anchor.keyUsage.has('keyCertSign')) {
    return fail('chain.anchor-constraints', n, 'anchor keyUsage lacks keyCertSign')
  }
  return undefined
}

function checkLeafUsage(leaf: Certificate, options: ProcessOptions): ProcessOutcome | undefined {
  const wantKu = options.keyUsage ?? []
  if (leaf.keyUsage && wantKu.some((u) => !leaf.keyUsage!.has(u))) {
    const missing = wantKu.filter((u) => !leaf.keyUsage!.has(u))
    return fail('chain.key-usage', 0, `keyUsage lacks ${missing.join(', ')}`)
  }
  const wantEku = options.extendedKeyUsage ?? []
  const eku = leaf.extKeyUsage
  if (eku && wantEku.length > 0) {
    const anyAllowed = wantEku.includes(ANY_EKU) && eku.includes(ANY_EKU)
    const missing = wantEku.filter((o) => o !== ANY_EKU && !eku.includes(o))
    if (missing.length > 0 && !anyAllowed) {
      return fail('chain.extended-key-usage', 0, `extKeyUsage lacks ${missing.join(', ')}`)
    }
  }
  return undefined
}

function checkCa(
  cert: Certificate,
  index: number,
  maxPathLength: number,
): { outcome?: ProcessOutcome; maxPathLength: number } {
  const bc = cert.basicConstraints
  if (!bc || !bc.ca) {
    return { outcome: fail('chain.basic-constraints', index, 'not a CA'), maxPathLength }
  }
  let max = maxPathLength
  if (!cert.selfIssued) {
    if (max <= 0)
      return { outcome: fail('chain.path-length', index, 'path too long'), maxPathLength }
    max--
  }
  if (bc.pathLen !== undefined && bc.pathLen < max) max = bc.pathLen
  if (cert.keyUsage && !cert.keyUsage.has('keyCertSign')) {
    return { outcome: fail('chain.key-cert-sign', index, 'keyCertSign not set'), maxPathLength }
  }
  return { maxPathLength: max }
}

/**
 * Validates `chain` (leaf first, anchor excluded) under `anchor`. The anchor's name
 * constraints, pathLenConstraint and keyUsage apply; its validity period does not.
 */
export async function processPath(
  chain: readonly Certificate[],
  anchor: Certificate,
  options: ProcessOptions,
): Promise<ProcessOutcome> {
  const cache = options.paths
  if (!cache) return processUncached(chain, anchor, options)
  const key = pathKey(chain, anchor, options)
  const hit = cache.get(key)
  const t = options.time.getTime()
  // A passing path passes again at any time inside every validity period: the periods are the
  // only input of RFC 5280 processing that depends on the time. Its signatures are checked
  // again through the checker (cached there too), so the work budget counts them as before.
  if (hit && t >= hit.from && t <= hit.until && (await signaturesHold(chain, anchor, options))) {
    return { ok: true, policies: hit.policies, notices: hit.notices }
  }
  const outcome = await processUncached(chain, anchor, options)
  if (outcome.ok) {
    const from = Math.max(...chain.map((c) => c.notBefore.getTime()))
    const until = Math.min(...chain.map((c) => c.notAfter.getTime()))
    cache.set(key, { policies: outcome.policies, notices: outcome.notices, from, until })
  }
  return outcome
}

function pathKey(chain: readonly Certificate[], anchor: Certificate, o: ProcessOptions): string {
  const p = o.policy
  // Every list with its length and every string with its own, so that no two inputs share a
  // key whatever characters their strings hold.
  const flags = [p.explicitPolicy, p.policyMappingInhibit, p.anyPolicyInhibit]
  let key = flags.map(Number).join('')
  const list = (items: readonly string[]) => {
    key += `|${items.length}`
    for (const s of items) key += `|${s.length}:${s}`
  }
  key += `|${chain.length}`
  for (const c of chain) key += `|${c.sha256}`
  key += `|${anchor.sha256}`
  list(p.initialPolicySet)
  list(o.keyUsage ?? [])
  list(o.extendedKeyUsage ?? [])
  return key
}

/** The key that verifies certificates issued by `issuer`, and its cache id. */
function issuerKey(issuer: Certificate, inherited: Uint8Array | undefined) {
  const spki = effectiveSpki(issuer, inherited)
  const keyId = spki === issuer.spki ? issuer.sha256 : `${issuer.sha256}:${toHex(spki)}`
  return { spki, keyId }
}

async function signaturesHold(
  chain: readonly Certificate[],
  anchor: Certificate,
  options: ProcessOptions,
): Promise<boolean> {
  let issuer = anchor
  let inherited: Uint8Array | undefined
  for (let k = chain.length - 1; k >= 0; k--) {
    const { spki, keyId } = issuerKey(issuer, inherited)
    if (!(await options.signatures.verify(chain[k]!, keyId, spki))) return false
    inherited = passedOnParameters(issuer, inherited)
    issuer = chain[k]!
  }
  return true
}

async function processUncached(
  chain: readonly Certificate[],
  anchor: Certificate,
  options: ProcessOptions,
): Promise<ProcessOutcome> {
  const n = chain.length
  const anchorProblem = checkAnchor(anchor, n)
  if (anchorProblem) return anchorProblem
  let nc = addNameConstraints(NO_NAME_CONSTRAINTS, anchor.nameConstraints)
  let maxPathLength = anchor.basicConstraints?.pathLen ?? Number.POSITIVE_INFINITY
  const policy = new PolicyProcessor(n, options.policy)
  let issuer = anchor
  let inherited: Uint8Array | undefined
  for (let k = n - 1; k >= 0; k--) {
    const cert = chain[k]!
    const i = n - k
    const { spki, keyId } = issuerKey(issuer, inherited)
    if (!(await options.signatures.verify(cert, keyId, spki))) {
      return fail('chain.signature', k, 'signature does not verify')
    }
    inherited = passedOnParameters(issuer, inherited)
    issuer = cert
    if (cert.malformedExtensions.length > 0) {
      return fail('chain.malformed-extension', k, cert.malformedExtensions.join(', '))
    }
    if (options.time < cert.notBefore) return fail('chain.not-yet-valid', k, 'notBefore')
    if (options.time > cert.notAfter) return fail('chain.expired', k, 'notAfter')
    if (!(cert.selfIssued && k > 0)) {
      const problem = checkNameConstraints(nc, cert)
      if (problem) return fail('chain.name-constraints', k, problem)
    }
    if (!policy.processCertificate(i, cert)) return fail('chain.policy', k, 'no acceptable policy')
    const critical = unknownCriticalExtension(cert)
    if (critical) return fail('chain.critical-extension', k, critical)
    if (k === 0) break
    if (!policy.prepareNext(i, cert)) return fail('chain.policy', k, 'mapping to or from anyPolicy')
    nc = addNameConstraints(nc, cert.nameConstraints)
    const ca = checkCa(cert, k, maxPathLength)
    if (ca.outcome) return ca.outcome
    maxPathLength = ca.maxPathLength
  }
  if (n > 0) {
    const usage = checkLeafUsage(chain[0]!, options)
    if (usage) return usage
  }
  const policies = n > 0 ? policy.finish(chain[0]!) : { policies: [], notices: [] }
  if (!policies) return fail('chain.policy', 0, 'explicit policy required but none valid')
  return { ok: true, ...policies }
}
