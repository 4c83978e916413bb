/**
 * Decoding of a hex string token that is hex digits only, an even number of them: the usual
 * shape of a signature's /Contents, several kilobytes long. Portable by default; a host may
 * install a native decoder (the Node entry installs Buffer's).
 */
import { hexPairTable } from './chars.js'

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
