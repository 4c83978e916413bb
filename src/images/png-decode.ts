/**
 * PNG decoder for seal pictures (ISO/IEC 15948): every colour type and bit depth, palettes,
 * tRNS transparency and Adam7 interlacing, decoded to an 8-bit RGBA raster. Chunk CRCs are
 * checked; sizes and inflated data are bounded.
 */
import { crc32 } from '../formats/zip/crc32.js'
import { imageFormat, imageLimit } from './errors.js'
import { inflateZlib } from './inflate.js'
import { unfilterPng } from './predictors.js'
import { DEFAULT_IMAGE_LIMITS, newRaster, type ImageLimits, type Raster } from './raster.js'

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const MAX_CHUNKS = 100_000
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }
const DEPTHS: Readonly<Record<number, readonly number[]>> = {
  0: [1, 2, 4, 8, 16],
  2: [8, 16],
  3: [1, 2, 4, 8],
  4: [8, 16],
  6: [8, 16],
}
/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

interface Header {
  width: number
  height: number
  depth: number
  colorType: number
  interlace: number
}

const u32 = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) | (b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!) >>> 0

/** True when `data` starts with the PNG signature. */
export function isPng(data: Uint8Array): boolean {
  return data.length >= 8 && SIGNATURE.every((b, i) => data[i] === b)
}

function readHeader(d: Uint8Array): Header {
  if (d.length !== 13) throw imageFormat('png', 'IHDR chunk must hold 13 bytes')
  const h = {
    width: u32(d, 0),
    height: u32(d, 4),
    depth: d[8]!,
    colorType: d[9]!,
    interlace: d[12]!,
  }
  if (!DEPTHS[h.colorType]?.includes(h.depth)) {
    throw imageFormat('png', `colour type ${h.colorType} with bit depth ${h.depth} is invalid`)
  }
  if (d[10] !== 0 || d[11] !== 0 || h.interlace > 1) {
    throw imageFormat('png', 'unknown compression, filter or interlace method')
  }
  return h
}

/** Decodes a PNG file to RGBA. Throws `format.image.*` or `limit.image.*`. */
export function decodePng(data: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Raster {
  if (!isPng(data)) throw imageFormat('png', 'not a PNG file (signature missing)')
  let header: Header | undefined
  let palette: Uint8Array | undefined
  let trns: Uint8Array | undefined
  const idat: Uint8Array[] = []
  let idatLength = 0
  let ended = false
  let pos = 8
  for (let count = 0; !ended; count++) {
    if (count >= MAX_CHUNKS) throw imageLimit('chunks', 'too many PNG chunks')
    if (pos + 12 > data.length) throw imageFormat('truncated', 'PNG file ends inside a chunk')
    const length = u32(data, pos)
    const type = String.fromCharCode(...data.subarray(pos + 4, pos + 8))
    if (length > data.length - pos - 12) throw imageFormat('truncated', `chunk ${type} cut short`)
    const body = data.subarray(pos + 8, pos + 8 + length)
    if (crc32(data.subarray(pos + 4, pos + 8 + length)) !== u32(data, pos + 8 + length)) {
      throw imageFormat('crc', `chunk ${type} has a wrong CRC`)
    }
    pos += 12 + length
    if (count === 0 && type !== 'IHDR') throw imageFormat('png', 'IHDR is not the first chunk')
    if (type === 'IHDR') {
      if (header) throw imageFormat('png', 'repeated IHDR chunk')
      header = readHeader(body)
    } else if (type === 'PLTE') {
      if (length % 3 !== 0 || length === 0 || length > 768) {
        throw imageFormat('png', 'PLTE length must be a multiple of 3, at most 768')
      }
      palette = body
    } else if (type === 'tRNS') trns = body
    else if (type === 'IDAT') {
      idat.push(body)
      idatLength += length
    } else if (type === 'IEND') ended = true
    else if ((type.charCodeAt(0) & 0x20) === 0) {
      throw imageFormat('png', `unknown critical chunk ${type}`)
    }
  }
  if (!header) throw imageFormat('png', 'IHDR chunk missing')
  if (header.colorType === 3 && !palette) throw imageFormat('png', 'palette image without PLTE')
  const raster = newRaster(header.width, header.height, limits)
  const compressed = new Uint8Array(idatLength)
  let o = 0
  for (const c of idat) {
    compressed.set(c, o)
    o += c.length
  }
  const channels = CHANNELS[header.colorType]!
  const bitsPerPixel = channels * header.depth
  const bpp = Math.max(1, bitsPerPixel >> 3)
  const passes = header.interlace === 1 ? ADAM7 : ([[0, 0, 1, 1]] as const)
  let needed = 0
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((header.width - x0) / dx)
    const h = Math.ceil((header.height - y0) / dy)
    if (w > 0 && h > 0) needed += h * (Math.ceil((w * bitsPerPixel) / 8) + 1)
  }
  if (needed > limits.maxInflated) throw imageLimit('inflate', 'PNG pixel data over the limit')
  const inflated = inflateZlib(compressed, needed)
  let offset = 0
  const px = new Pixels(header, palette, trns, raster)
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((header.width - x0) / dx)
    const h = Math.ceil((header.height - y0) / dy)
    if (w <= 0 || h <= 0) continue
    const rowBytes = Math.ceil((w * bitsPerPixel) / 8)
    const size = h * (rowBytes + 1)
    const rows = unfilterPng(inflated.subarray(offset, offset + size), rowBytes, h, bpp)
    offset += size
    for (let y = 0; y < h; y++) {
      const row = rows.subarray(y * rowBytes, (y + 1) * rowBytes)
      for (let x = 0; x < w; x++) px.put(row, x, x0 + x * dx, y0 + y * dy)
    }
  }
  return raster
}

/** Converts samples of one row to RGBA pixels of the raster. */
class Pixels {
  private readonly channels: number
  private readonly max: number

  constructor(
    private readonly h: Header,
    private readonly palette: Uint8Array | undefined,
    private readonly trns: Uint8Array | undefined,
    private readonly raster: Raster,
  ) {
    this.channels = CHANNELS[h.colorType]!
    this.max = (1 << h.depth) - 1
  }

  /** Sample `i` of a row, at the image's bit depth (16-bit samples keep all 16 bits). */
  private sample(row: Uint8Array, i: number): number {
    const d = this.h.depth
    if (d === 8) return row[i]!
    if (d === 16) return (row[2 * i]! << 8) | row[2 * i + 1]!
    const bit = i * d
    return (row[bit >> 3]! >> (8 - d - (bit & 7))) & this.max
  }

  private scale(v: number): number {
    return this.h.depth === 8 ? v : Math.round((v * 255) / this.max)
  }

  put(row: Uint8Array, x: number, outX: number, outY: number): void {
    const at = (outY * this.raster.width + outX) * 4
    const out = this.raster.rgba
    const s = (c: number) => this.sample(row, x * this.channels + c)
    const t = this.trns
    switch (this.h.colorType) {
      case 0: {
        const g = s(0)
        const v = this.scale(g)
        out.set([v, v, v, t && t.length >= 2 && g === ((t[0]! << 8) | t[1]!) ? 0 : 255], at)
        break
      }
      case 2: {
        const r = s(0)
        const g = s(1)
        const b = s(2)
        const key =
          t && t.length >= 6
            ? r === ((t[0]! << 8) | t[1]!) && g === ((t[2]! << 8) | t[3]!) && b === u16(t, 4)
            : false
        out.set([this.scale(r), this.scale(g), this.scale(b), key ? 0 : 255], at)
        break
      }
      case 3: {
        const i = s(0)
        const p = this.palette!
        if (i * 3 + 2 >= p.length) throw imageFormat('png', `palette index ${i} out of range`)
        out.set([p[i * 3]!, p[i * 3 + 1]!, p[i * 3 + 2]!, t && i < t.length ? t[i]! : 255], at)
        break
      }
      case 4: {
        const v = this.scale(s(0))
        out.set([v, v, v, this.scale(s(1))], at)
        break
      }
      default:
        out.set([this.scale(s(0)), this.scale(s(1)), this.scale(s(2)), this.scale(s(3))], at)
    }
  }
}

const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!
