/**
 * Signature vectors made at test time with node:crypto (and the OpenSSL CLI for PSS with a
 * different MGF1 hash), shared by the verification and backend-agreement tests.
 */
import type { KeyObject } from 'node:crypto'
import { utf8 } from '../../src/crypto/bytes.js'
import type { VerifySignatureRequest } from '../../src/crypto/prepare.js'
import type { SignatureFailureReason } from '../../src/crypto/signature-check.js'
import { otherVectors } from './vectors-other.js'
import { rsaVectors } from './vectors-rsa.js'

/** One case: a request and the expected outcome (true = valid, else the failure reason). */
export interface Vector {
  readonly name: string
  readonly req: VerifySignatureRequest
  readonly expected: true | SignatureFailureReason
}

/** Optional request fields of a vector. */
export type Extra = Partial<
  Omit<VerifySignatureRequest, 'algorithm' | 'publicKey' | 'signature'>
> & {
  parameters?: Uint8Array
}

/** Collects vectors over one signed payload. */
export class VectorSet {
  readonly data = utf8('to be signed: 长三角 licence payload')
  readonly other = utf8('to be signed: 长三角 licence payloaD')
  readonly list: Vector[] = []

  /** Adds one case. */
  add(
    name: string,
    oid: string,
    publicKey: Uint8Array,
    signature: Uint8Array,
    expected: Vector['expected'],
    extra: Extra = {},
  ): void {
    const { parameters, ...rest } = extra
    const algorithm = parameters === undefined ? { oid } : { oid, parameters }
    const req = { algorithm, publicKey, data: this.data, signature, ...rest }
    this.list.push({ name, req, expected })
  }

  /** Adds a valid case and the same signature over other data (a mismatch). */
  good(name: string, oid: string, key: Uint8Array, sig: Uint8Array, extra: Extra = {}): void {
    this.add(`${name} good`, oid, key, sig, true, extra)
    this.add(`${name} other data`, oid, key, sig, 'signature-mismatch', {
      ...extra,
      data: this.other,
    })
  }
}

/** SubjectPublicKeyInfo DER of a Node key. */
export const spki = (k: KeyObject): Uint8Array =>
  new Uint8Array(k.export({ format: 'der', type: 'spki' }))

/** A copy of `b` with one bit flipped at `at` (default: last byte). */
export function flip(b: Uint8Array, at = b.length - 1): Uint8Array {
  const c = b.slice()
  c[at] = (c[at] ?? 0) ^ 0x01
  return c
}

/** Builds every vector (slow key generation happens here; call once per file). */
export function makeVectors(): Vector[] {
  const set = new VectorSet()
  rsaVectors(set)
  otherVectors(set)
  return set.list
}

export { pssParams } from './vectors-rsa.js'
