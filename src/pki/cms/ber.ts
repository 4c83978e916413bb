/**
 * A bounded BER→DER normaliser for the outer layers of CMS messages written by streaming
 * encoders: indefinite lengths become definite and constructed OCTET STRINGs (eContent split
 * in chunks) become one primitive OCTET STRING. Elements that need no change are kept byte for
 * byte, so DER-encoded signed attributes and certificates keep their signed encoding.
 */
import { FormatError, LimitError } from '../../errors.js'

/** Deepest nesting followed. */
export const MAX_BER_DEPTH = 48
/** Most elements visited in one message. */
export const MAX_BER_ELEMENTS = 500_000

/** The normalised element and where the original one ended in the input. */
export interface Normalised {
  /** The element in definite-length form (the input slice itself when nothing changed). */
  readonly bytes: Uint8Array
  /** Offset just past the element in the input (after end-of-contents for indefinite). */
  readonly end: number
}

interface Budget {
  elements: number
}

interface Result extends Normalised {
  readonly changed: boolean
}

/**
 * Normalises the element that starts at offset 0 of `input`. Bytes after it are not read;
 * `end` says where it stopped. Throws FormatError ('format.der') or LimitError ('limit.cms').
 * @example
 * const { bytes, end } = normaliseBer(contents) // end < contents.length: padding follows
 */
export function normaliseBer(input: Uint8Array): Normalised {
  const r = element(input, 0, 0, { elements: 0 })
  return { bytes: r.bytes, end: r.end }
}

function element(input: Uint8Array, at: number, depth: number, budget: Budget): Result {
  if (depth > MAX_BER_DEPTH) throw new LimitError('limit.cms', 'BER: nested too deeply / 嵌套过深')
  if (++budget.elements > MAX_BER_ELEMENTS) {
    throw new LimitError('limit.cms', 'BER: too many elements / 元素过多')
  }
  let pos = at
  if (pos >= input.length) fail('unexpected end of data')
  const first = input[pos++]!
  const constructed = (first & 0x20) !== 0
  if ((first & 0x1f) === 0x1f) {
    for (let n = 0; ; n++) {
      if (n >= 3 || pos >= input.length) fail('bad high tag number')
      if ((input[pos++]! & 0x80) === 0) break
    }
  }
  const tag = input.subarray(at, pos)
  if (pos >= input.length) fail('missing length')
  const lengthByte = input[pos++]!
  // A constructed universal OCTET STRING is flattened into its primitive form.
  const octets = first === 0x24
  if (lengthByte === 0x80) {
    if (!constructed) fail('indefinite length on a primitive element')
    const parts: Uint8Array[] = []
    for (;;) {
      if (pos + 2 > input.length) fail('missing end-of-contents')
      if (input[pos] === 0 && input[pos + 1] === 0) break
      const child = element(input, pos, depth + 1, budget)
      parts.push(octets ? octetContent(child.bytes) : child.bytes)
      pos = child.end
    }
    return { bytes: encode(octets ? OCTET_TAG : tag, parts), end: pos + 2, changed: true }
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
  let changed = octets
  for (let p = pos; p < end;) {
    const child = element(input, p, depth + 1, budget)
    if (child.end > end) fail('child runs past its parent')
    changed ||= child.changed
    parts.push(octets ? octetContent(child.bytes) : child.bytes)
    p = child.end
  }
  if (!changed) return { bytes: input.subarray(at, end), end, changed }
  return { bytes: encode(octets ? OCTET_TAG : tag, parts), end, changed }
}

const OCTET_TAG = Uint8Array.of(0x04)

/** The content octets of a (normalised, hence primitive) OCTET STRING chunk. */
function octetContent(der: Uint8Array): Uint8Array {
  if (der[0] !== 0x04) fail('constructed OCTET STRING holds something else')
  let pos = 1
  const l = der[pos++]!
  if (l > 0x80) pos += l & 0x7f
  return der.subarray(pos)
}

/** DER header for `length` content bytes after `tag`. */
function header(tag: Uint8Array, length: number): Uint8Array {
  const lengthBytes: number[] = []
  if (length < 0x80) lengthBytes.push(length)
  else {
    for (let n = length; n > 0; n = Math.floor(n / 256)) lengthBytes.unshift(n % 256)
    lengthBytes.unshift(0x80 | lengthBytes.length)
  }
  const out = new Uint8Array(tag.length + lengthBytes.length)
  out.set(tag)
  out.set(lengthBytes, tag.length)
  return out
}

function encode(tag: Uint8Array, parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.length, 0)
  const head = header(tag, length)
  const out = new Uint8Array(head.length + length)
  out.set(head)
  let at = head.length
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

function fail(why: string): never {
  throw new FormatError('format.der', `BER: ${why} / BER 编码错误：${why}`)
}
