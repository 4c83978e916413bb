/**
 * Byte search helpers over Uint8Array (no Node built-ins).
 */
import { latin1Text } from '../code-units.js'

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
  const window = to < hay.length ? hay.subarray(0, Math.max(0, last + 1)) : hay
  let p = Math.max(0, from)
  while (p <= last) {
    const i = window.indexOf(first, p)
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
  const lo = Math.max(0, min)
  const window = hay.subarray(lo)
  let p = Math.min(from, hay.length - needle.length)
  while (p >= lo) {
    const i = window.lastIndexOf(first, p - lo) + lo
    if (i < lo) return -1
    let k = 1
    while (k < needle.length && hay[i + k] === needle[k]) k++
    if (k === needle.length) return i
    p = i - 1
  }
  return -1
}

/** Decodes bytes as Latin-1 text (one char per byte). */
export function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  return latin1Text(bytes, start, end)
}

/**
 * Memoised "first occurrence of a needle at or after x": remembers searched intervals so a
 * file with many searches (e.g. many streams with a wrong /Length) is scanned only once.
 */
export class NextIndex {
  /** Sorted, disjoint [from, hit] intervals: no occurrence in [from, hit) and one at hit. */
  private readonly spans: { from: number; hit: number }[] = []

  /**
   * @param search first index of the needle in [from, to) or -1; defaults to a search of `hay`
   *   (a paged file passes a streaming one)
   */
  constructor(
    private readonly hay: Uint8Array,
    private readonly needle: Uint8Array,
    private readonly search: (from: number, to: number) => number = (from, to) =>
      indexOfBytes(hay, needle, from, to),
  ) {}

  /** First index of the needle at or after `x`, or -1. */
  find(x: number): number {
    const spans = this.spans
    let lo = 0
    let hi = spans.length - 1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      const s = spans[mid]!
      if (x < s.from) hi = mid - 1
      else if (x > s.hit) lo = mid + 1
      else return s.hit < this.hay.length ? s.hit : -1
    }
    const next = spans[lo]
    const to = next === undefined ? this.hay.length : next.from + this.needle.length - 1
    let hit = this.search(x, Math.min(this.hay.length, to))
    if (hit < 0) hit = next === undefined ? this.hay.length : next.hit
    if (next !== undefined && hit === next.hit) next.from = Math.min(next.from, x)
    else spans.splice(lo, 0, { from: x, hit })
    return hit < this.hay.length ? hit : -1
  }
}
