/**
 * The signature algorithm a CMS SignerInfo means. SignerInfo may name a key algorithm
 * (rsaEncryption, id-ecPublicKey, SM2) and leave the hash to digestAlgorithm; this module turns
 * such a pair into one signature-algorithm OID for `verifySignature`.
 */
import { signatureAlgorithmByOid } from '../../crypto/algorithms.js'
import { hashNameFromOid, type HashName } from '../../crypto/hash.js'
import type { AlgorithmIdentifier } from '../certificate.js'

const RSA_BY_HASH: Partial<Record<HashName, string>> = {
  'SHA-1': '1.2.840.113549.1.1.5',
  'SHA-224': '1.2.840.113549.1.1.14',
  'SHA-256': '1.2.840.113549.1.1.11',
  'SHA-384': '1.2.840.113549.1.1.12',
  'SHA-512': '1.2.840.113549.1.1.13',
}

const ECDSA_BY_HASH: Partial<Record<HashName, string>> = {
  'SHA-1': '1.2.840.10045.4.1',
  'SHA-224': '1.2.840.10045.4.3.1',
  'SHA-256': '1.2.840.10045.4.3.2',
  'SHA-384': '1.2.840.10045.4.3.3',
  'SHA-512': '1.2.840.10045.4.3.4',
}

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1'
const EC_PUBLIC_KEY = '1.2.840.10045.2.1'
/** SM2 key OID and the GM/T 0006 "SM2-1 signature" OID seen in Chinese CMS. */
const SM2_KEY_OIDS: ReadonlySet<string> = new Set(['1.2.156.10197.1.301', '1.2.156.10197.1.301.1'])
const SM2_WITH_SM3 = '1.2.156.10197.1.501'

/**
 * The signature algorithm for a SignerInfo, or undefined when the pair is unknown or
 * inconsistent (a combined algorithm whose hash differs from digestAlgorithm).
 */
export function cmsSignatureAlgorithm(
  signatureAlgorithm: AlgorithmIdentifier,
  digestAlgorithm: AlgorithmIdentifier,
): AlgorithmIdentifier | undefined {
  const digest = hashNameFromOid(digestAlgorithm.oid)
  if (digest === undefined) return undefined
  const known = signatureAlgorithmByOid(signatureAlgorithm.oid)
  if (known) {
    if (!known.supported) return undefined
    if (known.hash !== undefined && known.hash !== digest) return undefined
    return signatureAlgorithm
  }
  let oid: string | undefined
  if (signatureAlgorithm.oid === RSA_ENCRYPTION) oid = RSA_BY_HASH[digest]
  else if (signatureAlgorithm.oid === EC_PUBLIC_KEY) {
    // id-ecPublicKey with SM3 is how several Chinese signers label SM2 signatures.
    oid = digest === 'SM3' ? SM2_WITH_SM3 : ECDSA_BY_HASH[digest]
  } else if (SM2_KEY_OIDS.has(signatureAlgorithm.oid) && digest === 'SM3') oid = SM2_WITH_SM3
  return oid === undefined ? undefined : { oid }
}
