/**
 * Findings from the signer's other attributes: the ESS signing-certificate binding, the
 * claimed signing time (shown, never used as proof) and revocation data archived by Adobe
 * signers in the signed attributes.
 */
import type { Certificate } from '../pki/certificate.js'
import {
  CMS_ATTRIBUTE,
  readRevocationArchival,
  readSigningTime,
  singleAttribute,
  type ArchivedRevocation,
} from '../pki/cms/attributes.js'
import {
  essCertIdMatches,
  parseEssCertId,
  SIGNING_CERTIFICATE_OID,
  SIGNING_CERTIFICATE_V2_OID,
} from '../pki/cms/ess.js'
import type { SignerInfo } from '../pki/cms/signed-data.js'
import type { Finding } from '../verdict/messages.js'
import { isoTime } from '../verdict/iso-time.js'

/** ESS signing-certificate(-v2) check; nothing when neither attribute is present. */
export function essFindings(signer: SignerInfo, cert: Certificate): Finding[] {
  const out: Finding[] = []
  for (const [oid, v2] of [
    [SIGNING_CERTIFICATE_V2_OID, true],
    [SIGNING_CERTIFICATE_OID, false],
  ] as const) {
    const attr = singleAttribute(signer.signedAttrs, oid)
    if (attr.state === 'absent') continue
    const version = v2 ? 'v2' : ''
    let reason = attr.state === 'invalid' ? attr.reason : 'mismatch'
    if (attr.state === 'present') {
      try {
        if (essCertIdMatches(parseEssCertId(attr.value, v2), cert)) {
          out.push({ code: 'cms.ess-signing-certificate', status: 'passed', params: { version } })
          continue
        }
      } catch {
        reason = 'malformed'
      }
    }
    out.push({
      code: 'cms.ess-signing-certificate-mismatch',
      status: 'indeterminate',
      subIndication: 'SIG_CONSTRAINTS_FAILURE',
      params: { version, reason },
    })
  }
  return out
}

/** The claimed signing time and its finding (absent: no finding). */
export function signingTimeFinding(signer: SignerInfo): { time?: Date; findings: Finding[] } {
  const attr = singleAttribute(signer.signedAttrs, CMS_ATTRIBUTE.signingTime)
  if (attr.state === 'absent') return { findings: [] }
  let reason = attr.state === 'invalid' ? attr.reason : 'malformed'
  if (attr.state === 'present') {
    try {
      const time = readSigningTime(attr.value)
      const params = { time: isoTime(time) }
      return { time, findings: [{ code: 'cms.signing-time', status: 'passed', params }] }
    } catch (e) {
      reason = e instanceof Error ? e.message : reason
    }
  }
  const finding: Finding = {
    code: 'cms.signing-time-invalid',
    status: 'indeterminate',
    subIndication: 'SIG_CONSTRAINTS_FAILURE',
    params: { reason },
  }
  return { findings: [finding] }
}

/** Revocation data from the Adobe revocation archival attribute (signed attributes). */
export function archivedRevocation(signer: SignerInfo): {
  data: ArchivedRevocation
  findings: Finding[]
} {
  const attr = singleAttribute(signer.signedAttrs, CMS_ATTRIBUTE.adobeRevocationArchival)
  const empty = { crls: [], ocspResponses: [] }
  if (attr.state === 'absent') return { data: empty, findings: [] }
  let reason = attr.state === 'invalid' ? attr.reason : 'malformed'
  if (attr.state === 'present') {
    try {
      return { data: readRevocationArchival(attr.value), findings: [] }
    } catch (e) {
      reason = e instanceof Error ? e.message : reason
    }
  }
  const finding: Finding = {
    code: 'cms.embedded-revocation-invalid',
    status: 'warning',
    params: { reason },
  }
  return { data: empty, findings: [finding] }
}
