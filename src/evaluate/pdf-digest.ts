/**
 * Digests of the bytes a PDF signature covers: the two ByteRange slices streamed through a
 * hasher without copying, each hash computed at most once per signature. For a paged file
 * (`formats/pdf/source.ts`) the slices are streamed from the file, never loaded.
 */
import { createHasher, hash, type HashName } from '../crypto/hash.js'
import { byteSourceOf } from '../formats/pdf/source.js'
import type { ByteRange } from './pdf-byte-range.js'

/** Largest piece handed to the hasher at once. */
const CHUNK = 4 * 1024 * 1024
/**
 * Covered bytes of a file in memory up to this size are copied into one array and hashed in
 * one call: a streaming hasher object costs more to set up (a few µs in Node) than the copy.
 * The array is reused (hashing is synchronous and keeps nothing), grown to the largest such
 * file seen, at most this size.
 */
const ONE_SHOT = 1024 * 1024
let scratch = new Uint8Array(0)

/** Passes bytes [from, to) of the file to `update` in pieces, in order. */
function feed(update: (d: Uint8Array) => void, bytes: Uint8Array, from: number, to: number) {
  const source = byteSourceOf(bytes)
  if (source !== undefined) {
    source.stream(from, to, (chunk) => update(chunk))
    return
  }
  for (let p = from; p < to; p += CHUNK) update(bytes.subarray(p, Math.min(to, p + CHUNK)))
}

/**
 * A cached `digestOf` for the two slices of `range` (checked in bounds by the caller).
 * @example
 * const digestOf = rangeDigester(pdf, range)
 * digestOf('SHA-256') // digest of bytes [a, a+b) followed by [c, c+d)
 */
export function rangeDigester(bytes: Uint8Array, range: ByteRange): (name: HashName) => Uint8Array {
  const cache = new Map<HashName, Uint8Array>()
  return (name) => {
    const known = cache.get(name)
    if (known) return known
    const size = range.b + range.d
    if (size <= ONE_SHOT && byteSourceOf(bytes) === undefined) {
      if (scratch.length < size)
        scratch = new Uint8Array(Math.min(ONE_SHOT, Math.max(size, 2 * scratch.length)))
      const digest = hash(name, putCovered(bytes, range, scratch))
      cache.set(name, digest)
      return digest
    }
    const h = createHasher(name)
    const update = (d: Uint8Array) => h.update(d)
    feed(update, bytes, range.a, range.a + range.b)
    feed(update, bytes, range.c, range.c + range.d)
    const digest = h.digest()
    cache.set(name, digest)
    return digest
  }
}

/** Copies the covered bytes to the start of `out` (at least `b + d` long); returns them there. */
function putCovered(bytes: Uint8Array, range: ByteRange, out: Uint8Array): Uint8Array {
  let at = 0
  const put = (d: Uint8Array) => {
    out.set(d, at)
    at += d.length
  }
  feed(put, bytes, range.a, range.a + range.b)
  feed(put, bytes, range.c, range.c + range.d)
  return at === out.length ? out : out.subarray(0, at)
}

/** The covered bytes as one array (a copy; only for verifiers that need the data itself). */
export function coveredBytes(bytes: Uint8Array, range: ByteRange): Uint8Array {
  return putCovered(bytes, range, new Uint8Array(range.b + range.d))
}
