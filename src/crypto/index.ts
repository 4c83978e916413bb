/**
 * Public surface of the crypto layer (named re-exports only). `node-backend.ts` is not
 * re-exported here because it imports `node:crypto`; the Node entry point imports it directly.
 */
export {
  CURVES,
  CURVE_BYTES,
  KEY_ALGORITHMS,
  SIGNATURE_ALGORITHMS,
  signatureAlgorithmByOid,
} from './algorithms.js'
export type { CurveName, KeyType, SignatureAlgorithm, SignatureScheme } from './algorithms.js'
export { describeSignatureAlgorithm, MIN_STRONG_MODULUS_BITS } from './algorithm-strength.js'
export type { AlgorithmDescription, WeaknessReason } from './algorithm-strength.js'
export { getCryptoBackend, setCryptoBackend } from './backend.js'
export type {
  CryptoBackend,
  NistCurve,
  PrimitiveResult,
  PrimitiveVerifyRequest,
} from './backend-types.js'
export { CryptoError } from './errors.js'
export type { CryptoErrorCode } from './errors.js'
export { createHasher, hash, hashNameFromOid, hashOid } from './hash.js'
export type { HashName, Hasher } from './hash-types.js'
export { HASH_LENGTH, HASH_NAMES } from './hash-types.js'
export { pureCryptoBackend } from './pure-backend.js'
export { encodeEcSpki, parseSpki } from './spki.js'
export type { ParsedSpki, PublicKey } from './spki.js'
export {
  SM2_DEFAULT_USER_ID,
  sm2ClearKeyCache,
  sm2MessageDigest,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2Verify,
  sm2Z,
} from './sm2.js'
export type { Sm2SignOptions } from './sm2.js'
export { Sm3, sm3 } from './sm3.js'
export { verifySignature } from './verify.js'
export type { SignatureCheck, SignatureFailureReason, VerifySignatureRequest } from './verify.js'
export { webCryptoBackend } from './webcrypto-backend.js'
