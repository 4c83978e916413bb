/**
 * Rewriting BER indefinite-length encodings as definite lengths, so that bundles written by
 * streaming encoders (BouncyCastle, Java) can go through the strict DER reader. Elements that
 * need no change are kept byte for byte, so certificates inside keep their signed encoding.
 */
import { FormatError } from '../../errors.js'

const MAX_DEPTH = 32
const MAX_ELEMENTS = 1_000_000

interface Budget {
  elements: number
}

/** The input with every indefinite length made definite; the same array when none occurs. */
export function toDefiniteLength(input: Uint8Array): Uint8Array {
  const budget: Budget = { elements: 0 }
  const { bytes, end, changed } = element(input, 0, 0, budget)
  if (end !== input.length) fail('trailing data after the element')
  return changed ? bytes : input
}

interface Result {
  /** The element's encoding, rewritten or the original slice. */
  readonly bytes: Uint8Array
  /** Offset just past the element in the input (after its end-of-contents for indefinite). */
  readonly end: number
  readonly changed: boolean
}

function element(input: Uint8Array, at: number, depth: number, budget: Budget): Result {
  if (depth > MAX_DEPTH) fail('nested too deeply')
  if (++budget.elements > MAX_ELEMENTS) fail('too many elements')
  let pos = at
  if (pos >= input.length) fail('unexpected end of data')
  const first = input[pos++]!
  const constructed = (first & 0x20) !== 0
  if ((first & 0x1f) === 0x1f) {
    let n = 0
    while (pos < input.length && (input[pos]! & 0x80) !== 0) {
      if (++n > 3) fail('bad high tag number')
      pos++
    }
    pos++
  }
  if (pos >= input.length) fail('missing length')
  const lengthByte = input[pos++]!
  const tagBytes = input.subarray(at, pos - 1)
  if (lengthByte === 0x80) {
    if (!constructed) fail('indefinite length on a primitive element')
    const parts: Uint8Array[] = []
    for (;;) {
      if (pos + 2 > input.length) fail('missing end-of-contents')
      if (input[pos] === 0 && input[pos + 1] === 0) break
      const child = element(input, pos, depth + 1, budget)
      parts.push(child.bytes)
      pos = child.end
    }
    return { bytes: encode(tagBytes, parts), end: pos + 2, changed: true }
  }
  let length = lengthByte
  if (lengthByte > 0x80) {
    const n = lengthByte & 0x7f
    if (n > 4 || pos + n > input.length) fail('bad length')
    length = 0
    for (let i = 0; i < n; i++) length = length * 256 + input[pos++]!
  }
  const end = pos + length
  if (end > input.length) fail('content runs past the end of the data')
  if (!constructed) return { bytes: input.subarray(at, end), end, changed: false }
  const parts: Uint8Array[] = []
  let changed = false
  for (let p = pos; p < end;) {
    const child = element(input, p, depth + 1, budget)
    if (child.end > end) fail('child runs past its parent')
    changed ||= child.changed
    parts.push(child.bytes)
    p = child.end
  }
  const bytes = changed ? encode(tagBytes, parts) : input.subarray(at, end)
  return { bytes, end, changed }
}

function encode(tag: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.length, 0)
  const lengthBytes: number[] = []
  if (length < 0x80) lengthBytes.push(length)
  else {
    for (let n = length; n > 0; n = Math.floor(n / 256)) lengthBytes.unshift(n % 256)
    lengthBytes.unshift(0x80 | lengthBytes.length)
  }
  const out = new Uint8Array(tag.length + lengthBytes.length + length)
  out.set(tag)
  out.set(lengthBytes, tag.length)
  let at = tag.length + lengthBytes.length
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

function fail(why: string): never {
  throw new FormatError('format.der', `BER: ${why} / BER 编码错误：${why}`)
}
