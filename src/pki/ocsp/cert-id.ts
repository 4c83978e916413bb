/**
 * OCSP CertID computation and matching (RFC 6960 §4.1.1): issuer name hash, issuer key hash
 * and serial number, with SHA-1, SHA-256 (or any supported digest) CertIDs.
 */
import { sameBytes } from '../../crypto/bytes.js'
import { hash, hashNameFromOid, type HashName } from '../../crypto/hash.js'
import { publicKeyBytes, type Certificate } from '../certificate.js'
import { namesEqual } from '../name.js'
import type { CertId } from './parse.js'

/** Serial INTEGER content without redundant leading zero octets. */
function canonicalSerial(serial: Uint8Array): Uint8Array {
  let i = 0
  while (i < serial.length - 1 && serial[i] === 0 && (serial[i + 1]! & 0x80) !== 0) i++
  return serial.subarray(i)
}

/** The two issuer hashes of a CertID for `cert` issued by `issuer`. */
export function issuerHashes(
  cert: Certificate,
  issuer: Certificate,
  hashName: HashName,
): { nameHash: Uint8Array; keyHash: Uint8Array } {
  return {
    nameHash: hash(hashName, cert.issuer.der),
    keyHash: hash(hashName, publicKeyBytes(issuer)),
  }
}

/**
 * True when `id` designates `cert` as issued by `issuer`. Digests this library does not know
 * (and MD5) never match.
 */
export function certIdMatches(id: CertId, cert: Certificate, issuer: Certificate): boolean {
  const name = hashNameFromOid(id.hashAlgorithm.oid)
  if (name === undefined || name === 'MD5') return false
  if (!sameBytes(canonicalSerial(id.serialNumber), canonicalSerial(cert.serialNumber))) return false
  const { nameHash, keyHash } = issuerHashes(cert, issuer, name)
  if (!sameBytes(id.issuerKeyHash, keyHash)) return false
  if (sameBytes(id.issuerNameHash, nameHash)) return true
  // Some responders hash the issuer certificate's subject field; it names the same issuer,
  // possibly with a different string encoding.
  return (
    namesEqual(cert.issuer, issuer.subject) &&
    sameBytes(id.issuerNameHash, hash(name, issuer.subject.der))
  )
}

/** True when two byte arrays are equal. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return sameBytes(a, b)
}
