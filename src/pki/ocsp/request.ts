/**
 * OCSP request building (RFC 6960 §4.1) for the online fetcher: one CertID, optional nonce.
 */
import { hashOid } from '../../crypto/hash.js'
import type { Certificate } from '../certificate.js'
import { issuerHashes } from './cert-id.js'
import { NULL, oid, tlv } from './der-encode.js'
import { OCSP_NONCE_OID } from './response-extensions.js'

/** Options of {@link buildOcspRequest}. */
export interface OcspRequestOptions {
  /** CertID digest (default SHA-1, what most responders index by). */
  readonly hash?: 'SHA-1' | 'SHA-256' | 'SM3'
  /** Nonce bytes to send (RFC 8954: 1 to 32 octets); none by default. */
  readonly nonce?: Uint8Array
}

/**
 * Builds a DER OCSPRequest asking about `cert`, issued by `issuer`.
 * @example
 * const body = buildOcspRequest(leaf, ca, { hash: 'SHA-256', nonce })
 */
export function buildOcspRequest(
  cert: Certificate,
  issuer: Certificate,
  options: OcspRequestOptions = {},
): Uint8Array {
  const hashName = options.hash ?? 'SHA-1'
  const { nameHash, keyHash } = issuerHashes(cert, issuer, hashName)
  const certId = tlv(
    0x30,
    tlv(0x30, oid(hashOid(hashName)), NULL),
    tlv(0x04, nameHash),
    tlv(0x04, keyHash),
    tlv(0x02, cert.serialNumber),
  )
  const parts = [tlv(0x30, tlv(0x30, certId))]
  if (options.nonce) {
    if (options.nonce.length < 1 || options.nonce.length > 32) {
      throw new RangeError('OCSP nonce must be 1 to 32 octets')
    }
    const ext = tlv(0x30, oid(OCSP_NONCE_OID), tlv(0x04, tlv(0x04, options.nonce)))
    parts.push(tlv(0xa2, tlv(0x30, ext)))
  }
  return tlv(0x30, tlv(0x30, ...parts))
}
