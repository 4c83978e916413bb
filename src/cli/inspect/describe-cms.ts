/**
 * `inspect` views of certificate files (PEM, DER, PKCS#7 bundles, PKCS#12) and CMS signature
 * files (SignedData signers, attributes, certificates).
 */
import { signatureAlgorithmByOid } from '../../crypto/algorithms.js'
import type { CertificateEvidence } from '../../formats/certificate/read.js'
import type { CmsEvidence } from '../../formats/cms/read.js'
import type { SignerInfo } from '../../pki/cms/signed-data.js'
import type { Artifacts } from './artifacts.js'
import { describeCertificate } from './describe-certificate.js'
import { hex } from './plain.js'

const ATTRIBUTES: Readonly<Record<string, string>> = {
  '1.2.840.113549.1.9.3': 'contentType',
  '1.2.840.113549.1.9.4': 'messageDigest',
  '1.2.840.113549.1.9.5': 'signingTime',
  '1.2.840.113549.1.9.16.2.12': 'signingCertificate',
  '1.2.840.113549.1.9.16.2.47': 'signingCertificateV2',
  '1.2.840.113549.1.9.16.2.14': 'signatureTimeStampToken',
  '1.2.840.113549.1.9.52': 'cmsAlgorithmProtection',
  '1.2.840.113583.1.1.8': 'adbe-revocationInfoArchival',
}

const algName = (oid: string) => signatureAlgorithmByOid(oid)?.name ?? oid

/** Describes what a certificate file holds; certificates go to `artifacts`. */
export function describeCertificateFile(e: CertificateEvidence, artifacts: Artifacts) {
  return {
    container: e.container,
    hasPrivateKey: e.hasPrivateKey,
    subjects: e.subjectIndexes,
    certificates: e.certificates.map((c, i) => describeCertificate(c, artifacts, `cert${i + 1}`)),
    crls: e.crls.map((c) => ({ bytes: c.length })),
    ocspResponses: e.ocspResponses.map((o) => ({ bytes: o.length })),
  }
}

function describeSigner(s: SignerInfo) {
  const attr = (a: { oid: string; values: readonly unknown[] }) => ({
    oid: a.oid,
    name: ATTRIBUTES[a.oid] ?? null,
    values: a.values.length,
  })
  return {
    version: s.version,
    signerIdentifier:
      s.sid.kind === 'issuer-serial'
        ? { issuer: s.sid.issuer.text, serialNumber: hex(s.sid.serialNumber) }
        : { subjectKeyIdentifier: hex(s.sid.keyId) },
    digestAlgorithm: s.digestAlgorithm.oid,
    signatureAlgorithm: algName(s.signatureAlgorithm.oid),
    signedAttributes: s.signedAttrs.map(attr),
    unsignedAttributes: s.unsignedAttrs.map(attr),
    signature: hex(s.signature),
  }
}

/** Describes a CMS SignedData file. */
export function describeCms(e: CmsEvidence, artifacts: Artifacts) {
  const sd = e.signedData
  return {
    contentType: sd.contentType,
    version: sd.version,
    attached: e.attached,
    encapsulatedContentType: sd.eContentType,
    contentBytes: sd.eContent?.length ?? null,
    digestAlgorithms: sd.digestAlgorithms.map((a) => a.oid),
    signers: sd.signers.map(describeSigner),
    certificates: sd.certificates.map((c, i) => describeCertificate(c, artifacts, `cert${i + 1}`)),
    crls: sd.crls.length,
    ocspResponses: sd.ocspResponses.length,
  }
}
