/**
 * Synchronous and streaming hashing through the active backend, with a portable fallback.
 */
import { getCryptoBackend } from './backend.js'
import type { HashName, Hasher } from './hash-types.js'
import { createPureHasher } from './pure-hash.js'

export type { HashName, Hasher } from './hash-types.js'

const HASH_OIDS: Readonly<Record<string, HashName>> = {
  '1.2.840.113549.2.5': 'MD5',
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '1.2.156.10197.1.401': 'SM3',
}

const OID_OF_HASH: Readonly<Record<HashName, string>> = Object.fromEntries(
  Object.entries(HASH_OIDS).map(([oid, name]) => [name, oid]),
) as Record<HashName, string>

/**
 * Creates a streaming hasher, native when the active backend has one.
 * @example
 * const h = createHasher('SM3'); h.update(part1); h.update(part2); const d = h.digest()
 */
export function createHasher(name: HashName): Hasher {
  return getCryptoBackend().createHasher(name) ?? createPureHasher(name)
}

/**
 * Hashes `data` synchronously.
 * @example
 * hash('SHA-256', new TextEncoder().encode('abc'))
 */
export function hash(name: HashName, data: Uint8Array): Uint8Array {
  const once = getCryptoBackend().hashOnce?.(name, data)
  if (once !== undefined) return once
  const h = createHasher(name)
  h.update(data)
  return h.digest()
}

/** Maps a digest-algorithm OID (SHA-x, MD5, SM3 1.2.156.10197.1.401) to its name. */
export function hashNameFromOid(oid: string): HashName | undefined {
  return Object.hasOwn(HASH_OIDS, oid) ? HASH_OIDS[oid] : undefined
}

/** The digest-algorithm OID of a hash name. */
export function hashOid(name: HashName): string {
  return OID_OF_HASH[name]
}
