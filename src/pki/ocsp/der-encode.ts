/**
 * A minimal DER writer for the few structures this library emits (OCSP requests).
 */

function lengthOctets(n: number): number[] {
  if (n < 0x80) return [n]
  const out: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff)
  return [0x80 | out.length, ...out]
}

/** Encodes one element with the given identifier octet around the concatenated contents. */
export function tlv(identifier: number, ...contents: readonly Uint8Array[]): Uint8Array {
  const size = contents.reduce((n, c) => n + c.length, 0)
  const head = [identifier, ...lengthOctets(size)]
  const out = new Uint8Array(head.length + size)
  out.set(head)
  let pos = head.length
  for (const c of contents) {
    out.set(c, pos)
    pos += c.length
  }
  return out
}

/** Encodes an OBJECT IDENTIFIER from dotted text. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map((a) => BigInt(a))
  const [a0, a1, ...rest] = arcs
  if (a0 === undefined || a1 === undefined) throw new RangeError(`bad OID ${dotted}`)
  const bytes: number[] = []
  for (const arc of [a0 * 40n + a1, ...rest]) {
    const group: number[] = [Number(arc & 0x7fn)]
    for (let v = arc >> 7n; v > 0n; v >>= 7n) group.unshift(Number(v & 0x7fn) | 0x80)
    bytes.push(...group)
  }
  return tlv(0x06, new Uint8Array(bytes))
}

/** A positive INTEGER from its big-endian magnitude (a leading zero is added when needed). */
export function integer(magnitude: Uint8Array): Uint8Array {
  let i = 0
  while (i < magnitude.length - 1 && magnitude[i] === 0) i++
  const m = magnitude.subarray(i)
  const pad = m.length === 0 || (m[0]! & 0x80) !== 0
  return tlv(0x02, pad ? new Uint8Array([0, ...m]) : m)
}

/** DER NULL. */
export const NULL = new Uint8Array([0x05, 0x00])
