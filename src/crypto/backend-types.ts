/**
 * The contract between the verification front end (`verify.ts`) and a crypto backend.
 * The front end parses and checks keys, algorithms and signature encodings; a backend only
 * performs the primitive operation on already validated input.
 */
import type { HashName, Hasher } from './hash-types.js'

/** NIST curves handled by backends (SM2 is always verified by `sm2.ts`). */
export type NistCurve = 'P-256' | 'P-384' | 'P-521'

/** A primitive verification, with input already validated by the front end. */
export type PrimitiveVerifyRequest =
  | {
      readonly scheme: 'rsa-pkcs1'
      readonly hash: HashName
      /** SubjectPublicKeyInfo DER with algorithm rsaEncryption. */
      readonly spki: Uint8Array
      readonly modulus: bigint
      readonly exponent: bigint
      readonly data: Uint8Array
      readonly signature: Uint8Array
    }
  | {
      readonly scheme: 'rsa-pss'
      readonly hash: HashName
      readonly mgfHash: HashName
      readonly saltLength: number
      readonly spki: Uint8Array
      readonly modulus: bigint
      readonly exponent: bigint
      readonly data: Uint8Array
      readonly signature: Uint8Array
    }
  | {
      readonly scheme: 'ecdsa'
      readonly hash: HashName
      readonly curve: NistCurve
      readonly spki: Uint8Array
      /** Uncompressed SEC1 point, validated on the curve. */
      readonly point: Uint8Array
      readonly data: Uint8Array
      /** Raw fixed-width r || s with 1 <= r, s < n. */
      readonly signature: Uint8Array
    }
  | {
      readonly scheme: 'ed25519'
      readonly spki: Uint8Array
      readonly publicKey: Uint8Array
      readonly data: Uint8Array
      readonly signature: Uint8Array
    }
  | {
      readonly scheme: 'dsa'
      readonly hash: HashName
      readonly spki: Uint8Array
      readonly p: bigint
      readonly q: bigint
      readonly g: bigint
      readonly y: bigint
      readonly data: Uint8Array
      /** r and s, already range-checked against q. */
      readonly r: bigint
      readonly s: bigint
    }

/** Result of a primitive: the verdict, or 'unsupported' when this backend cannot do it. */
export type PrimitiveResult = boolean | 'unsupported'

/** A pluggable crypto backend. */
export interface CryptoBackend {
  readonly name: string
  /** A streaming hasher, or undefined when this backend cannot compute `name`. */
  createHasher(name: HashName): Hasher | undefined
  /**
   * Optional one-shot hashing (cheaper than a hasher for small inputs); undefined when this
   * backend cannot compute `name`. Must equal what `createHasher(name)` computes.
   */
  hashOnce?(name: HashName, data: Uint8Array): Uint8Array | undefined
  /** Verifies a validated primitive request. Must not throw. */
  verify(req: PrimitiveVerifyRequest): Promise<PrimitiveResult>
}
