/**
 * Node-only: Flate streams through zlib's native inflate, several times faster than the
 * portable decoder. Only a complete stream with a valid Adler-32 checksum is taken (a stricter
 * test than the portable decoder's), and only up to the budget: a stream whose valid output
 * outgrows it is reported as too large (the portable decoder would reach the same limit after
 * the same bytes); anything else returns undefined and is decoded the portable way, so both
 * give the same bytes or the same error.
 */
import { inflateSync } from 'node:zlib'
import type { NativeInflate } from '../formats/pdf/filters.js'

/** {@link NativeInflate} on `zlib.inflateSync`. */
export const nodeInflate: NativeInflate = (input, maxOutput) => {
  if (maxOutput < 1 || input.length < 6) return undefined
  try {
    const out = inflateSync(input, { maxOutputLength: maxOutput })
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength)
  } catch (e) {
    // zlib stopped only once the output outgrew the budget: every byte before was valid.
    return (e as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too-large' : undefined
  }
}
