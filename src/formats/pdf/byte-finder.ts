/**
 * The search of the whole-file scans: "first index of this short needle at or after `from`".
 * Portable by default (`indexOfBytes`); a host may install a faster native one (the Node entry
 * installs `Buffer#indexOf`, a memchr-based search several times faster on large files).
 */
import { indexOfBytes } from './bytes.js'

/** First index ≥ `from` (from ≥ 0) of `needle` in the bytes it was made for, or -1. */
export type ByteFinder = (needle: Uint8Array, from: number) => number

/** Makes a {@link ByteFinder} over `hay`. */
export type ByteFinderFactory = (hay: Uint8Array) => ByteFinder

const portable: ByteFinderFactory = (hay) => (needle, from) => indexOfBytes(hay, needle, from)

let factory: ByteFinderFactory = portable

/**
 * Installs the search the PDF scans use; `undefined` restores the portable one. The factory
 * must return exactly what `indexOfBytes(hay, needle, from)` would.
 */
export function setByteFinderFactory(next: ByteFinderFactory | undefined): void {
  factory = next ?? portable
}

/** A search over `hay` with the installed implementation. */
export function byteFinder(hay: Uint8Array): ByteFinder {
  return factory(hay)
}
