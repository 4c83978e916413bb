/**
 * Signing-time checks of a seal signature: the signer's claimed timeInfo (never proof)
 * against the seal and certificate validity, and a valid time-stamp's genTime (proof).
 */
import type { SesSignature } from '../formats/ses/types.js'
import type { Certificate } from '../pki/certificate.js'
import type { Finding } from '../verdict/messages.js'
import type { SesTimestampResult } from './ses-timestamp.js'

const iso = (d: Date) => d.toISOString()
const within = (t: Date, from: Date, to: Date) =>
  t.getTime() >= from.getTime() && t.getTime() <= to.getTime()

/** Findings about the claimed signing time. */
export function claimedTimeFindings(sig: SesSignature, signer: Certificate | undefined): Finding[] {
  const { validStart, validEnd } = sig.seal.property
  const t = sig.timeInfo
  if (!t) {
    return [
      {
        code: 'ses.signing-time-unreadable',
        status: 'indeterminate',
        subIndication: 'SIG_CONSTRAINTS_FAILURE',
        params: { text: sig.timeInfoText },
      },
    ]
  }
  const out: Finding[] = []
  const params = { time: iso(t), from: iso(validStart), to: iso(validEnd) }
  if (within(t, validStart, validEnd)) {
    out.push({ code: 'ses.signing-time', status: 'passed', params: { time: iso(t) } })
  } else {
    out.push({
      code: 'ses.signing-time-outside-seal',
      status: 'indeterminate',
      subIndication: 'SIG_CONSTRAINTS_FAILURE',
      params,
    })
  }
  if (signer && !within(t, signer.notBefore, signer.notAfter)) {
    out.push({
      code: 'ses.signing-time-certificate',
      status: 'warning',
      params: { time: iso(t), from: iso(signer.notBefore), to: iso(signer.notAfter) },
    })
  }
  return out
}

/** Findings about the time a valid (or invalid) time-stamp proves. */
export function provenTimeFindings(
  sig: SesSignature,
  ts: SesTimestampResult,
  signer: Certificate | undefined,
): Finding[] {
  if (!ts.valid)
    return [{ code: 'ses.timestamp-invalid', status: 'warning', params: { reason: ts.reason } }]
  const t = ts.genTime
  const out: Finding[] = [{ code: 'ses.timestamp', status: 'passed', params: { time: iso(t) } }]
  const { validStart, validEnd } = sig.seal.property
  if (!within(t, validStart, validEnd)) {
    out.push({
      code: 'ses.timestamp-outside-seal',
      status: 'indeterminate',
      subIndication: 'SIG_CONSTRAINTS_FAILURE',
      params: { time: iso(t), from: iso(validStart), to: iso(validEnd) },
    })
  }
  if (signer && t.getTime() > signer.notAfter.getTime()) {
    out.push({
      code: 'ses.timestamp-after-expiry',
      status: 'failed',
      subIndication: 'EXPIRED',
      params: { notAfter: iso(signer.notAfter) },
    })
  }
  if (signer && t.getTime() < signer.notBefore.getTime()) {
    out.push({
      code: 'ses.timestamp-before-validity',
      status: 'failed',
      subIndication: 'NOT_YET_VALID',
      params: { notBefore: iso(signer.notBefore) },
    })
  }
  return out
}
