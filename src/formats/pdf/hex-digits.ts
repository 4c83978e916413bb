/**
 * Hex string tokens (`<…>`): where one ends, and its bytes. The usual shape, a signature's
 * /Contents, is several kilobytes of hex digits only, an even number of them; that shape has
 * a decoder of its own, portable by default, for which a host may install a native one (the
 * Node entry installs Buffer's). Any other token is read with white space and an odd last
 * digit allowed.
 */
import { byteFinder } from './byte-finder.js'
import { HEX_VALUE, HEX_WHITE, hexPairTable } from './chars.js'

/**
 * The bytes that the hex digits b[from, to) stand for (`to - from` even), or undefined when a
 * byte there is not a hex digit (the caller then reads the token the general way).
 */
export type HexDigitsDecoder = (b: Uint8Array, from: number, to: number) => Uint8Array | undefined

/** The portable {@link HexDigitsDecoder}: a digit pair per step. */
export const decodeHexDigitsPortable: HexDigitsDecoder = (b, from, to) => {
  const out = new Uint8Array((to - from) >> 1)
  const pairs = hexPairTable()
  for (let i = 0, p = from; p < to; i++, p += 2) {
    const v = pairs[(b[p]! << 8) | b[p + 1]!]!
    if (v < 0) return undefined
    out[i] = v
  }
  return out
}

let decoder: HexDigitsDecoder = decodeHexDigitsPortable

/**
 * Installs the decoder the PDF lexer uses; `undefined` restores the portable one. It must
 * return exactly what {@link decodeHexDigitsPortable} returns.
 */
export function setHexDigitsDecoder(next: HexDigitsDecoder | undefined): void {
  decoder = next ?? decodeHexDigitsPortable
}

/** Decodes with the installed decoder (see {@link HexDigitsDecoder}). */
export function decodeHexDigits(b: Uint8Array, from: number, to: number): Uint8Array | undefined {
  return decoder(b, from, to)
}

/** Bytes looked at one by one for the `>` ending a hex string before the installed search. */
const SHORT_HEX = 128
const GREATER = new Uint8Array([0x3e])

/**
 * The offset of the `>` ending the hex string whose digits start at `from`, or -1. Short
 * strings end within a few bytes; a signature's /Contents runs to kilobytes, which the
 * installed byte search (memchr under Node) crosses about twenty times faster than
 * `Uint8Array#indexOf`.
 */
export function hexEnd(b: Uint8Array, from: number): number {
  const stop = Math.min(b.length, from + SHORT_HEX)
  for (let i = from; i < stop; i++) if (b[i] === 0x3e) return i
  return stop < b.length ? byteFinder(b)(GREATER, stop) : -1
}

/**
 * The bytes of a hex string whose digits and white space are b[from, end) (an odd last digit
 * stands for its high half), or the offset of the first byte there that is neither.
 */
export function decodeHexString(b: Uint8Array, from: number, end: number): Uint8Array | number {
  const out = new Uint8Array((end - from + 1) >> 1)
  const pairs = hexPairTable()
  let n = 0
  let hi = -1
  for (let p = from; p < end; p++) {
    if (hi < 0 && p + 1 < end) {
      const both = pairs[(b[p]! << 8) | b[p + 1]!]!
      if (both >= 0) {
        out[n++] = both
        p++
        continue
      }
    }
    const v = HEX_VALUE[b[p]!]!
    if (v === HEX_WHITE) continue
    if (v < 0) return p
    if (hi < 0) hi = v
    else {
      out[n++] = hi * 16 + v
      hi = -1
    }
  }
  if (hi >= 0) out[n++] = hi * 16
  return n === out.length ? out : out.slice(0, n)
}
