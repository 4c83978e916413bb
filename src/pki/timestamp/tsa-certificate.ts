/**
 * Locating the TSA certificate of a token and checking its RFC 3161 §2.3 profile: a critical
 * extended key usage holding id-kp-timeStamping only, a signing key usage, and validity at
 * genTime.
 */
import { parseCertificate, type Certificate } from '../certificate.js'
import { EXT } from '../extensions.js'
import { timestampCheck, type TimestampCheck } from './codes.js'

/** id-kp-timeStamping. */
export const KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8'

/** Parses certificates, skipping those that do not parse. */
export function parseCertificates(ders: readonly Uint8Array[]): Certificate[] {
  const out: Certificate[] = []
  for (const der of ders) {
    try {
      out.push(parseCertificate(der))
    } catch {
      // A malformed embedded certificate cannot be the signer; ignore it.
    }
  }
  return out
}

/** The profile checks of a TSA certificate at `genTime`. */
export function tsaProfileChecks(cert: Certificate, genTime: Date): TimestampCheck[] {
  const checks: TimestampCheck[] = []
  const eku = cert.extensions.find((e) => e.oid === EXT.extKeyUsage)
  const purposes = cert.extKeyUsage ?? []
  if (!eku || !cert.extKeyUsage) {
    checks.push(timestampCheck('timestamp.tsa-eku', 'failed', 'no extendedKeyUsage'))
  } else if (!eku.critical) {
    checks.push(timestampCheck('timestamp.tsa-eku', 'failed', 'extendedKeyUsage not critical'))
  } else if (purposes.length !== 1 || purposes[0] !== KP_TIME_STAMPING) {
    checks.push(timestampCheck('timestamp.tsa-eku', 'failed', purposes.join(',')))
  } else {
    checks.push(timestampCheck('timestamp.tsa-eku', 'passed'))
  }
  const ku = cert.keyUsage
  const kuOk = !ku || ku.has('digitalSignature') || ku.has('nonRepudiation')
  checks.push(timestampCheck('timestamp.tsa-key-usage', kuOk ? 'passed' : 'failed'))
  const t = genTime.getTime()
  const inside = t >= cert.notBefore.getTime() && t <= cert.notAfter.getTime()
  checks.push(
    timestampCheck(
      'timestamp.tsa-validity',
      inside ? 'passed' : 'failed',
      inside ? undefined : `${cert.notBefore.toISOString()}..${cert.notAfter.toISOString()}`,
    ),
  )
  return checks
}
