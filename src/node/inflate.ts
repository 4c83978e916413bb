/**
 * Node-only: Flate streams through zlib's native inflate, several times faster than the
 * portable decoder. Only a complete stream with a valid Adler-32 checksum is taken (a stricter
 * test than the portable decoder's), and only up to the budget; anything else returns
 * undefined and is decoded the portable way, so both give the same bytes or the same error.
 */
import { inflateSync } from 'node:zlib'
import type { NativeInflate } from '../formats/pdf/filters.js'

/** {@link NativeInflate} on `zlib.inflateSync`. */
export const nodeInflate: NativeInflate = (input, maxOutput) => {
  if (maxOutput < 1 || input.length < 6) return undefined
  try {
    const out = inflateSync(input, { maxOutputLength: maxOutput })
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
  } catch {
    return undefined
  }
}
