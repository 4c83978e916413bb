/**
 * The signature value inside a PDF `/Contents` string: the length of its outer BER element
 * (definite or indefinite, walked to the end-of-contents octets), what follows it (zero padding
 * only), and whether the string is an unsigned placeholder (empty or all zeros).
 */
import { FormatError } from '../errors.js'

/** Deepest nesting of indefinite-length elements walked. */
const MAX_DEPTH = 64
/** Most elements visited while walking indefinite-length content. */
const MAX_ELEMENTS = 200_000

/** What the `/Contents` bytes hold. */
export type ContentsShape =
  | { readonly kind: 'empty' }
  | { readonly kind: 'zeros'; readonly length: number }
  | { readonly kind: 'malformed'; readonly reason: string }
  | { readonly kind: 'trailing'; readonly length: number; readonly trailing: number }
  | { readonly kind: 'der'; readonly value: Uint8Array; readonly padding: number }

interface Walk {
  elements: number
}

function fail(reason: string, offset: number): never {
  throw new FormatError('format.pdf.contents', `BER: ${reason} at offset ${offset}`)
}

/** End offset of the element at `pos` (header and content, BER rules), bounded. */
function elementEnd(bytes: Uint8Array, pos: number, depth: number, walk: Walk): number {
  if (++walk.elements > MAX_ELEMENTS) fail('too many elements', pos)
  if (depth > MAX_DEPTH) fail('nesting too deep', pos)
  const start = pos
  if (pos >= bytes.length) fail('unexpected end of data', pos)
  const first = bytes[pos++]!
  if ((first & 0x1f) === 0x1f) {
    for (let i = 0; ; i++) {
      if (i >= 4 || pos >= bytes.length) fail('bad high tag number', start)
      if ((bytes[pos++]! & 0x80) === 0) break
    }
  }
  if (pos >= bytes.length) fail('missing length', start)
  const lengthByte = bytes[pos++]!
  if (lengthByte === 0x80) {
    if ((first & 0x20) === 0) fail('indefinite length on a primitive element', start)
    for (;;) {
      if (pos + 1 < bytes.length && bytes[pos] === 0 && bytes[pos + 1] === 0) return pos + 2
      pos = elementEnd(bytes, pos, depth + 1, walk)
    }
  }
  let length = lengthByte
  if (lengthByte > 0x80) {
    const n = lengthByte & 0x7f
    if (n > 4) fail('length too large', start)
    if (pos + n > bytes.length) fail('truncated length', start)
    length = 0
    for (let i = 0; i < n; i++) length = length * 256 + bytes[pos++]!
  }
  const end = pos + length
  if (end > bytes.length) fail('content runs past the end of the data', start)
  return end
}

/**
 * The length of the BER element at the start of `bytes`, from its own header (an indefinite
 * length is walked to its end-of-contents octets). Throws FormatError when it does not fit.
 */
export function berElementLength(bytes: Uint8Array): number {
  return elementEnd(bytes, 0, 0, { elements: 0 })
}

/**
 * Classifies the decoded `/Contents`: empty, all zeros (a placeholder), malformed, an element
 * followed by non-zero bytes, or an element followed by zero padding only. The padding is
 * measured by the element's encoded length, never by trimming trailing zeros.
 */
export function contentsShape(contents: Uint8Array): ContentsShape {
  if (contents.length === 0) return { kind: 'empty' }
  if (contents.every((b) => b === 0)) return { kind: 'zeros', length: contents.length }
  let length: number
  try {
    length = berElementLength(contents)
  } catch (e) {
    return { kind: 'malformed', reason: e instanceof Error ? e.message : String(e) }
  }
  for (let i = length; i < contents.length; i++) {
    if (contents[i] !== 0) return { kind: 'trailing', length, trailing: contents.length - length }
  }
  return { kind: 'der', value: contents.subarray(0, length), padding: contents.length - length }
}
