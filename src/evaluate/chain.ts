/**
 * The chain, revocation and trust-service steps shared by every format: validate the path of
 * a certificate to the registry's anchors at a time, then ask the registry which province and
 * service vouch for the anchor and whether that service was granted then.
 */
import type { CachedPicture, PictureCache } from '../formats/pdf/appearance/image-cache.js'
import { BoundedCache, type PkiCache } from '../pki/cache.js'
import type { Certificate } from '../pki/certificate.js'
import type { RevocationSource } from '../pki/revocation-types.js'
import { PATH_CODES, validateCertificatePath, type CertificateRevocation } from '../pki/validate.js'
import type { Registry, RegistryAnchor, ServiceType, Vouching } from '../registry/index.js'
import { YRD_PROVINCES } from '../formats/licence/divisions.js'
import { limitOf, type VerifyLimits } from '../verify-limits.js'
import { registerCodes, type Finding } from '../verdict/messages.js'
import type { CertificateSummary, Province } from '../verdict/types.js'
import { checkServiceUsage } from './policy.js'
import { withdrawalOf } from './service-history.js'
import { PLAIN } from '../shape.js'
import { isoTime } from '../verdict/iso-time.js'
import { rememberedValidation, type RememberedValidation } from './chain-memo.js'

registerCodes(
  Object.fromEntries(
    PATH_CODES.map((c) => [c.code, { zh: `${c.zh}（{cert}）`, en: `${c.en} ({cert})` }]),
  ),
)

/** Everything the chain step needs besides the certificate itself. */
export interface ChainContext {
  readonly registry: Registry
  /** Extra anchors the caller trusts (`--trust`); they vouch for no province. */
  readonly extraAnchors: readonly Certificate[]
  readonly time: Date
  readonly crls: readonly Uint8Array[]
  readonly ocspResponses: readonly Uint8Array[]
  readonly revocation: 'require' | 'if-available' | 'off'
  readonly revocationSources: readonly RevocationSource[]
  /** The caller's bounds (chain depth, work, signatures; the readers' bounds too). */
  readonly limits?: VerifyLimits
  /** A verifier's caches, shared by the validations of every input it verifies. */
  readonly cache?: ChainCache
  /** Finds missing issuers (AIA caIssuers); used only when no path was found without it. */
  readonly fetchIssuers?: (certificate: Certificate) => Promise<readonly Certificate[]>
}

const MAX_FETCH_ROUNDS = 4

/** What a verifier caches for the chain step. */
export interface ChainCache {
  readonly pki: PkiCache
  /** Decoded seal pictures of PDF appearances, by content (image-cache.ts). */
  readonly pictures: PictureCache
  /** Path validation answers and the times they hold for (chain-memo.ts). */
  readonly validations: BoundedCache<RememberedValidation>
}

/** Decoded pictures kept by one verifier (each at most 1 MiB of pixels). */
const MAX_CACHED_PICTURES = 32

/** Creates the chain step's caches, each holding at most `maxEntries` entries. */
export function createChainCache(pki: PkiCache, maxEntries = 4096): ChainCache {
  const pictures = new BoundedCache<CachedPicture>(Math.min(maxEntries, MAX_CACHED_PICTURES))
  return { pki, pictures, validations: new BoundedCache(maxEntries) }
}

/**
 * The registry's answer for a path's anchor at the validation time. Not cached: the time is
 * usually "now", new on every call, and the answer is a lookup by digest and a search of a few
 * history periods (whose dates the registry parses once).
 */
function vouch(
  ctx: ChainContext,
  anchor: Certificate,
  types: readonly ServiceType[] | undefined,
): Vouching | undefined {
  return ctx.registry.vouch(anchor.der, ctx.time, types)
}

export interface ChainEvaluation {
  readonly findings: readonly Finding[]
  readonly province: Province | null
  readonly service: { readonly id: string; readonly type: string; readonly name: string } | null
  readonly chain: readonly Certificate[]
}

/**
 * The registry anchors a path from `leaf` through `pool` can use: those named as the issuer
 * of one of these certificates (the only ones path building considers), and the leaf itself
 * when it is an anchor. Only these are parsed (the embedded registry parses on first use).
 */
function usefulAnchors(
  anchors: readonly RegistryAnchor[],
  leaf: Certificate,
  pool: readonly Certificate[],
): Certificate[] {
  const index = indexOf(anchors)
  const picked = new Set<number>(index.byDigest.get(leaf.sha256))
  for (const c of [leaf, ...pool])
    for (const i of index.bySubject.get(c.issuer.key) ?? []) picked.add(i)
  // In the registry's order, as path building saw them before the index existed.
  return [...picked].sort((x, y) => x - y).map((i) => anchors[i]!.certificate)
}

/** Positions of a registry's anchors by digest and by subject name. */
interface AnchorIndex {
  readonly byDigest: ReadonlyMap<string, readonly number[]>
  readonly bySubject: ReadonlyMap<string, readonly number[]>
}

/** Indexes of anchor lists; a registry returns the same frozen list for the same types. */
const anchorIndexes = new WeakMap<readonly RegistryAnchor[], AnchorIndex>()

function indexOf(anchors: readonly RegistryAnchor[]): AnchorIndex {
  const known = Object.isFrozen(anchors) ? anchorIndexes.get(anchors) : undefined
  if (known) return known
  const byDigest = new Map<string, number[]>()
  const bySubject = new Map<string, number[]>()
  anchors.forEach((a, i) => {
    byDigest.set(a.sha256, [...(byDigest.get(a.sha256) ?? []), i])
    bySubject.set(a.subjectKey, [...(bySubject.get(a.subjectKey) ?? []), i])
  })
  const index = { byDigest, bySubject }
  // Only a frozen list cannot change under its index.
  if (Object.isFrozen(anchors)) anchorIndexes.set(anchors, index)
  return index
}

/** The validity dates of certificates as verdict text (certificates recur; strings are shared). */
const validityText = new WeakMap<Certificate, { readonly from: string; readonly to: string }>()

/** A certificate's identity for verdicts (a new object each time: callers may change it). */
export function summarise(c: Certificate): CertificateSummary {
  let v = validityText.get(c)
  if (v === undefined) {
    v = { from: c.notBefore.toISOString(), to: c.notAfter.toISOString() }
    validityText.set(c, v)
  }
  return {
    subject: c.subject.text,
    issuer: c.issuer.text,
    serialNumber: c.serialHex,
    sha256: c.sha256,
    notBefore: v.from,
    notAfter: v.to,
  }
}

/**
 * Validates `certificate` (with the `intermediates` the input carried) against the registry's
 * anchors of the given service types (all types when omitted) and reports findings.
 */
export async function evaluateChain(
  certificate: Certificate,
  intermediates: readonly Certificate[],
  ctx: ChainContext,
  types?: readonly ServiceType[],
): Promise<ChainEvaluation> {
  const anchors = ctx.registry.anchors(types)
  const pool = [...intermediates]
  const trustAnchors = () => [...usefulAnchors(anchors, certificate, pool), ...ctx.extraAnchors]
  const validate = () =>
    validateCertificatePath({
      certificate,
      intermediates: pool,
      trustAnchors: trustAnchors(),
      time: ctx.time,
      crls: [...ctx.crls],
      ocspResponses: [...ctx.ocspResponses],
      revocation: ctx.revocation,
      revocationSources: [...ctx.revocationSources],
      maxDepth: limitOf(ctx.limits, 'chainDepth'),
      maxWork: {
        candidates: limitOf(ctx.limits, 'chainWork'),
        signatures: limitOf(ctx.limits, 'chainSignatures'),
      },
      ...(ctx.cache ? { cache: ctx.cache.pki } : {}),
    })
  const remembered = {
    certificate,
    pool,
    anchors,
    types,
    certificates: () => [certificate, ...pool, ...trustAnchors()],
  }
  let result = await rememberedValidation(ctx, remembered, validate)
  // Online only: fetch the issuers the input lacks, a few levels up, then try again.
  let top = result.path[result.path.length - 1] ?? certificate
  for (let round = 0; ctx.fetchIssuers && result.reason === 'chain.no-path'; round++) {
    if (round >= MAX_FETCH_ROUNDS) break
    const found = (await ctx.fetchIssuers(top)).filter(
      (c) => !pool.some((p) => p.sha256 === c.sha256),
    )
    if (found.length === 0) break
    pool.push(...found)
    top = found[0]!
    result = await validate()
  }
  const findings: Finding[] = []
  const chain = result.path
  const anchor = result.anchor
  const vouching = anchor ? vouch(ctx, anchor, types) : undefined
  const province = vouching ? { code: vouching.province.code, name: vouching.province.name } : null
  const service = vouching
    ? { id: vouching.service.id, type: vouching.service.type, name: vouching.service.name.zh }
    : null

  const about = chain[result.failedIndex ?? 0] ?? certificate
  if (!result.valid) {
    const unknown =
      result.subIndication === 'NO_CERTIFICATE_CHAIN_FOUND' || result.subIndication === 'TRY_LATER'
    findings.push({
      code: result.reason,
      status: unknown ? 'indeterminate' : 'failed',
      subIndication: result.subIndication ?? 'CERTIFICATE_CHAIN_GENERAL_FAILURE',
      params: { cert: about.subject.text },
      detail: {
        message: result.message,
        attempts: result.attempts,
        path: chain.map((c) => c.subject.text),
        revocation: result.revocation.map(revocationDetail),
      },
    })
    return { findings, province, service, chain }
  }
  findings.push({
    code: result.reason,
    status: 'passed',
    params: { cert: certificate.subject.text },
    detail: { path: chain.map((c) => c.subject.text) },
  })
  findings.push(...revocationFindings(result.revocation, ctx.revocation))

  if (!vouching) {
    findings.push({ code: 'certificate.trust-service-unknown', status: 'warning' })
  } else {
    // Names in both languages: the English template uses the English ones.
    const params = {
      province: vouching.province.name,
      provinceEn: YRD_PROVINCES[vouching.province.code]?.en ?? vouching.province.name,
      service: vouching.service.name.zh,
      serviceEn: vouching.service.name.en,
      time: isoTime(ctx.time),
    }
    if (vouching.status === 'granted') {
      findings.push({ code: 'certificate.trust-service', status: 'passed', params })
    } else {
      // The message names when the service was withdrawn (its history), not the time checked.
      const withdrawn = withdrawalOf(vouching.service, ctx.time)
      findings.push({
        code: 'certificate.trust-service-withdrawn',
        status: 'indeterminate',
        subIndication: 'NO_CERTIFICATE_CHAIN_FOUND_NO_POE',
        params: withdrawn === undefined ? params : { ...PLAIN, ...params, time: withdrawn },
      })
    }
    const problem = checkServiceUsage(certificate, vouching.service.type)
    if (problem) {
      findings.push({
        code: problem.code,
        status: 'failed',
        subIndication: 'CHAIN_CONSTRAINTS_FAILURE',
        params: { needed: problem.needed, found: problem.found, service: vouching.service.type },
      })
    }
  }
  return { findings, province, service, chain }
}

function revocationDetail(r: CertificateRevocation): Record<string, unknown> {
  const s = r.status
  return {
    index: r.index,
    status: s.status,
    source: s.source,
    ...(s.revokedAt ? { revokedAt: s.revokedAt.toISOString() } : {}),
    ...(s.reason ? { reason: s.reason } : {}),
    ...(s.code ? { code: s.code } : {}),
  }
}

function revocationFindings(
  statuses: readonly CertificateRevocation[],
  mode: ChainContext['revocation'],
): Finding[] {
  if (mode === 'off') return [{ code: 'certificate.revocation-skipped', status: 'warning' }]
  return statuses.map((r): Finding => {
    const s = r.status
    if (s.status === 'good') {
      return {
        code: 'certificate.revocation',
        status: 'passed',
        params: { state: 'good', source: s.source, index: r.index },
      }
    }
    if (s.status === 'revoked' && s.revokedAt) {
      // Validation passed, so this revocation takes effect only after the validation time.
      return {
        code: 'certificate.revoked-later',
        status: 'warning',
        params: { time: s.revokedAt.toISOString(), reason: s.reason ?? 'unspecified' },
      }
    }
    return {
      code: 'certificate.revocation-unknown',
      status: 'warning',
      params: { index: r.index },
      ...(s.message ? { detail: { message: s.message } } : {}),
    }
  })
}
