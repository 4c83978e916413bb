/**
 * Cheap recognition of CMS signature files (`.p7s`, `.p7m`, GB/T 35275 SignedData) from their
 * content: a ContentInfo whose content type is one of the two signedData OIDs and that holds
 * at least one SignerInfo. A certs-only SignedData (`.p7b`) is left to the certificate reader.
 */
import { decodeOid, isUniversal, readTlv, TAG } from '../../asn1/der.js'
import { parseSignedData, SIGNED_DATA_OIDS } from '../../pki/cms/signed-data.js'

/**
 * True when the first element's header and its content-type OID name a SignedData (no full
 * parse: a cheap pre-test for readers that sniff several formats).
 */
export function looksLikeSignedData(bytes: Uint8Array): boolean {
  if (bytes[0] !== 0x30 || bytes.length < 16) return false
  try {
    // Skip the outer header (definite or indefinite), then read the content type.
    const lengthByte = bytes[1]!
    const start = lengthByte < 0x80 || lengthByte === 0x80 ? 2 : 2 + (lengthByte & 0x7f)
    const oid = readTlv(bytes, start, true)
    return isUniversal(oid, TAG.OID) && SIGNED_DATA_OIDS.has(decodeOid(oid.value))
  } catch {
    return false
  }
}

/**
 * Says whether `bytes` is a CMS signature: a SignedData (PKCS#7 1.2.840.113549.1.7.2 or
 * GB/T 35275 1.2.156.10197.6.1.4.2.2) with at least one signer.
 * @example
 * sniffCms(await readFile('contract.pdf.p7s')) // true
 */
export function sniffCms(bytes: Uint8Array): boolean {
  if (!looksLikeSignedData(bytes)) return false
  try {
    return parseSignedData(bytes).signers.length > 0
  } catch {
    return false
  }
}
