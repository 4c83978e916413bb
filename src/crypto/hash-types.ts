/**
 * Hash names and the streaming hasher shape shared by every backend.
 */

/** Hash algorithms known to the verifier. */
export type HashName = 'SHA-1' | 'SHA-224' | 'SHA-256' | 'SHA-384' | 'SHA-512' | 'SM3' | 'MD5'

/** A streaming hasher: feed with `update`, finish once with `digest`. */
export interface Hasher {
  update(d: Uint8Array): void
  digest(): Uint8Array
}

/** Every hash name, for iteration. */
export const HASH_NAMES: readonly HashName[] = [
  'SHA-1',
  'SHA-224',
  'SHA-256',
  'SHA-384',
  'SHA-512',
  'SM3',
  'MD5',
]

/** Digest length in bytes of each hash. */
export const HASH_LENGTH: Readonly<Record<HashName, number>> = {
  MD5: 16,
  'SHA-1': 20,
  'SHA-224': 28,
  'SHA-256': 32,
  'SHA-384': 48,
  'SHA-512': 64,
  SM3: 32,
}
