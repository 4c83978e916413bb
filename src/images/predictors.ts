/**
 * Row predictors of PNG (filter types 0–4, also PDF /Predictor 10–15) and TIFF (PDF
 * /Predictor 2), undone on decoded sample rows.
 */
import { imageFormat } from './errors.js'

/**
 * Undoes one PNG row filter (type 0–4) of `row` into `cur`, with `prev` the previous
 * unfiltered row (zeros for the first); `bpp` bytes per complete pixel. Returns false for an
 * unknown filter type.
 */
export function unfilterRow(
  type: number,
  row: Uint8Array,
  prev: Uint8Array,
  cur: Uint8Array,
  bpp: number,
): boolean {
  const n = row.length
  const head = Math.min(bpp, n)
  switch (type) {
    case 0:
      cur.set(row)
      return true
    case 1:
      for (let i = 0; i < head; i++) cur[i] = row[i]!
      for (let i = head; i < n; i++) cur[i] = (row[i]! + cur[i - bpp]!) & 0xff
      return true
    case 2:
      for (let i = 0; i < n; i++) cur[i] = (row[i]! + prev[i]!) & 0xff
      return true
    case 3:
      for (let i = 0; i < head; i++) cur[i] = (row[i]! + (prev[i]! >> 1)) & 0xff
      for (let i = head; i < n; i++) cur[i] = (row[i]! + ((cur[i - bpp]! + prev[i]!) >> 1)) & 0xff
      return true
    case 4:
      // Paeth with left = upLeft = 0 is the up byte.
      for (let i = 0; i < head; i++) cur[i] = (row[i]! + prev[i]!) & 0xff
      for (let i = head; i < n; i++) {
        const left = cur[i - bpp]!
        const up = prev[i]!
        const upLeft = prev[i - bpp]!
        const pa = Math.abs(up - upLeft)
        const pb = Math.abs(left - upLeft)
        const pc = Math.abs(left + up - 2 * upLeft)
        cur[i] = (row[i]! + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft)) & 0xff
      }
      return true
    default:
      return false
  }
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
  let prev = new Uint8Array(rowBytes)
  for (let y = 0; y < rows; y++) {
    const type = data[y * stride]!
    const row = data.subarray(y * stride + 1, (y + 1) * stride)
    const cur = out.subarray(y * rowBytes, (y + 1) * rowBytes)
    if (!unfilterRow(type, row, prev, cur, bpp)) {
      throw imageFormat('filter', `unknown PNG row filter type ${type} in row ${y}`)
    }
    prev = cur
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
