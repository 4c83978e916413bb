/**
 * Algorithm lookup with a weakness assessment: SHA-1 and MD5 digests, RSA and DSA keys
 * shorter than 2048 bits. Weak does not mean invalid; policy decides what to do with it.
 */
import { signatureAlgorithmByOid, type SignatureScheme } from './algorithms.js'
import type { HashName } from './hash-types.js'
import { parsePssParams } from './pss-params.js'
import { parseSpki } from './spki.js'

/** Why an algorithm is considered weak. */
export type WeaknessReason = 'md5' | 'sha1' | 'rsa-key-size' | 'dsa-key-size'

/** Description of a signature algorithm (and, when given, the key used with it). */
export type AlgorithmDescription =
  | { readonly known: false; readonly oid: string }
  | {
      readonly known: true
      readonly oid: string
      readonly name: string
      readonly scheme: SignatureScheme
      /** Message digest; for PSS taken from the parameters; undefined for Ed25519. */
      readonly hash?: HashName
      readonly supported: boolean
      readonly keyBits?: number
      readonly weak: boolean
      readonly weakReasons: readonly WeaknessReason[]
    }

/** Minimum RSA/DSA modulus size considered strong. */
export const MIN_STRONG_MODULUS_BITS = 2048

function hashOf(oid: string, parameters: Uint8Array | undefined): HashName | undefined {
  const alg = signatureAlgorithmByOid(oid)
  if (alg?.scheme !== 'rsa-pss') return alg?.hash
  if (parameters === undefined) return undefined
  try {
    return parsePssParams(parameters).hash
  } catch {
    return undefined
  }
}

/**
 * Describes a signature algorithm: name, scheme, digest and whether it is weak. With
 * `publicKey` (SPKI DER) the RSA/DSA key size is assessed too; an unparsable key is ignored
 * here (verification reports it).
 * @example
 * describeSignatureAlgorithm({ oid: '1.2.840.113549.1.1.5' }).weak // true (SHA-1)
 */
export function describeSignatureAlgorithm(
  algorithm: { readonly oid: string; readonly parameters?: Uint8Array },
  publicKey?: Uint8Array,
): AlgorithmDescription {
  const alg = signatureAlgorithmByOid(algorithm.oid)
  if (alg === undefined) return { known: false, oid: algorithm.oid }
  const hash = hashOf(algorithm.oid, algorithm.parameters)
  const reasons: WeaknessReason[] = []
  if (hash === 'MD5') reasons.push('md5')
  if (hash === 'SHA-1') reasons.push('sha1')
  let keyBits: number | undefined
  if (publicKey !== undefined) {
    try {
      const key = parseSpki(publicKey).key
      if (key.type === 'rsa' || key.type === 'rsa-pss' || key.type === 'dsa') keyBits = key.bits
      if (keyBits !== undefined && keyBits < MIN_STRONG_MODULUS_BITS) {
        reasons.push(key.type === 'dsa' ? 'dsa-key-size' : 'rsa-key-size')
      }
    } catch {
      // Key problems are reported by verifySignature, not by this description.
    }
  }
  return {
    known: true,
    oid: alg.oid,
    name: alg.name,
    scheme: alg.scheme,
    ...(hash === undefined ? {} : { hash }),
    supported: alg.supported,
    ...(keyBits === undefined ? {} : { keyBits }),
    weak: reasons.length > 0,
    weakReasons: reasons,
  }
}
