/**
 * A bounded BER→DER rewriter: indefinite lengths become definite ones and, when asked,
 * constructed OCTET STRINGs (content split in chunks by streaming encoders) become one
 * primitive OCTET STRING. Elements that need no change are kept byte for byte, so signed
 * encodings inside (certificates, signed attributes) stay exactly as they were.
 */
import { FormatError, LimitError } from '../errors.js'

/** Bounds and behaviour of one rewrite. */
export interface BerOptions {
  readonly maxDepth: number
  readonly maxElements: number
  /** Merge constructed universal OCTET STRINGs into one primitive OCTET STRING. */
  readonly flattenOctetStrings: boolean
  /** Code of the LimitError thrown past a bound; without it the bound is a FormatError. */
  readonly limitCode?: string
}

/** The rewritten element, where it ended in the input, and whether anything changed. */
export interface BerElement {
  /** The element in definite-length form (the input slice itself when nothing changed). */
  readonly bytes: Uint8Array
  /** Offset just past the element in the input (after end-of-contents for indefinite). */
  readonly end: number
  readonly changed: boolean
}

/** Rewrites the element that starts at offset 0 of `input`; bytes after it are not read. */
export function rewriteBer(input: Uint8Array, options: BerOptions): BerElement {
  // Most inputs are DER already: confirm that without building anything, else rewrite.
  const end = definiteEnd(input, 0, 0, { elements: 0, options })
  if (end >= 0) return { bytes: input.subarray(0, end), end, changed: false }
  return element(input, 0, 0, { elements: 0, options })
}

interface Walk {
  elements: number
  readonly options: BerOptions
}

const OCTET_TAG = Uint8Array.of(0x04)

function bound(walk: Walk, why: string, zh: string): never {
  const code = walk.options.limitCode
  if (code) throw new LimitError(code, `BER: ${why} / ${zh}`)
  fail(why)
}

/**
 * The end of the element at `at` when it, and everything inside it, has definite lengths and
 * needs no change (no constructed OCTET STRING to merge): the rewrite would return it as it
 * is. -1 for anything else, including every case the rewrite refuses (it then decides, with
 * its own error); the same bounds are counted.
 */
function definiteEnd(input: Uint8Array, at: number, depth: number, walk: Walk): number {
  if (depth > walk.options.maxDepth || ++walk.elements > walk.options.maxElements) return -1
  let pos = at
  if (pos >= input.length) return -1
  const first = input[pos++]!
  if ((first & 0x1f) === 0x1f) {
    for (let n = 0; ; n++) {
      if (n >= 3 || pos >= input.length) return -1
      if ((input[pos++]! & 0x80) === 0) break
    }
  }
  if (pos >= input.length) return -1
  const lengthByte = input[pos++]!
  if (lengthByte === 0x80 || (walk.options.flattenOctetStrings && first === 0x24)) return -1
  let length = lengthByte
  if (lengthByte > 0x80) {
    const n = lengthByte & 0x7f
    if (n > 4 || pos + n > input.length) return -1
    length = 0
    for (let i = 0; i < n; i++) length = length * 256 + input[pos++]!
  }
  const end = pos + length
  if (end > input.length) return -1
  if ((first & 0x20) === 0) return end
  for (let p = pos; p < end;) {
    const next = definiteEnd(input, p, depth + 1, walk)
    if (next < 0 || next > end) return -1
    p = next
  }
  return end
}

function element(input: Uint8Array, at: number, depth: number, walk: Walk): BerElement {
  if (depth > walk.options.maxDepth) bound(walk, 'nested too deeply', '嵌套过深')
  if (++walk.elements > walk.options.maxElements) bound(walk, 'too many elements', '元素过多')
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
  const octets = walk.options.flattenOctetStrings && first === 0x24
  const part = (child: BerElement) => (octets ? octetContent(child.bytes) : child.bytes)
  if (lengthByte === 0x80) {
    if (!constructed) fail('indefinite length on a primitive element')
    const parts: Uint8Array[] = []
    for (;;) {
      if (pos + 2 > input.length) fail('missing end-of-contents')
      if (input[pos] === 0 && input[pos + 1] === 0) break
      const child = element(input, pos, depth + 1, walk)
      parts.push(part(child))
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
    const child = element(input, p, depth + 1, walk)
    if (child.end > end) fail('child runs past its parent')
    changed ||= child.changed
    parts.push(part(child))
    p = child.end
  }
  if (!changed) return { bytes: input.subarray(at, end), end, changed }
  return { bytes: encode(octets ? OCTET_TAG : tag, parts), end, changed }
}

/** The content octets of a (rewritten, hence primitive) OCTET STRING chunk. */
function octetContent(der: Uint8Array): Uint8Array {
  if (der[0] !== 0x04) fail('constructed OCTET STRING holds something else')
  let pos = 1
  const l = der[pos++]!
  if (l > 0x80) pos += l & 0x7f
  return der.subarray(pos)
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
