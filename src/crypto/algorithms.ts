/**
 * The single table of signature-algorithm and key-algorithm OIDs known to the verifier.
 */
import type { HashName } from './hash-types.js'

/** Signature schemes. */
export type SignatureScheme = 'rsa-pkcs1' | 'rsa-pss' | 'ecdsa' | 'ed25519' | 'sm2' | 'dsa'

/** One signature algorithm. `hash` is undefined for PSS (in parameters) and Ed25519. */
export interface SignatureAlgorithm {
  readonly oid: string
  readonly name: string
  readonly scheme: SignatureScheme
  readonly hash?: HashName
  /** False when the verifier refuses the algorithm altogether (MD5). */
  readonly supported: boolean
}

const sig = (
  oid: string,
  name: string,
  scheme: SignatureScheme,
  hash?: HashName,
  supported = true,
): SignatureAlgorithm =>
  hash === undefined ? { oid, name, scheme, supported } : { oid, name, scheme, hash, supported }

/** Signature algorithms by OID. */
export const SIGNATURE_ALGORITHMS: ReadonlyMap<string, SignatureAlgorithm> = new Map(
  [
    sig('1.2.840.113549.1.1.4', 'md5WithRSAEncryption', 'rsa-pkcs1', 'MD5', false),
    sig('1.2.840.113549.1.1.5', 'sha1WithRSAEncryption', 'rsa-pkcs1', 'SHA-1'),
    sig('1.3.14.3.2.29', 'sha1WithRSASignature', 'rsa-pkcs1', 'SHA-1'),
    sig('1.2.840.113549.1.1.14', 'sha224WithRSAEncryption', 'rsa-pkcs1', 'SHA-224'),
    sig('1.2.840.113549.1.1.11', 'sha256WithRSAEncryption', 'rsa-pkcs1', 'SHA-256'),
    sig('1.2.840.113549.1.1.12', 'sha384WithRSAEncryption', 'rsa-pkcs1', 'SHA-384'),
    sig('1.2.840.113549.1.1.13', 'sha512WithRSAEncryption', 'rsa-pkcs1', 'SHA-512'),
    sig('1.2.840.113549.1.1.10', 'RSASSA-PSS', 'rsa-pss'),
    sig('1.2.840.10045.4.1', 'ecdsa-with-SHA1', 'ecdsa', 'SHA-1'),
    sig('1.2.840.10045.4.3.1', 'ecdsa-with-SHA224', 'ecdsa', 'SHA-224'),
    sig('1.2.840.10045.4.3.2', 'ecdsa-with-SHA256', 'ecdsa', 'SHA-256'),
    sig('1.2.840.10045.4.3.3', 'ecdsa-with-SHA384', 'ecdsa', 'SHA-384'),
    sig('1.2.840.10045.4.3.4', 'ecdsa-with-SHA512', 'ecdsa', 'SHA-512'),
    sig('1.3.101.112', 'Ed25519', 'ed25519'),
    sig('1.2.156.10197.1.501', 'SM2-with-SM3', 'sm2', 'SM3'),
    sig('1.2.840.10040.4.3', 'dsa-with-sha1', 'dsa', 'SHA-1'),
    sig('2.16.840.1.101.3.4.3.1', 'dsa-with-sha224', 'dsa', 'SHA-224'),
    sig('2.16.840.1.101.3.4.3.2', 'dsa-with-sha256', 'dsa', 'SHA-256'),
  ].map((a) => [a.oid, a]),
)

/** Key types recognised in SubjectPublicKeyInfo. */
export type KeyType = 'rsa' | 'rsa-pss' | 'ec' | 'ed25519' | 'dsa'

/** Key algorithms (SPKI `algorithm`) by OID. */
export const KEY_ALGORITHMS: ReadonlyMap<string, { name: string; type: KeyType }> = new Map([
  ['1.2.840.113549.1.1.1', { name: 'rsaEncryption', type: 'rsa' }],
  ['1.2.840.113549.1.1.10', { name: 'RSASSA-PSS', type: 'rsa-pss' }],
  ['1.2.840.10045.2.1', { name: 'id-ecPublicKey', type: 'ec' }],
  ['1.2.156.10197.1.301', { name: 'sm2', type: 'ec' }],
  ['1.3.101.112', { name: 'Ed25519', type: 'ed25519' }],
  ['1.2.840.10040.4.1', { name: 'id-dsa', type: 'dsa' }],
])

/** Named curves. */
export type CurveName = 'P-256' | 'P-384' | 'P-521' | 'SM2'

/** Named-curve OIDs (id-ecPublicKey parameters). */
export const CURVES: ReadonlyMap<string, CurveName> = new Map([
  ['1.2.840.10045.3.1.7', 'P-256'],
  ['1.3.132.0.34', 'P-384'],
  ['1.3.132.0.35', 'P-521'],
  ['1.2.156.10197.1.301', 'SM2'],
])

/** Field size in bytes of each curve. */
export const CURVE_BYTES: Readonly<Record<CurveName, number>> = {
  'P-256': 32,
  'P-384': 48,
  'P-521': 66,
  SM2: 32,
}

/** Looks up a signature algorithm by OID. */
export function signatureAlgorithmByOid(oid: string): SignatureAlgorithm | undefined {
  return SIGNATURE_ALGORITHMS.get(oid)
}
