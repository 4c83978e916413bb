/**
 * Finding the certificate a SignerInfo names: issuer and serial number, or subject key
 * identifier (the extension, or the RFC 5280 method 1 SHA-1 of the public key when the
 * certificate has none). Never by guessing.
 */
import { hash } from '../../crypto/hash.js'
import { publicKeyBytes, type Certificate } from '../certificate.js'
import { namesEqual } from '../name.js'
import { bytesEqual } from '../ocsp/cert-id.js'
import type { SignerIdentifier } from './signed-data.js'

/** True when `cert` is the one the SignerIdentifier names. */
export function sidMatches(sid: SignerIdentifier, cert: Certificate): boolean {
  if (sid.kind === 'issuer-serial') {
    return namesEqual(sid.issuer, cert.issuer) && bytesEqual(sid.serialNumber, cert.serialNumber)
  }
  if (cert.subjectKeyIdentifier && bytesEqual(cert.subjectKeyIdentifier, sid.keyId)) return true
  return bytesEqual(hash('SHA-1', publicKeyBytes(cert)), sid.keyId)
}

/** The certificates the SignerIdentifier names (normally one). */
export function findSignerCertificates(
  sid: SignerIdentifier,
  certificates: readonly Certificate[],
): Certificate[] {
  return certificates.filter((c) => sidMatches(sid, c))
}
