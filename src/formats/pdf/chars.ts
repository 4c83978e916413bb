/**
 * Byte classes of PDF syntax (ISO 32000-1 §7.2.2): whitespace, delimiters, digits.
 */

/** 1 for PDF whitespace bytes. */
export const WS_TABLE = new Uint8Array(256)
for (const c of [0, 9, 10, 12, 13, 32]) WS_TABLE[c] = 1
/** 1 for PDF delimiter bytes. */
export const DELIM_TABLE = new Uint8Array(256)
for (const c of '()<>[]{}/%') DELIM_TABLE[c.charCodeAt(0)] = 1

/** True for PDF whitespace bytes. */
export function isWhite(c: number | undefined): boolean {
  return c !== undefined && WS_TABLE[c] === 1
}

/** True for bytes that end a regular token (whitespace, delimiter or end of data). */
export function isBoundary(c: number | undefined): boolean {
  return c === undefined || WS_TABLE[c] === 1 || DELIM_TABLE[c] === 1
}

/** True for ASCII digits. */
export function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57
}

/** The value of a hex digit, or -1. */
export function hexValue(c: number | undefined): number {
  if (c === undefined) return -1
  if (c >= 48 && c <= 57) return c - 48
  if (c >= 65 && c <= 70) return c - 55
  if (c >= 97 && c <= 102) return c - 87
  return -1
}

/** {@link HEX_VALUE} of a whitespace byte (skipped inside hex strings). */
export const HEX_WHITE = -2
/** Hex digit values by byte: 0–15, {@link HEX_WHITE} for whitespace, -1 otherwise. */
export const HEX_VALUE = new Int8Array(256).fill(-1)
for (let c = 0; c < 256; c++) {
  const v = hexValue(c)
  if (v >= 0) HEX_VALUE[c] = v
  else if (WS_TABLE[c] === 1) HEX_VALUE[c] = HEX_WHITE
}

let pairs: Int16Array | undefined

/**
 * Byte values of two hex digits, indexed by `first << 8 | second`; -1 where either byte is
 * not a hex digit. Built on first use (128 KiB): hex strings such as signature /Contents
 * decode a pair per step instead of a digit.
 */
export function hexPairTable(): Int16Array {
  if (pairs !== undefined) return pairs
  const t = new Int16Array(65536).fill(-1)
  for (let a = 0; a < 256; a++) {
    const hi = HEX_VALUE[a]!
    if (hi < 0) continue
    for (let b = 0; b < 256; b++) {
      const lo = HEX_VALUE[b]!
      if (lo >= 0) t[(a << 8) | b] = hi * 16 + lo
    }
  }
  pairs = t
  return t
}
