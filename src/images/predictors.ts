/**
 * Row predictors of PNG (filter types 0–4, also PDF /Predictor 10–15) and TIFF (PDF
 * /Predictor 2), undone on decoded sample rows.
 */
import { imageFormat } from './errors.js'

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  if (pa <= pb && pa <= pc) return a
  return pb <= pc ? b : c
}

/**
 * Undoes PNG filtering. `data` holds `rows` rows of one filter-type byte followed by
 * `rowBytes` bytes; `bpp` is the number of bytes per complete pixel (at least 1).
 * Returns the unfiltered rows without their filter bytes. Missing trailing data is an error.
 */
export function unfilterPng(
  data: Uint8Array,
  rowBytes: number,
  rows: number,
  bpp: number,
): Uint8Array {
  const stride = rowBytes + 1
  if (data.length < stride * rows) {
    throw imageFormat('truncated', `filtered data holds ${data.length} of ${stride * rows} bytes`)
  }
  const out = new Uint8Array(rowBytes * rows)
  for (let y = 0; y < rows; y++) {
    const type = data[y * stride]!
    const src = y * stride + 1
    const dst = y * rowBytes
    const up = dst - rowBytes
    for (let x = 0; x < rowBytes; x++) {
      const raw = data[src + x]!
      const a = x >= bpp ? out[dst + x - bpp]! : 0
      const b = y > 0 ? out[up + x]! : 0
      const c = y > 0 && x >= bpp ? out[up + x - bpp]! : 0
      let v: number
      switch (type) {
        case 0:
          v = raw
          break
        case 1:
          v = raw + a
          break
        case 2:
          v = raw + b
          break
        case 3:
          v = raw + ((a + b) >> 1)
          break
        case 4:
          v = raw + paeth(a, b, c)
          break
        default:
          throw imageFormat('filter', `unknown PNG row filter type ${type} in row ${y}`)
      }
      out[dst + x] = v & 0xff
    }
  }
  return out
}

/**
 * Undoes the TIFF horizontal-differencing predictor (PDF /Predictor 2): each sample is added
 * to the same component of the pixel on its left, modulo the sample size (1–16 bits).
 * `colors` samples per pixel, `columns` pixels per row; a partial last row is dropped.
 */
export function untiffPredict(
  data: Uint8Array,
  columns: number,
  colors: number,
  bitsPerComponent: number,
): Uint8Array {
  const rowBytes = Math.ceil((columns * colors * bitsPerComponent) / 8)
  const rows = Math.floor(data.length / rowBytes)
  const out = new Uint8Array(rows * rowBytes)
  for (let y = 0; y < rows; y++) {
    const row = data.subarray(y * rowBytes, (y + 1) * rowBytes)
    const dst = out.subarray(y * rowBytes, (y + 1) * rowBytes)
    if (bitsPerComponent === 8) {
      for (let i = 0; i < rowBytes; i++) {
        dst[i] = (row[i]! + (i >= colors ? dst[i - colors]! : 0)) & 0xff
      }
    } else if (bitsPerComponent === 16) {
      for (let i = 0; i + 1 < rowBytes; i += 2) {
        const prev = i >= colors * 2 ? (dst[i - colors * 2]! << 8) | dst[i - colors * 2 + 1]! : 0
        const v = (((row[i]! << 8) | row[i + 1]!) + prev) & 0xffff
        dst[i] = v >> 8
        dst[i + 1] = v & 0xff
      }
    } else {
      const mask = (1 << bitsPerComponent) - 1
      const samples = columns * colors
      const get = (buf: Uint8Array, k: number) => {
        const bit = k * bitsPerComponent
        return (buf[bit >> 3]! >> (8 - bitsPerComponent - (bit & 7))) & mask
      }
      for (let k = 0; k < samples; k++) {
        const v = (get(row, k) + (k >= colors ? get(dst, k - colors) : 0)) & mask
        const bit = k * bitsPerComponent
        dst[bit >> 3]! |= v << (8 - bitsPerComponent - (bit & 7))
      }
    }
  }
  return out
}
