/**
 * ESS signing-certificate attributes (RFC 2634 ESSCertID, RFC 5035 ESSCertIDv2): the first
 * entry names the certificate that signed, by hash and optionally issuer and serial.
 */
import { children, expectUniversal, isUniversal, TAG, type Tlv } from '../../asn1/der.js'
import { hash, hashNameFromOid } from '../../crypto/hash.js'
import { FormatError } from '../../errors.js'
import { parseAlgorithmIdentifier, type Certificate } from '../certificate.js'
import { parseGeneralNames } from '../general-name.js'
import { namesEqual } from '../name.js'
import { bytesEqual } from '../ocsp/cert-id.js'

/** id-aa-signingCertificate (ESSCertID, SHA-1). */
export const SIGNING_CERTIFICATE_OID = '1.2.840.113549.1.9.16.2.12'
/** id-aa-signingCertificateV2 (ESSCertIDv2). */
export const SIGNING_CERTIFICATE_V2_OID = '1.2.840.113549.1.9.16.2.47'

const SHA256_OID = '2.16.840.1.101.3.4.2.1'

/** The first ESSCertID(v2) of a signing-certificate attribute value. */
export interface EssCertId {
  readonly hashOid: string
  readonly certHash: Uint8Array
  readonly issuerSerial?: { readonly issuer: Tlv; readonly serialNumber: Uint8Array }
}

function fail(message: string): never {
  throw new FormatError('format.cms', `ESS: ${message} / 签名证书属性错误`)
}

/** Reads the first ESSCertID (v2 when `v2`) from a SigningCertificate(V2) value. */
export function parseEssCertId(value: Tlv, v2: boolean): EssCertId {
  const [certs] = children(expectUniversal(value, TAG.SEQUENCE, 'SigningCertificate'))
  const [first] = children(expectUniversal(certs, TAG.SEQUENCE, 'certs'))
  const p = children(expectUniversal(first, TAG.SEQUENCE, 'ESSCertID'))
  let i = 0
  let hashOid = v2 ? SHA256_OID : '1.3.14.3.2.26'
  if (v2 && p[0] && isUniversal(p[0], TAG.SEQUENCE)) hashOid = parseAlgorithmIdentifier(p[i++]).oid
  const certHash = expectUniversal(p[i++], TAG.OCTET_STRING, 'certHash').value
  const isTlv = p[i]
  if (!isTlv) return { hashOid, certHash }
  const [issuer, serial, extra] = children(expectUniversal(isTlv, TAG.SEQUENCE, 'IssuerSerial'))
  if (extra || !issuer || i + 1 !== p.length) fail('bad IssuerSerial')
  const serialNumber = expectUniversal(serial, TAG.INTEGER, 'serialNumber').value
  return { hashOid, certHash, issuerSerial: { issuer, serialNumber } }
}

/** True when `id` designates `cert` (hash, and issuer + serial when present). */
export function essCertIdMatches(id: EssCertId, cert: Certificate): boolean {
  const name = hashNameFromOid(id.hashOid)
  if (name === undefined || name === 'MD5') return false
  if (!bytesEqual(hash(name, cert.der), id.certHash)) return false
  if (!id.issuerSerial) return true
  if (!bytesEqual(id.issuerSerial.serialNumber, cert.serialNumber)) return false
  const names = parseGeneralNames(expectUniversal(id.issuerSerial.issuer, TAG.SEQUENCE, 'Names'))
  return names.some((n) => n.kind === 'directory' && namesEqual(n.value, cert.issuer))
}
