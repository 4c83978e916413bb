/**
 * Reads the `num gen obj` header of an indirect object body at a file offset, so that an
 * xref entry pointing at the body of another object (a shadow-hide trick) can be named.
 */

function isSpace(c: number | undefined): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00
}

function isDigit(c: number | undefined): boolean {
  return c !== undefined && c >= 0x30 && c <= 0x39
}

/** Longest header run scanned (digits and white space), so a hostile offset costs little. */
export const MAX_HEADER = 64

/**
 * The object number and generation declared at `offset`, or undefined when the bytes there
 * are not an object header.
 */
export function readObjectHeader(
  bytes: Uint8Array,
  offset: number,
): { num: number; gen: number } | undefined {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= bytes.length) return undefined
  const stop = Math.min(bytes.length, offset + MAX_HEADER)
  let p = offset
  const ints: number[] = []
  for (let k = 0; k < 2; k++) {
    while (p < stop && isSpace(bytes[p])) p++
    const s = p
    while (p < stop && isDigit(bytes[p])) p++
    if (p === s || p - s > 10) return undefined
    let v = 0
    for (let i = s; i < p; i++) v = v * 10 + (bytes[i]! - 0x30)
    ints.push(v)
  }
  while (p < stop && isSpace(bytes[p])) p++
  if (bytes[p] !== 0x6f || bytes[p + 1] !== 0x62 || bytes[p + 2] !== 0x6a) return undefined
  return { num: ints[0]!, gen: ints[1]! }
}
