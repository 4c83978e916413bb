/**
 * The encoded length of the first BER element of a byte string, definite or indefinite
 * (walked to its end-of-contents octets), so that zero padding after a PDF signature can be
 * cut off without cutting the element's own end-of-contents octets. Bounded in depth and count.
 */

const MAX_DEPTH = 64
const MAX_ELEMENTS = 100_000

/** Length of the element at offset 0, or undefined when it is not well-formed BER. */
export function berLength(bytes: Uint8Array): number | undefined {
  const budget = { left: MAX_ELEMENTS }
  try {
    return end(bytes, 0, 0, budget)
  } catch {
    return undefined
  }
}

function end(b: Uint8Array, pos: number, depth: number, budget: { left: number }): number {
  if (depth > MAX_DEPTH || --budget.left < 0 || pos >= b.length) throw new Error('ber')
  const first = b[pos++]!
  if ((first & 0x1f) === 0x1f) {
    let n = 0
    while (pos < b.length && b[pos]! & 0x80 && n++ < 4) pos++
    pos++
  }
  if (pos >= b.length) throw new Error('ber')
  const len = b[pos++]!
  if (len === 0x80) {
    if ((first & 0x20) === 0) throw new Error('ber')
    while (pos + 1 < b.length && !(b[pos] === 0 && b[pos + 1] === 0)) {
      pos = end(b, pos, depth + 1, budget)
    }
    if (pos + 1 >= b.length) throw new Error('ber')
    return pos + 2
  }
  let size = len
  if (len > 0x80) {
    const n = len & 0x7f
    if (n > 4 || pos + n > b.length) throw new Error('ber')
    size = 0
    for (let i = 0; i < n; i++) size = size * 256 + b[pos++]!
  }
  if (pos + size > b.length) throw new Error('ber')
  return pos + size
}
