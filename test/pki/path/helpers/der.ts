/**
 * A minimal DER encoder for building test certificates and CRLs.
 */
export function tlv(tag: number, content: Uint8Array): Uint8Array {
  const n = content.length
  let len: number[]
  if (n < 0x80) len = [n]
  else {
    len = []
    for (let v = n; v > 0; v = Math.floor(v / 256)) len.unshift(v & 0xff)
    len = [0x80 | len.length, ...len]
  }
  const out = new Uint8Array(1 + len.length + n)
  out[0] = tag
  out.set(len, 1)
  out.set(content, 1 + len.length)
  return out
}

export function concat(...parts: Uint8Array[]): Uint8Array {
  return concatAll(parts)
}

export function concatAll(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((a, p) => a + p.length, 0))
  let pos = 0
  for (const p of parts) {
    out.set(p, pos)
    pos += p.length
  }
  return out
}

export const seq = (...parts: Uint8Array[]): Uint8Array => tlv(0x30, concat(...parts))
export const set = (...parts: Uint8Array[]): Uint8Array => tlv(0x31, concat(...parts))
export const explicit = (n: number, inner: Uint8Array): Uint8Array => tlv(0xa0 + n, inner)
export const octet = (b: Uint8Array): Uint8Array => tlv(0x04, b)
export const bool = (v: boolean): Uint8Array => tlv(0x01, new Uint8Array([v ? 0xff : 0]))
export const utf8 = (s: string): Uint8Array => tlv(0x0c, new TextEncoder().encode(s))
export const ia5 = (tag: number, s: string): Uint8Array => tlv(tag, new TextEncoder().encode(s))

export function int(v: number | bigint): Uint8Array {
  let hex = BigInt(v).toString(16)
  if (hex.length % 2) hex = `0${hex}`
  if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`
  return tlv(0x02, Uint8Array.from(hex.match(/../g)!.map((h) => parseInt(h, 16))))
}

export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((a) => BigInt(a))
  const bytes: number[] = []
  const push = (v: bigint): void => {
    const chunk: number[] = [Number(v & 0x7fn)]
    for (let x = v >> 7n; x > 0n; x >>= 7n) chunk.unshift(Number(x & 0x7fn) | 0x80)
    bytes.push(...chunk)
  }
  push(arcs[0]! * 40n + arcs[1]!)
  for (const a of arcs.slice(2)) push(a)
  return tlv(0x06, Uint8Array.from(bytes))
}

export function bitString(bytes: Uint8Array, unused = 0): Uint8Array {
  return tlv(0x03, concat(Uint8Array.of(unused), bytes))
}

/** Named-bit BIT STRING with minimal encoding (trailing zero bits removed). */
export function namedBits(bits: number[]): Uint8Array {
  if (bits.length === 0) return bitString(new Uint8Array(0))
  const max = Math.max(...bits)
  const bytes = new Uint8Array((max >> 3) + 1)
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7)
  return bitString(bytes, 7 - (max & 7))
}

export function time(d: Date): Uint8Array {
  const iso = d.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  const y = d.getUTCFullYear()
  if (y >= 1950 && y < 2050) return tlv(0x17, new TextEncoder().encode(`${iso.slice(2)}Z`))
  return tlv(0x18, new TextEncoder().encode(`${iso}Z`))
}
