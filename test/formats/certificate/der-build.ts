/**
 * A minimal DER writer for building test inputs.
 */

/** Encodes one element with the given identifier octet. */
export function tlv(tag: number, ...content: Uint8Array[]): Uint8Array {
  const length = content.reduce((n, c) => n + c.length, 0)
  let header: number[]
  if (length < 0x80) header = [tag, length]
  else {
    const bytes: number[] = []
    for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256)
    header = [tag, 0x80 | bytes.length, ...bytes]
  }
  const out = new Uint8Array(header.length + length)
  out.set(header)
  let at = header.length
  for (const c of content) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** Encodes an OBJECT IDENTIFIER from dotted form. */
export function oid(dotted: string): Uint8Array {
  const arcs = dotted.split('.').map(BigInt)
  const first = arcs[0]! * 40n + arcs[1]!
  const body: number[] = []
  for (const arc of [first, ...arcs.slice(2)]) {
    const groups: number[] = [Number(arc & 0x7fn)]
    for (let v = arc >> 7n; v > 0n; v >>= 7n) groups.unshift(Number(v & 0x7fn) | 0x80)
    body.push(...groups)
  }
  return tlv(0x06, new Uint8Array(body))
}

/** Wraps DER in PEM with the given label. */
export function pem(label: string, der: Uint8Array, eol = '\n'): string {
  const b64 = Buffer.from(der).toString('base64')
  const lines = b64.match(/.{1,64}/g) ?? []
  return `-----BEGIN ${label}-----${eol}${lines.join(eol)}${eol}-----END ${label}-----${eol}`
}

/** UTF-8 bytes of text. */
export function bytesOf(text: string): Uint8Array {
  return new TextEncoder().encode(text)
}
