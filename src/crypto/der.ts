/**
 * A strict, bounded DER reader for the few structures the crypto layer parses itself
 * (SubjectPublicKeyInfo, signature values, algorithm parameters). Definite lengths only,
 * minimal length encoding, low tag numbers only. Every error is a {@link CryptoError}.
 */
import { CryptoError } from './errors.js'

/** One decoded TLV. `start`..`end` covers the whole element, `valueStart`..`end` its value. */
export interface DerElement {
  readonly tag: number
  readonly start: number
  readonly valueStart: number
  readonly end: number
}

/** Well-known tags. */
export const TAG = {
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  SEQUENCE: 0x30,
} as const

const MAX_OID_ARCS = 64

function fail(message: string): never {
  throw new CryptoError('CRYPTO_DER_INVALID', message)
}

/** Reads the TLV that starts at `offset` and must end at or before `limit`. */
export function readElement(bytes: Uint8Array, offset: number, limit = bytes.length): DerElement {
  if (offset + 2 > limit) fail('DER: truncated header')
  const tag = bytes[offset] ?? 0
  if ((tag & 0x1f) === 0x1f) fail('DER: high tag numbers are not supported')
  const first = bytes[offset + 1] ?? 0
  let length: number
  let valueStart: number
  if (first < 0x80) {
    length = first
    valueStart = offset + 2
  } else {
    const count = first & 0x7f
    if (count === 0) fail('DER: indefinite length')
    if (count > 4) fail('DER: length too large')
    if (offset + 2 + count > limit) fail('DER: truncated length')
    length = 0
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[offset + 2 + i] ?? 0)
    if ((bytes[offset + 2] ?? 0) === 0) fail('DER: non-minimal length')
    if (length < 0x80) fail('DER: non-minimal length')
    valueStart = offset + 2 + count
  }
  const end = valueStart + length
  if (end > limit) fail('DER: element exceeds its container')
  return { tag, start: offset, valueStart, end }
}

/** Reads exactly one element covering the whole of `bytes` (no trailing data). */
export function readWhole(bytes: Uint8Array, expectedTag?: number): DerElement {
  const el = readElement(bytes, 0)
  if (el.end !== bytes.length) fail('DER: trailing data')
  if (expectedTag !== undefined && el.tag !== expectedTag) fail('DER: unexpected tag')
  return el
}

/** Splits a constructed element into its children (at most `maxChildren`). */
export function children(bytes: Uint8Array, parent: DerElement, maxChildren = 16): DerElement[] {
  if ((parent.tag & 0x20) === 0) fail('DER: element is not constructed')
  const out: DerElement[] = []
  let offset = parent.valueStart
  while (offset < parent.end) {
    if (out.length >= maxChildren) fail('DER: too many elements')
    const el = readElement(bytes, offset, parent.end)
    out.push(el)
    offset = el.end
  }
  return out
}

/** The value bytes of an element (a view, not a copy). */
export function valueOf(bytes: Uint8Array, el: DerElement): Uint8Array {
  return bytes.subarray(el.valueStart, el.end)
}

/** The complete encoding of an element (a view, not a copy). */
export function encodingOf(bytes: Uint8Array, el: DerElement): Uint8Array {
  return bytes.subarray(el.start, el.end)
}

/** Decodes a minimally encoded INTEGER. `positive` rejects zero and negatives. */
export function readInteger(bytes: Uint8Array, el: DerElement, positive = false): bigint {
  if (el.tag !== TAG.INTEGER) fail('DER: expected INTEGER')
  const v = valueOf(bytes, el)
  if (v.length === 0) fail('DER: empty INTEGER')
  const b0 = v[0] ?? 0
  const b1 = v[1] ?? 0
  if (v.length > 1 && ((b0 === 0 && b1 < 0x80) || (b0 === 0xff && b1 >= 0x80))) {
    fail('DER: non-minimal INTEGER')
  }
  if (b0 >= 0x80) {
    if (positive) fail('DER: negative INTEGER')
    return unsignedOf(v) - (1n << BigInt(v.length * 8))
  }
  const value = unsignedOf(v)
  if (positive && value === 0n) fail('DER: zero INTEGER')
  return value
}

const HEX_BYTE = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** The big-endian unsigned value of `v` (through hex text: linear, unlike shifting a BigInt). */
function unsignedOf(v: Uint8Array): bigint {
  if (v.length <= 6) {
    let n = 0
    for (const b of v) n = n * 256 + b
    return BigInt(n)
  }
  let hex = '0x'
  for (const b of v) hex += HEX_BYTE[b]!
  return BigInt(hex)
}

/** Decodes an OBJECT IDENTIFIER to dotted form. */
export function readOid(bytes: Uint8Array, el: DerElement): string {
  if (el.tag !== TAG.OID) fail('DER: expected OBJECT IDENTIFIER')
  const v = valueOf(bytes, el)
  if (v.length === 0 || v.length > 128) fail('DER: bad OBJECT IDENTIFIER length')
  const arcs: bigint[] = []
  let current = 0n
  let started = false
  for (let i = 0; i < v.length; i++) {
    const b = v[i] ?? 0
    if (!started && b === 0x80) fail('DER: non-minimal OID arc')
    started = true
    current = (current << 7n) | BigInt(b & 0x7f)
    if ((b & 0x80) === 0) {
      arcs.push(current)
      if (arcs.length > MAX_OID_ARCS) fail('DER: OID has too many arcs')
      current = 0n
      started = false
    } else if (i === v.length - 1) {
      fail('DER: truncated OID arc')
    }
  }
  const first = arcs[0] ?? 0n
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n]
  return [...head, ...arcs.slice(1)].map(String).join('.')
}

/** Decodes a BIT STRING that must have no unused bits; returns its bytes. */
export function readBitStringBytes(bytes: Uint8Array, el: DerElement): Uint8Array {
  if (el.tag !== TAG.BIT_STRING) fail('DER: expected BIT STRING')
  const v = valueOf(bytes, el)
  if (v.length === 0) fail('DER: empty BIT STRING')
  if (v[0] !== 0) fail('DER: BIT STRING with unused bits')
  return v.subarray(1)
}

/** Encodes a DER length. */
function encodeLength(length: number): Uint8Array {
  if (length < 0x80) return Uint8Array.of(length)
  const out: number[] = []
  let n = length
  while (n > 0) {
    out.unshift(n & 0xff)
    n = Math.floor(n / 256)
  }
  return Uint8Array.of(0x80 | out.length, ...out)
}

/** Encodes a TLV. */
export function encodeElement(tag: number, value: Uint8Array): Uint8Array {
  const len = encodeLength(value.length)
  const out = new Uint8Array(1 + len.length + value.length)
  out[0] = tag
  out.set(len, 1)
  out.set(value, 1 + len.length)
  return out
}

/** Encodes a non-negative INTEGER minimally. */
export function encodeUnsignedInteger(value: bigint): Uint8Array {
  if (value < 0n) throw new CryptoError('CRYPTO_ARGUMENT_INVALID', 'negative INTEGER')
  let hex = value.toString(16)
  if (hex.length % 2) hex = '0' + hex
  if (parseInt(hex.slice(0, 2), 16) >= 0x80) hex = '00' + hex
  const v = new Uint8Array(hex.length / 2)
  for (let i = 0; i < v.length; i++) v[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return encodeElement(TAG.INTEGER, v)
}

/** Encodes a dotted OBJECT IDENTIFIER. */
export function encodeOid(oid: string): Uint8Array {
  const parts = oid.split('.').map((p) => {
    if (!/^\d+$/.test(p)) throw new CryptoError('CRYPTO_ARGUMENT_INVALID', `bad OID ${oid}`)
    return BigInt(p)
  })
  const [a, b, ...rest] = parts
  if (a === undefined || b === undefined || a > 2n || (a < 2n && b >= 40n)) {
    throw new CryptoError('CRYPTO_ARGUMENT_INVALID', `bad OID ${oid}`)
  }
  const out: number[] = []
  for (const arc of [a * 40n + b, ...rest]) {
    const groups: number[] = [Number(arc & 0x7fn)]
    let v = arc >> 7n
    while (v > 0n) {
      groups.unshift(Number(v & 0x7fn) | 0x80)
      v >>= 7n
    }
    out.push(...groups)
  }
  return encodeElement(TAG.OID, Uint8Array.from(out))
}
