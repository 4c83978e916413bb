/**
 * `inspect` view of GB/T 38540 seals (SESeal) and seal signatures (SES_Signature): header,
 * esID, name, type, validity, maker, certificate list, picture, and the signature fields.
 */
import { signatureAlgorithmByOid } from '../../crypto/algorithms.js'
import type { SesSeal, SesSignature } from '../../formats/ses/index.js'
import type { Artifacts } from './artifacts.js'
import { describeCertificate } from './describe-certificate.js'
import { hex } from './plain.js'

const algName = (oid: string) => signatureAlgorithmByOid(oid)?.name ?? oid

/** Describes a seal; pictures and certificates go to `artifacts` under `stem`. */
export function describeSeal(seal: SesSeal, artifacts: Artifacts, stem: string) {
  const p = seal.picture
  const format = p.sniffedFormat ?? p.declaredFormat ?? 'bin'
  const file = artifacts.add(`${stem}-picture`, format, p.data)
  const list = seal.property.certList
  return {
    version: seal.version,
    header: { id: seal.header.id, version: seal.header.version, vendor: seal.header.vid },
    esID: seal.esID,
    name: seal.property.name,
    type: seal.property.type,
    created: seal.property.createDate.toISOString(),
    validFrom: seal.property.validStart.toISOString(),
    validTo: seal.property.validEnd.toISOString(),
    maker: describeCertificate(seal.makerCertificate, artifacts, `${stem}-maker`),
    makerSignatureAlgorithm: algName(seal.signatureAlgorithm),
    certificateList:
      list.kind === 'certificates'
        ? list.certificates.map((c, i) => describeCertificate(c, artifacts, `${stem}-user${i + 1}`))
        : list.digests.map((d) => ({ digestType: d.type, digest: hex(d.value) })),
    picture: {
      declaredType: p.declaredType,
      format: p.sniffedFormat ?? null,
      widthMm: p.width,
      heightMm: p.height,
      bytes: p.data.length,
      ...(file ? { extractedAs: file } : {}),
    },
    extensions: seal.extensions.map((e) => ({
      oid: e.oid,
      critical: e.critical,
      value: hex(e.value),
    })),
    timestamp: seal.timestamp ? `${seal.timestamp.length} bytes` : null,
    notes: seal.notes.map((n) => n.code),
  }
}

/** Describes a seal signature with its seal. */
export function describeSesSignature(sig: SesSignature, artifacts: Artifacts, stem: string) {
  return {
    version: sig.version,
    tbsVersion: sig.tbsVersion,
    claimedSigningTime: sig.timeInfo?.toISOString() ?? sig.timeInfoText,
    dataHash: hex(sig.dataHash),
    propertyInfo: sig.propertyInfo,
    signatureAlgorithm: algName(sig.signatureAlgorithm),
    signatureEncoding: sig.signatureEncoding,
    signer: describeCertificate(sig.signerCertificate, artifacts, `${stem}-signer`),
    timestamp: sig.timestamp ? `${sig.timestamp.length} bytes` : null,
    seal: describeSeal(sig.seal, artifacts, `${stem}-seal`),
    notes: sig.notes.map((n) => n.code),
  }
}
