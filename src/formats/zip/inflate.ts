/**
 * Bounded raw-DEFLATE decompression on fflate's streaming `Inflate`: input is pushed in
 * small pieces and decompression stops as soon as the output passes the expected size.
 */
import { Inflate } from 'fflate'
import { YrdError } from '../../errors.js'
import { zipFormat } from './errors.js'

const PIECE = 4096

/**
 * Inflates `input` and returns exactly `expected` bytes, or throws `format.zip.size-mismatch`
 * (more or fewer bytes than declared) or `format.zip.deflate` (corrupt stream).
 */
export function inflateBounded(input: Uint8Array, expected: number, name: string): Uint8Array {
  const out = new Uint8Array(expected)
  let written = 0
  const overflow = () =>
    zipFormat(
      'size-mismatch',
      `entry "${name}" inflates to more than its declared ${expected} bytes`,
      `条目“${name}”解压后超过声明的 ${expected} 字节`,
    )
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > expected) throw overflow()
    out.set(chunk, written)
    written += chunk.length
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
    throw zipFormat(
      'deflate',
      `entry "${name}" has a corrupt deflate stream`,
      `条目“${name}”压缩数据损坏`,
    )
  }
  if (written !== expected) {
    throw zipFormat(
      'size-mismatch',
      `entry "${name}" inflates to ${written}, not ${expected} bytes`,
      `条目“${name}”解压后为 ${written} 字节，而非 ${expected} 字节`,
    )
  }
  return out
}
