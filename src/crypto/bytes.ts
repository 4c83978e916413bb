/**
 * Small byte and big-integer helpers shared by the crypto modules.
 */

/** Concatenates byte arrays into a new array. */
export function concatBytes(...parts: readonly Uint8Array[]): Uint8Array {
  let length = 0
  for (const p of parts) length += p.length
  const out = new Uint8Array(length)
  let offset = 0
  for (const p of parts) {
    out.set(p, offset)
    offset += p.length
  }
  return out
}

/**
 * Whether two byte arrays hold the same bytes, compared four at a time and up to the first
 * difference: quick, and not in constant time (cache lookups of public data, never secrets).
 */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  const n = a.length
  if (n !== b.length) return false
  let i = 0
  if (n >= 64) {
    const x = new DataView(a.buffer, a.byteOffset, n)
    const y = new DataView(b.buffer, b.byteOffset, n)
    for (const words = n - 3; i < words; i += 4) if (x.getInt32(i) !== y.getInt32(i)) return false
  }
  for (; i < n; i++) if (a[i] !== b[i]) return false
  return true
}

/** Whether two key identifiers are both present and equal (see {@link sameBytes}). */
export function sameKeyId(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return !!a && !!b && sameBytes(a, b)
}

/** Compares two byte arrays in time independent of where they differ. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0)
  return diff === 0
}

/** The two lower-case hex digits of every byte value. */
const HEX_PAIRS: readonly string[] = Array.from({ length: 256 }, (_, b) =>
  b.toString(16).padStart(2, '0'),
)

/** Lower-case hexadecimal encoding. */
export function toHex(bytes: Uint8Array): string {
  let s = ''
  for (let i = 0; i < bytes.length; i++) s += HEX_PAIRS[bytes[i]!]!
  return s
}

/** Decodes hexadecimal (whitespace ignored); throws RangeError on bad input. */
export function fromHex(hex: string): Uint8Array {
  const clean = hex.replace(/\s+/g, '')
  if (clean.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(clean)) {
    throw new RangeError('invalid hexadecimal string')
  }
  const out = new Uint8Array(clean.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(i * 2, i * 2 + 2), 16)
  return out
}

/** Unsigned big-endian bytes to bigint. */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n
  return BigInt('0x' + toHex(bytes))
}

/** Non-negative bigint to unsigned big-endian bytes of exactly `length` bytes. */
export function bigIntToBytes(value: bigint, length: number): Uint8Array {
  if (value < 0n) throw new RangeError('negative value')
  const hex = value.toString(16)
  if (hex.length > length * 2) throw new RangeError('value does not fit')
  return fromHex(hex.padStart(length * 2, '0'))
}

/** ASCII/UTF-8 text to bytes. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
