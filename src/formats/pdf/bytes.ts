/**
 * Byte search helpers over Uint8Array (no Node built-ins).
 */

/** Encodes ASCII text as bytes. */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length)
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff
  return out
}

/** First index of `needle` in `hay` within [from, to), or -1. */
export function indexOfBytes(
  hay: Uint8Array,
  needle: Uint8Array,
  from = 0,
  to = hay.length,
): number {
  const first = needle[0]
  if (first === undefined) return -1
  const last = Math.min(to, hay.length) - needle.length
  let p = Math.max(0, from)
  while (p <= last) {
    const i = hay.indexOf(first, p)
    if (i < 0 || i > last) return -1
    let k = 1
    while (k < needle.length && hay[i + k] === needle[k]) k++
    if (k === needle.length) return i
    p = i + 1
  }
  return -1
}

/** Last index of `needle` in `hay` starting at or before `from` and not below `min`, or -1. */
export function lastIndexOfBytes(
  hay: Uint8Array,
  needle: Uint8Array,
  from = hay.length - needle.length,
  min = 0,
): number {
  const first = needle[0]
  if (first === undefined) return -1
  let p = Math.min(from, hay.length - needle.length)
  while (p >= min) {
    const i = hay.lastIndexOf(first, p)
    if (i < min) return -1
    let k = 1
    while (k < needle.length && hay[i + k] === needle[k]) k++
    if (k === needle.length) return i
    p = i - 1
  }
  return -1
}

/** Decodes bytes as Latin-1 text (one char per byte). */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let s = ''
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!)
  return s
}
