/**
 * Bounded zlib decompression for picture data: fflate's streaming `Unzlib` is fed in small
 * pieces and stopped as soon as the output passes the bound.
 */
import { Unzlib } from 'fflate'
import { YrdError } from '../errors.js'
import { imageFormat, imageLimit } from './errors.js'

const PIECE = 16 * 1024

/**
 * Inflates a zlib stream to at most `max` bytes. Throws `limit.image.inflate` past the bound
 * and `format.image.deflate` on corrupt data. A stream cut short returns what it produced.
 */
export function inflateZlib(input: Uint8Array, max: number): Uint8Array {
  const chunks: Uint8Array[] = []
  let total = 0
  const inflater = new Unzlib((chunk) => {
    total += chunk.length
    if (total > max) throw imageLimit('inflate', `picture data inflates past ${max} bytes`)
    chunks.push(chunk)
  })
  try {
    let p = 0
    do {
      const end = Math.min(p + PIECE, input.length)
      inflater.push(input.subarray(p, end), end === input.length)
      p = end
    } while (p < input.length)
  } catch (error) {
    if (error instanceof YrdError) throw error
    if (total === 0) throw imageFormat('deflate', 'corrupt compressed picture data')
  }
  const out = new Uint8Array(total)
  let o = 0
  for (const c of chunks) {
    out.set(c, o)
    o += c.length
  }
  return out
}
