/**
 * A small, strict, bounded DER reader. It slices tag-length-value elements out of a byte array
 * without copying, so that signed bytes can be hashed exactly as they were encoded.
 */
import { toHex } from '../crypto/bytes.js'
import { FormatError } from '../errors.js'

/** Lower-case hex of bytes (the one implementation, re-exported for DER readers). */
export { toHex }

const latin1 = new TextDecoder('latin1')

/** One DER element: where it sits in the input and what it holds. */
export interface Tlv {
  /** Tag class: 0 universal, 1 application, 2 context-specific, 3 private. */
  readonly cls: number
  readonly constructed: boolean
  /** Tag number (low-tag-number form and high-tag-number form up to 2^21). */
  readonly tag: number
  /** The whole element (header and content). */
  readonly raw: Uint8Array
  /** The content octets. */
  readonly value: Uint8Array
  /** Offset of the element in the array it was read from. */
  readonly offset: number
}

export const TAG = {
  BOOLEAN: 1,
  INTEGER: 2,
  BIT_STRING: 3,
  OCTET_STRING: 4,
  NULL: 5,
  OID: 6,
  ENUMERATED: 10,
  UTF8_STRING: 12,
  SEQUENCE: 16,
  SET: 17,
  PRINTABLE_STRING: 19,
  T61_STRING: 20,
  IA5_STRING: 22,
  UTC_TIME: 23,
  GENERALIZED_TIME: 24,
  VISIBLE_STRING: 26,
  UNIVERSAL_STRING: 28,
  BMP_STRING: 30,
} as const

const MAX_CHILDREN = 100_000

/**
 * Reads the element that starts at `offset`. Lengths must be definite and minimally encoded
 * unless `ber` is set, in which case non-minimal definite lengths are tolerated (indefinite
 * lengths never are).
 */
export function readTlv(input: Uint8Array, offset = 0, ber = false): Tlv {
  let pos = offset
  const fail = (what: string): never => {
    throw new FormatError('format.der', `DER: ${what} at offset ${offset} / DER 编码错误：${what}`)
  }
  if (pos >= input.length) fail('unexpected end of data')
  const first = input[pos++]!
  const cls = first >> 6
  const constructed = (first & 0x20) !== 0
  let tag = first & 0x1f
  if (tag === 0x1f) {
    tag = 0
    for (let i = 0; ; i++) {
      if (i >= 3 || pos >= input.length) fail('bad high tag number')
      const b = input[pos++]!
      tag = (tag << 7) | (b & 0x7f)
      if ((b & 0x80) === 0) break
    }
  }
  if (pos >= input.length) fail('missing length')
  let length = input[pos++]!
  if (length === 0x80) fail('indefinite length')
  if (length > 0x80) {
    const n = length & 0x7f
    if (n > 4) fail('length too large')
    if (pos + n > input.length) fail('truncated length')
    length = 0
    for (let i = 0; i < n; i++) length = length * 256 + input[pos++]!
    if (!ber && (length < 0x80 || input[pos - n] === 0)) fail('non-minimal length')
  }
  const end = pos + length
  if (end > input.length) fail('content runs past the end of the data')
  return {
    cls,
    constructed,
    tag,
    raw: input.subarray(offset, end),
    value: input.subarray(pos, end),
    offset,
  }
}

/** Reads exactly one element that must fill `input` completely. */
export function readSingle(input: Uint8Array, ber = false): Tlv {
  const tlv = readTlv(input, 0, ber)
  if (tlv.raw.length !== input.length) {
    throw new FormatError(
      'format.der',
      'DER: trailing data after the element / DER 数据后有多余字节',
    )
  }
  return tlv
}

/** The child elements of a constructed element, in order. */
export function children(parent: Tlv, ber = false): Tlv[] {
  if (!parent.constructed) {
    throw new FormatError('format.der', 'DER: expected a constructed element / 应为构造类型')
  }
  const out: Tlv[] = []
  let pos = 0
  while (pos < parent.value.length) {
    if (out.length >= MAX_CHILDREN) {
      throw new FormatError('format.der', 'DER: too many elements / 元素过多')
    }
    const child = readTlv(parent.value, pos, ber)
    out.push(child)
    pos += child.raw.length
  }
  return out
}

/** True when the element is universal with the given tag number. */
export function isUniversal(tlv: Tlv, tag: number): boolean {
  return tlv.cls === 0 && tlv.tag === tag
}

/** Asserts a universal tag and returns the element. */
export function expectUniversal(tlv: Tlv | undefined, tag: number, what: string): Tlv {
  if (!tlv || !isUniversal(tlv, tag)) {
    throw new FormatError('format.der', `DER: expected ${what} / 缺少或错误的 ${what}`)
  }
  return tlv
}

/** Decodes an OBJECT IDENTIFIER's content octets into dotted form. */
export function decodeOid(value: Uint8Array): string {
  if (value.length === 0 || value.length > 128) {
    throw new FormatError('format.der', 'DER: bad object identifier / 对象标识符错误')
  }
  // Arcs below 2^45 are summed as numbers (exact); a longer one sends the whole OID to BigInt.
  const arcs: string[] = []
  let acc = 0
  for (let i = 0; i < value.length; i++) {
    const b = value[i]!
    if (acc === 0 && b === 0x80) nonMinimalArc()
    if (acc >= 2 ** 45) return decodeOidBig(value)
    acc = acc * 128 + (b & 0x7f)
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = acc < 80 ? Math.floor(acc / 40) : 2
        arcs.push(String(first), String(acc - first * 40))
      } else {
        arcs.push(String(acc))
      }
      acc = 0
    } else if (i === value.length - 1) truncatedOid()
  }
  return arcs.join('.')
}

function nonMinimalArc(): never {
  throw new FormatError('format.der', 'DER: non-minimal OID arc / 对象标识符编码非最短')
}

function truncatedOid(): never {
  throw new FormatError('format.der', 'DER: truncated OID / 对象标识符被截断')
}

/** {@link decodeOid} with arcs of any size. */
function decodeOidBig(value: Uint8Array): string {
  const arcs: string[] = []
  let acc = 0n
  for (let i = 0; i < value.length; i++) {
    const b = value[i]!
    if (acc === 0n && b === 0x80) nonMinimalArc()
    acc = (acc << 7n) | BigInt(b & 0x7f)
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = acc < 80n ? acc / 40n : 2n
        arcs.push(first.toString(), (acc - first * 40n).toString())
      } else {
        arcs.push(acc.toString())
      }
      acc = 0n
    } else if (i === value.length - 1) truncatedOid()
  }
  return arcs.join('.')
}

/** Reads an OID element. */
export function readOid(tlv: Tlv | undefined, what = 'OBJECT IDENTIFIER'): string {
  return decodeOid(expectUniversal(tlv, TAG.OID, what).value)
}

/** The content of a BIT STRING with zero unused bits. */
export function bitStringBytes(tlv: Tlv | undefined, what = 'BIT STRING'): Uint8Array {
  const v = expectUniversal(tlv, TAG.BIT_STRING, what).value
  if (v.length === 0 || v[0] !== 0) {
    throw new FormatError('format.der', `DER: ${what} must have 0 unused bits / 位串未用位须为 0`)
  }
  return v.subarray(1)
}

/** Reads a small non-negative INTEGER as a number. */
export function readSmallInt(tlv: Tlv | undefined, what = 'INTEGER'): number {
  const v = expectUniversal(tlv, TAG.INTEGER, what).value
  if (v.length === 0 || v.length > 6 || (v[0]! & 0x80) !== 0) {
    throw new FormatError('format.der', `DER: ${what} out of range / 整数超出范围`)
  }
  let n = 0
  for (const b of v) n = n * 256 + b
  return n
}

/** Decodes UTCTime or GeneralizedTime (Z form, optional fractional seconds). */
export function readTime(tlv: Tlv | undefined, what = 'Time'): Date {
  if (!tlv || tlv.cls !== 0) throw new FormatError('format.der', `DER: expected ${what}`)
  const s = latin1.decode(tlv.value)
  let m: RegExpExecArray | null
  let year: number
  if (tlv.tag === TAG.UTC_TIME) {
    m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(s)
    if (!m) throw new FormatError('format.der', `DER: bad UTCTime "${s}" / UTCTime 格式错误`)
    const yy = Number(m[1])
    year = yy >= 50 ? 1900 + yy : 2000 + yy
  } else if (tlv.tag === TAG.GENERALIZED_TIME) {
    m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:[.,](\d{1,9}))?Z$/.exec(s)
    if (!m) throw new FormatError('format.der', `DER: bad GeneralizedTime "${s}"`)
    year = Number(m[1])
  } else {
    throw new FormatError('format.der', `DER: expected ${what} / 应为时间类型`)
  }
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0
  const parts = [Number(m[2]), Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0)]
  const [mo, d, h, mi, sec] = parts as [number, number, number, number, number]
  const t = Date.UTC(year, mo - 1, d, h, mi, sec, ms)
  const back = new Date(t)
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) {
    throw new FormatError('format.der', `DER: impossible date "${s}" / 日期不存在`)
  }
  return back
}

/** Bytes of a hex string (even length, hex digits only). */
export function fromHex(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(hex)) {
    throw new FormatError('format.hex', 'bad hex string / 十六进制字符串错误')
  }
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16)
  return out
}
