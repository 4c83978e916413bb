/**
 * A RevocationSource backed by a set of CRLs (RFC 5280 §6.3): complete CRLs in scope for the
 * certificate, each usable only when its signer checks out, it has no unprocessable critical
 * extension and it is current at the validation time; delta CRLs are applied to the complete
 * CRL they extend; the reasons covered must add up to all reasons for a 'good' answer.
 */
import { sameBytes } from '../../crypto/bytes.js'
import { derDigest, rememberDigest, type PkiCache } from '../cache.js'
import type { Certificate } from '../certificate.js'
import type { RevocationQuery, RevocationSource, RevocationStatus } from '../revocation-types.js'
import { derBlocks } from '../path/input.js'
import { CRL_CODES, type CrlCode } from './codes.js'
import { ALL_REASONS } from './idp.js'
import { entryKey, parseCrl, type Crl, type CrlEntry } from './parse.js'
import { crlScope } from './scope.js'
import { findCrlSigner, type CrlCheckBudget, type SignerValidator } from './signer.js'

const MAX_CRLS = 1000
const DEFAULT_SIGNATURE_CHECKS = 200

/** Options of {@link createCrlSource}. */
export interface CrlSourceOptions {
  /** Certificates that may have signed CRLs besides those on the path. */
  readonly certificates?: readonly Certificate[]
  /** Validates a CRL signer that is not on the path (its own path to the same anchor). */
  readonly validateSigner?: SignerValidator
  /** Most CRL signature verifications this source performs (default 200). */
  readonly maxSignatureChecks?: number
  /** A verifier's caches: parsed CRLs and their signature results, by DER digest. */
  readonly cache?: PkiCache
}

interface Usable {
  readonly ok: boolean
  readonly code?: string
}

function unknown(code: string): RevocationStatus {
  const text = CRL_CODES[code as CrlCode] ?? { zh: 'CRL 不可用', en: 'the CRL is unusable' }
  return { status: 'unknown', source: 'crl', code, message: `${text.zh} / ${text.en}` }
}

function sameScope(a: Crl, b: Crl): boolean {
  const x = a.idp?.der
  const y = b.idp?.der
  if (!x || !y) return x === y
  return sameBytes(x, y)
}

function parseOne(der: Uint8Array, cache: PkiCache | undefined): Crl | null {
  const key = cache ? derDigest(der) : ''
  const hit = cache?.crls.get(key)
  if (hit !== undefined) return hit
  let crl: Crl | null = null
  try {
    // A cached CRL is parsed from a copy: the caller's array may be refilled later.
    crl = parseCrl(cache ? rememberDigest(der.slice(), key) : der)
  } catch {
    // A CRL that does not parse is no evidence; it is ignored.
  }
  cache?.crls.set(key, crl)
  return crl
}

function parseAll(inputs: readonly Uint8Array[], cache: PkiCache | undefined): Crl[] {
  const parsed: Crl[] = []
  for (const input of inputs) {
    let blocks: Uint8Array[]
    try {
      blocks = derBlocks(input, ['X509 CRL'])
    } catch {
      continue
    }
    for (const der of blocks) {
      const crl = parseOne(der, cache)
      if (crl) parsed.push(crl)
    }
  }
  return parsed
}

/** The dates of parsed CRLs, sorted (see crlTimelines). */
const timelines = new WeakMap<Crl, Float64Array>()

function timelineOf(crl: Crl): Float64Array {
  let t = timelines.get(crl)
  if (t === undefined) {
    const dates = [crl.thisUpdate.getTime()]
    if (crl.nextUpdate) dates.push(crl.nextUpdate.getTime())
    for (const entry of crl.entries.values()) dates.push(entry.revocationDate.getTime())
    t = Float64Array.from(dates).sort()
    timelines.set(crl, t)
  }
  return t
}

/**
 * Every date of `crls` that a validation time is compared with, per CRL and sorted: its
 * thisUpdate and nextUpdate and the revocation date of each entry (the CRLs a source made from
 * the same inputs would use; parsed ones come from `cache`, and so do their sorted dates).
 */
export function crlTimelines(
  crls: readonly Uint8Array[],
  cache: PkiCache | undefined,
): Float64Array[] {
  return parseAll(crls.slice(0, MAX_CRLS), cache).map(timelineOf)
}

/**
 * Creates a revocation source from DER or PEM CRLs. Unparsable CRLs are ignored. Without
 * `validateSigner`, only CRLs signed by a certificate on the path being validated are used.
 * @example
 * const source = createCrlSource([crlDer])
 * const status = await source.check({ certificate, issuer, time, path })
 */
export function createCrlSource(
  crls: readonly Uint8Array[],
  options: CrlSourceOptions = {},
): RevocationSource {
  const parsed = parseAll(crls.slice(0, MAX_CRLS), options.cache)
  const budget: CrlCheckBudget = {
    remaining: options.maxSignatureChecks ?? DEFAULT_SIGNATURE_CHECKS,
    checked: new WeakMap(),
    ...(options.cache ? { shared: options.cache.crlSignatures } : {}),
  }

  function signerOk(crl: Crl, query: RevocationQuery): Promise<Usable> {
    const extra = options.certificates ?? []
    return findCrlSigner(crl, query, extra, options.validateSigner, budget).then((r) =>
      typeof r === 'string' ? { ok: false, code: r } : { ok: true },
    )
  }

  async function usable(crl: Crl, query: RevocationQuery, allowStale: boolean): Promise<Usable> {
    if (crl.unknownCritical.length > 0) return { ok: false, code: 'revocation.crl.critical' }
    // A CRL issued after the validation time is still evidence for that time (validating at
    // a time-stamp's genTime uses the CRLs published since): an entry dated after the time
    // is weighed by path validation, and no entry means the certificate was not revoked then
    // — but only while the certificate had not expired when the CRL was issued, because a CA
    // may drop the entries of expired certificates (RFC 5280 §3.3).
    if (crl.thisUpdate > query.time && crl.thisUpdate > query.certificate.notAfter) {
      return { ok: false, code: 'revocation.crl.after-expiry' }
    }
    if (!allowStale && crl.nextUpdate && crl.nextUpdate < query.time) {
      return { ok: false, code: 'revocation.crl.stale' }
    }
    return signerOk(crl, query)
  }

  async function freshDelta(base: Crl, query: RevocationQuery): Promise<Crl | string | undefined> {
    const deltas = parsed.filter(
      (d) =>
        d.deltaBase !== undefined &&
        d.issuer.key === base.issuer.key &&
        sameScope(d, base) &&
        base.crlNumber !== undefined &&
        d.deltaBase <= base.crlNumber &&
        (d.crlNumber === undefined || d.crlNumber > base.crlNumber),
    )
    if (deltas.length === 0) return undefined
    deltas.sort((a, b) => ((b.crlNumber ?? 0n) > (a.crlNumber ?? 0n) ? 1 : -1))
    let code = 'revocation.crl.delta-unusable'
    for (const d of deltas) {
      const u = await usable(d, query, false)
      if (u.ok) return d
      code = u.code ?? code
    }
    return code
  }

  async function check(query: RevocationQuery): Promise<RevocationStatus> {
    const cert = query.certificate
    const key = entryKey(cert.issuer, cert.serialNumber)
    const covered = new Set<string>()
    let problem: RevocationStatus = unknown('revocation.crl.none')
    let revoked: { entry: CrlEntry; crl: Crl; delta: boolean } | undefined
    let newest: Crl | undefined
    for (const crl of parsed) {
      if (crl.deltaBase !== undefined) continue
      const scope = crlScope(crl, cert)
      if (!scope.inScope) continue
      const delta = await freshDelta(crl, query)
      const deltaCrl = typeof delta === 'object' ? delta : undefined
      const u = await usable(crl, query, deltaCrl !== undefined)
      if (!u.ok) {
        problem = unknown(u.code ?? 'revocation.crl.none')
        continue
      }
      if (typeof delta === 'string') {
        problem = unknown(delta)
        continue
      }
      const fromDelta = deltaCrl?.entries.get(key)
      const entry = fromDelta ?? crl.entries.get(key)
      if (entry && entry.reason !== 'removeFromCRL') {
        revoked = { entry, crl: deltaCrl && fromDelta ? deltaCrl : crl, delta: !!fromDelta }
        break
      }
      for (const r of scope.reasons) covered.add(r)
      newest = deltaCrl ?? crl
    }
    if (revoked) {
      const { entry, crl, delta } = revoked
      return {
        status: 'revoked',
        source: delta ? 'delta-crl' : 'crl',
        revokedAt: entry.revocationDate,
        reason: entry.reason ?? 'unspecified',
        thisUpdate: crl.thisUpdate,
        ...(crl.nextUpdate ? { nextUpdate: crl.nextUpdate } : {}),
      }
    }
    if (newest && ALL_REASONS.every((r) => covered.has(r))) {
      return {
        status: 'good',
        source: newest.deltaBase !== undefined ? 'delta-crl' : 'crl',
        thisUpdate: newest.thisUpdate,
        ...(newest.nextUpdate ? { nextUpdate: newest.nextUpdate } : {}),
      }
    }
    if (newest) return unknown('revocation.crl.reasons')
    return problem
  }

  return { name: 'crl', check }
}
