/**
 * Turns one parsed OCSP response into a revocation status for one certificate: CertID match,
 * responder authorisation and signature, then freshness of the answer at the validation time.
 */
import type { RevocationQuery, RevocationSource, RevocationStatus } from '../revocation-types.js'
import { certIdMatches } from './cert-id.js'
import { ocspMessage, type OcspCode } from './codes.js'
import type { OcspResponse, SingleResponse } from './parse.js'
import { authorizeResponder } from './responder.js'
import { PLAIN } from '../../shape.js'

/** Tuning of OCSP checks. */
export interface OcspCheckOptions {
  /** Clock tolerance for thisUpdate, nextUpdate and the responder's validity (default 5 min). */
  readonly toleranceMs?: number
  /** Oldest accepted answer without nextUpdate, measured from thisUpdate (default 24 h). */
  readonly maxAgeMs?: number
  /** Sources asked about a delegated responder without ocsp-nocheck (default none). */
  readonly responderRevocation?: readonly RevocationSource[]
  /** Delegated responder certificates (DER) for responses that do not embed theirs. */
  readonly certificates?: readonly Uint8Array[]
}

/** Default clock tolerance: five minutes. */
export const DEFAULT_TOLERANCE_MS = 5 * 60_000
/** Default maximum age of an answer without nextUpdate: one day. */
export const DEFAULT_MAX_AGE_MS = 24 * 3_600_000

/** An 'unknown' OCSP status with a code. */
export function ocspUnknown(code: OcspCode, detail?: string): RevocationStatus {
  return { status: 'unknown', source: 'ocsp', code, message: ocspMessage(code, detail) }
}

function pick(matches: readonly SingleResponse[]): SingleResponse {
  const revoked = matches.find((m) => m.status.kind === 'revoked')
  if (revoked) return revoked
  return [...matches].sort((a, b) => b.thisUpdate.getTime() - a.thisUpdate.getTime())[0]!
}

function dates(s: SingleResponse): { thisUpdate: Date; nextUpdate?: Date } {
  return s.nextUpdate
    ? { thisUpdate: s.thisUpdate, nextUpdate: s.nextUpdate }
    : { thisUpdate: s.thisUpdate }
}

function freshness(s: SingleResponse, time: Date, options: OcspCheckOptions): OcspCode | undefined {
  const t = time.getTime()
  const tol = options.toleranceMs ?? DEFAULT_TOLERANCE_MS
  if (s.thisUpdate.getTime() > t + tol) return 'revocation.ocsp.not-yet-valid'
  if (s.nextUpdate) {
    if (s.nextUpdate.getTime() + tol < t) return 'revocation.ocsp.stale'
  } else if (t - s.thisUpdate.getTime() > (options.maxAgeMs ?? DEFAULT_MAX_AGE_MS)) {
    return 'revocation.ocsp.stale'
  }
  return undefined
}

/**
 * Evaluates `response` for `query`. Never throws. A 'revoked' answer (other than
 * certificateHold) is final and reported whatever its age; 'good' and on-hold answers must be
 * fresh at the validation time.
 */
export async function evaluateOcspResponse(
  response: OcspResponse,
  query: RevocationQuery,
  options: OcspCheckOptions = {},
): Promise<RevocationStatus> {
  try {
    const basic = response.basic
    if (!basic) return ocspUnknown('revocation.ocsp.unsuccessful', response.status)
    const matches = basic.responses.filter((r) =>
      certIdMatches(r.certId, query.certificate, query.issuer),
    )
    if (matches.length === 0) return ocspUnknown('revocation.ocsp.no-match')
    if (basic.unknownCriticalExtensions.length > 0) {
      return ocspUnknown('revocation.ocsp.critical-extension', basic.unknownCriticalExtensions[0])
    }
    const auth = await authorizeResponder(basic, query, {
      toleranceMs: options.toleranceMs ?? DEFAULT_TOLERANCE_MS,
      responderRevocation: options.responderRevocation ?? [],
      certificates: options.certificates ?? [],
    })
    if (!auth.ok) return ocspUnknown(auth.code, auth.detail || undefined)
    const single = pick(matches)
    const st = single.status
    if (st.kind === 'unknown') return ocspUnknown('revocation.ocsp.responder-unknown')
    if (st.kind === 'revoked' && st.reason !== 'certificateHold') {
      const base = { status: 'revoked', source: 'ocsp', revokedAt: st.revokedAt, ...dates(single) }
      return (st.reason ? { ...PLAIN, ...base, reason: st.reason } : base) as RevocationStatus
    }
    const stale = freshness(single, query.time, options)
    if (stale) return ocspUnknown(stale)
    if (st.kind === 'revoked') {
      return {
        status: 'revoked',
        source: 'ocsp',
        revokedAt: st.revokedAt,
        reason: 'certificateHold',
        ...dates(single),
      }
    }
    return { status: 'good', source: 'ocsp', ...dates(single) }
  } catch (e) {
    return ocspUnknown('revocation.ocsp.malformed', e instanceof Error ? e.message : undefined)
  }
}
