/**
 * Portable hash implementations: @noble/hashes for MD5/SHA-1/SHA-2 and our own SM3.
 */
import { md5, sha1 } from '@noble/hashes/legacy.js'
import { sha224, sha256, sha384, sha512 } from '@noble/hashes/sha2.js'
import { Sm3 } from './sm3.js'
import type { HashName, Hasher } from './hash-types.js'

const NOBLE = {
  MD5: md5,
  'SHA-1': sha1,
  'SHA-224': sha224,
  'SHA-256': sha256,
  'SHA-384': sha384,
  'SHA-512': sha512,
} as const

/** Creates a portable streaming hasher. */
export function createPureHasher(name: HashName): Hasher {
  if (name === 'SM3') {
    const h = new Sm3()
    return {
      update: (d) => void h.update(d),
      digest: () => h.digest(),
    }
  }
  const h = NOBLE[name].create()
  return {
    update: (d) => void h.update(d),
    digest: () => h.digest(),
  }
}
