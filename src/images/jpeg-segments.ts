/**
 * The header segments of a JPEG file (ITU-T T.81 Annex B): quantisation tables (DQT),
 * Huffman tables (DHT) and the frame header (SOF0/SOF1) with its components' planes.
 */
import { imageFormat } from './errors.js'
import { buildHuffman, type HuffmanTable } from './jpeg-huffman.js'
import { checkDimensions, type ImageLimits } from './raster.js'

/** Zig-zag order: ZIGZAG[k] is the natural index of the k-th coefficient. */
export const ZIGZAG = new Uint8Array([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
  13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
  45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
])

/** A frame component with its decoded sample plane. */
export interface Component {
  readonly id: number
  readonly h: number
  readonly v: number
  readonly tq: number
  /** Blocks per line and per column of this component's plane (padded to whole MCUs). */
  blocksW: number
  blocksH: number
  plane: Uint8Array
  pred: number
  dc?: HuffmanTable | undefined
  ac?: HuffmanTable | undefined
}

/** The frame header and its components. */
export interface Frame {
  width: number
  height: number
  hmax: number
  vmax: number
  mcusX: number
  mcusY: number
  components: Component[]
}

/** Big-endian 16-bit number at `at` (0 past the end). */
export const u16 = (d: Uint8Array, at: number) => ((d[at] ?? 0) << 8) | (d[at + 1] ?? 0)

/** Reads a DQT segment into `quant` (natural order). */
export function readQuant(body: Uint8Array, quant: (Float64Array | undefined)[]): void {
  let p = 0
  while (p < body.length) {
    const pq = body[p]! >> 4
    const tq = body[p]! & 15
    const size = pq === 0 ? 64 : 128
    if (tq > 3 || p + 1 + size > body.length) throw imageFormat('jpeg', 'bad quantisation table')
    const t = new Float64Array(64)
    for (let i = 0; i < 64; i++) {
      t[ZIGZAG[i]!] = pq === 0 ? body[p + 1 + i]! : u16(body, p + 1 + 2 * i)
    }
    quant[tq] = t
    p += 1 + size
  }
}

/** Reads a DHT segment into the DC and AC tables. */
export function readHuffman(
  body: Uint8Array,
  dc: (HuffmanTable | undefined)[],
  ac: (HuffmanTable | undefined)[],
): void {
  let p = 0
  while (p + 17 <= body.length) {
    const tc = body[p]! >> 4
    const th = body[p]! & 15
    const counts = body.subarray(p + 1, p + 17)
    const total = counts.reduce((a, b) => a + b, 0)
    if (tc > 1 || th > 3 || p + 17 + total > body.length) {
      throw imageFormat('jpeg', 'bad Huffman table')
    }
    const table = buildHuffman(counts, body.subarray(p + 17, p + 17 + total))
    ;(tc === 0 ? dc : ac)[th] = table
    p += 17 + total
  }
}

/** Reads an SOF0/SOF1 frame header and allocates the component planes. */
export function readFrame(body: Uint8Array, limits: ImageLimits): Frame {
  if (body[0] !== 8) throw imageFormat('jpeg-unsupported', `${body[0]}-bit JPEG is not supported`)
  const height = u16(body, 1)
  const width = u16(body, 3)
  const n = body[5] ?? 0
  checkDimensions(width, height, limits)
  if (![1, 3, 4].includes(n) || body.length < 6 + 3 * n) {
    throw imageFormat('jpeg', `unsupported component count ${n}`)
  }
  const components: Component[] = []
  for (let i = 0; i < n; i++) {
    const at = 6 + 3 * i
    const h = body[at + 1]! >> 4
    const v = body[at + 1]! & 15
    if (h < 1 || h > 4 || v < 1 || v > 4) throw imageFormat('jpeg', 'bad sampling factors')
    components.push({
      id: body[at]!,
      h,
      v,
      tq: body[at + 2]! & 3,
      blocksW: 0,
      blocksH: 0,
      plane: new Uint8Array(0),
      pred: 0,
    })
  }
  const hmax = Math.max(...components.map((c) => c.h))
  const vmax = Math.max(...components.map((c) => c.v))
  const mcusX = Math.ceil(width / (8 * hmax))
  const mcusY = Math.ceil(height / (8 * vmax))
  for (const c of components) {
    c.blocksW = mcusX * c.h
    c.blocksH = mcusY * c.v
    c.plane = new Uint8Array(c.blocksW * c.blocksH * 64)
  }
  return { width, height, hmax, vmax, mcusX, mcusY, components }
}
