/**
 * Byte-level and DER-aware mutations for the fuzz suite, as plain data (so fast-check prints a
 * readable counterexample) plus the function that applies them inside a region of an input.
 */
import * as fc from 'fast-check'
import { readTlv } from '../../src/asn1/der.js'

/** A half-open byte range [start, end) of an input that mutations must stay inside. */
export interface Region {
  readonly start: number
  readonly end: number
}

/** How a DER length field is edited. */
export type LengthEdit = 'plus-one' | 'minus-one' | 'zero' | 'indefinite' | 'huge' | 'long-form'

/** One change to an input; positions are reduced modulo the region at application time. */
export type Mutation =
  | { readonly op: 'flip'; readonly at: number; readonly xor: number }
  | { readonly op: 'set'; readonly at: number; readonly value: number }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'insert'; readonly at: number; readonly data: readonly number[] }
  | { readonly op: 'delete'; readonly at: number; readonly length: number }
  | {
      readonly op: 'duplicate'
      readonly from: number
      readonly length: number
      readonly to: number
    }
  | { readonly op: 'length'; readonly tlv: number; readonly edit: LengthEdit }

const INTERESTING = [0x00, 0x01, 0x02, 0x04, 0x0a, 0x20, 0x30, 0x3c, 0x7f, 0x80, 0x81, 0x84, 0xff]

const position = fc.nat({ max: 1 << 24 })
const byteValue = fc.oneof(fc.constantFrom(...INTERESTING), fc.integer({ min: 0, max: 255 }))

/** Arbitrary single mutation. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('flip' as const),
      at: position,
      xor: fc.integer({ min: 1, max: 255 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('set' as const), at: position, value: byteValue }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: position,
      data: fc.array(byteValue, { minLength: 1, maxLength: 16 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      at: position,
      length: fc.integer({ min: 1, max: 64 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('duplicate' as const),
      from: position,
      length: fc.integer({ min: 1, max: 256 }),
      to: position,
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('length' as const),
      tlv: position,
      edit: fc.constantFrom<LengthEdit>(
        'plus-one',
        'minus-one',
        'zero',
        'indefinite',
        'huge',
        'long-form',
      ),
    }),
  },
)

/** One to three stacked mutations. */
export const mutationsArb = fc.array(mutationArb, { minLength: 1, maxLength: 3 })

/** Headers of the DER elements found by walking `bytes` (bounded), as [offset, headerLength]. */
export function derHeaders(bytes: Uint8Array, limit = 4096): [number, number][] {
  const out: [number, number][] = []
  const walk = (offset: number, end: number, depth: number): void => {
    let at = offset
    while (at < end && out.length < limit && depth < 32) {
      let tlv
      try {
        tlv = readTlv(bytes, at, true)
      } catch {
        return
      }
      const header = tlv.raw.length - tlv.value.length
      out.push([at, header])
      const contentStart = at + header
      if (tlv.constructed) walk(contentStart, contentStart + tlv.value.length, depth + 1)
      at += tlv.raw.length
    }
  }
  walk(0, bytes.length, 0)
  return out
}

function encodeLength(n: number): number[] {
  if (n < 0x80) return [n]
  const out: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v % 256)
  return [0x80 | out.length, ...out]
}

function lengthBytes(edit: LengthEdit, current: number): number[] {
  switch (edit) {
    case 'plus-one':
      return encodeLength(current + 1)
    case 'minus-one':
      return encodeLength(Math.max(0, current - 1))
    case 'zero':
      return [0]
    case 'indefinite':
      return [0x80]
    case 'huge':
      return [0x84, 0xff, 0xff, 0xff, 0xf0]
    case 'long-form':
      return [
        0x84,
        (current >>> 24) & 255,
        (current >>> 16) & 255,
        (current >>> 8) & 255,
        current & 255,
      ]
  }
}

function splice(
  bytes: Uint8Array,
  at: number,
  remove: number,
  insert: ArrayLike<number>,
): Uint8Array {
  const out = new Uint8Array(bytes.length - remove + insert.length)
  out.set(bytes.subarray(0, at), 0)
  out.set(insert, at)
  out.set(bytes.subarray(at + remove), at + insert.length)
  return out
}

/**
 * Applies one mutation inside `region` (default: the whole input) and returns a new array.
 * Positions wrap around the region, so every generated mutation lands inside it.
 */
export function applyMutation(bytes: Uint8Array, m: Mutation, region?: Region): Uint8Array {
  const start = region?.start ?? 0
  const end = Math.min(region?.end ?? bytes.length, bytes.length)
  const size = end - start
  if (size <= 0) return bytes.slice()
  const pick = (n: number) => start + (n % size)
  switch (m.op) {
    case 'flip':
    case 'set': {
      const out = bytes.slice()
      const at = pick(m.at)
      out[at] = m.op === 'flip' ? out[at]! ^ m.xor : m.value
      return out
    }
    case 'truncate':
      return bytes.slice(0, pick(m.at))
    case 'insert':
      return splice(bytes, pick(m.at), 0, m.data)
    case 'delete': {
      const at = pick(m.at)
      return splice(bytes, at, Math.min(m.length, end - at), [])
    }
    case 'duplicate': {
      const from = pick(m.from)
      const chunk = bytes.slice(from, Math.min(from + m.length, end))
      return splice(bytes, pick(m.to), 0, chunk)
    }
    case 'length': {
      const headers = derHeaders(bytes).filter(([o]) => o >= start && o < end)
      const chosen = headers[m.tlv % Math.max(1, headers.length)]
      if (!chosen) return applyMutation(bytes, { op: 'flip', at: m.tlv, xor: 0x80 }, region)
      const [offset, header] = chosen
      const tlv = readTlv(bytes, offset, true)
      let tagLength = 1
      if ((bytes[offset]! & 0x1f) === 0x1f) while (bytes[offset + tagLength]! & 0x80) tagLength++
      if ((bytes[offset]! & 0x1f) === 0x1f) tagLength++
      const replacement = lengthBytes(m.edit, tlv.value.length)
      return splice(bytes, offset + tagLength, header - tagLength, replacement)
    }
  }
}

/** Applies mutations in order, each inside the region as it stands (shifted by earlier ones). */
export function applyMutations(
  bytes: Uint8Array,
  mutations: readonly Mutation[],
  region?: Region,
): Uint8Array {
  let out = bytes
  let r = region ?? { start: 0, end: bytes.length }
  for (const m of mutations) {
    const next = applyMutation(out, m, r)
    r = { start: r.start, end: Math.max(r.start + 1, r.end + next.length - out.length) }
    out = next
  }
  return out
}

/** Whether two arrays hold the same bytes. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}
