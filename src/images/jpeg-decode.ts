/**
 * Baseline and extended sequential JPEG decoder (ITU-T T.81, Huffman, 8-bit samples): 1, 3 or
 * 4 components, any sampling factors, restart intervals, interleaved and single-component
 * scans, JFIF YCbCr and Adobe RGB/CMYK/YCCK. Progressive and arithmetic-coded JPEG throw
 * `format.image.jpeg-unsupported` (callers then compare by digest only).
 */
import { imageFormat, imageLimit } from './errors.js'
import { BitReader, type HuffmanTable } from './jpeg-huffman.js'
import {
  readFrame,
  readHuffman,
  readQuant,
  u16,
  ZIGZAG,
  type Component,
  type Frame,
} from './jpeg-segments.js'
import { DEFAULT_IMAGE_LIMITS, newRaster, type ImageLimits, type Raster } from './raster.js'

/** COS[x * 8 + u] = C(u) / 2 · cos((2x + 1)uπ / 16). */
const COS = (() => {
  const t = new Float64Array(64)
  for (let x = 0; x < 8; x++) {
    for (let u = 0; u < 8; u++) {
      t[x * 8 + u] = ((u === 0 ? Math.SQRT1_2 : 1) / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16)
    }
  }
  return t
})()

/** True when `data` starts with a JPEG SOI marker. */
export function isJpeg(data: Uint8Array): boolean {
  return data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff
}

/** Inverse DCT of one dequantised block (natural order) into the plane, level-shifted. */
/** Scratch rows of the inverse DCT (decoding is synchronous, so one buffer serves all). */
const IDCT_ROWS = new Float64Array(64)

function idctBlock(coef: Float64Array, plane: Uint8Array, stride: number, at: number): void {
  for (let y = 0; y < 8; y++) {
    for (let x = 0; x < 8; x++) {
      let s = 0
      for (let u = 0; u < 8; u++) s += COS[x * 8 + u]! * coef[y * 8 + u]!
      IDCT_ROWS[y * 8 + x] = s
    }
  }
  for (let x = 0; x < 8; x++) {
    for (let y = 0; y < 8; y++) {
      let s = 0
      for (let v = 0; v < 8; v++) s += COS[y * 8 + v]! * IDCT_ROWS[v * 8 + x]!
      const val = Math.round(s + 128)
      plane[at + y * stride + x] = val < 0 ? 0 : val > 255 ? 255 : val
    }
  }
}

/**
 * Decodes a JPEG file to RGBA. Throws `format.image.jpeg` for malformed data,
 * `format.image.jpeg-unsupported` for progressive, lossless, arithmetic or 12-bit JPEG, and
 * `limit.image.*` past the limits.
 */
export function decodeJpeg(data: Uint8Array, limits: ImageLimits = DEFAULT_IMAGE_LIMITS): Raster {
  if (!isJpeg(data)) throw imageFormat('jpeg', 'not a JPEG file (SOI missing)')
  const quant: (Float64Array | undefined)[] = []
  const dcTables: (HuffmanTable | undefined)[] = []
  const acTables: (HuffmanTable | undefined)[] = []
  let frame: Frame | undefined
  let restartInterval = 0
  let adobe = -1
  let pos = 2
  for (let segments = 0; ; segments++) {
    if (segments > 10_000) throw imageLimit('jpeg-segments', 'too many JPEG segments')
    while (pos < data.length && data[pos] === 0xff && data[pos + 1] === 0xff) pos++
    if (pos + 2 > data.length || data[pos] !== 0xff) {
      throw imageFormat('jpeg', 'JPEG data ends before the image (no EOI)')
    }
    const marker = data[pos + 1]!
    if (marker === 0xd9) break
    const length = u16(data, pos + 2)
    const body = data.subarray(pos + 4, pos + 2 + length)
    if (length < 2 || pos + 2 + length > data.length) throw imageFormat('jpeg', 'segment cut short')
    pos += 2 + length
    if (marker === 0xdb) readQuant(body, quant)
    else if (marker === 0xc4) readHuffman(body, dcTables, acTables)
    else if (marker === 0xdd) restartInterval = u16(body, 0)
    else if (
      marker === 0xee &&
      body.length >= 12 &&
      String.fromCharCode(...body.subarray(0, 5)) === 'Adobe'
    ) {
      adobe = body[11]!
    } else if (marker === 0xc0 || marker === 0xc1) {
      if (frame) throw imageFormat('jpeg', 'more than one frame')
      frame = readFrame(body, limits)
    } else if (
      marker >= 0xc2 &&
      marker <= 0xcf &&
      marker !== 0xc4 &&
      marker !== 0xc8 &&
      marker !== 0xcc
    ) {
      throw imageFormat('jpeg-unsupported', `JPEG process SOF${marker - 0xc0} is not supported`)
    } else if (marker === 0xda) {
      if (!frame) throw imageFormat('jpeg', 'scan before the frame header')
      pos = readScan(data, pos, body, frame, quant, dcTables, acTables, restartInterval)
    }
  }
  if (!frame) throw imageFormat('jpeg', 'no frame header')
  return toRaster(frame, adobe, limits)
}

function decodeBlock(r: BitReader, c: Component, q: Float64Array, coef: Float64Array): void {
  coef.fill(0)
  const t = r.decode(c.dc!)
  if (t > 11) throw imageFormat('jpeg', 'bad DC magnitude category')
  c.pred += r.receiveExtend(t)
  coef[0] = c.pred * q[0]!
  for (let k = 1; k < 64;) {
    const rs = r.decode(c.ac!)
    const run = rs >> 4
    const size = rs & 15
    if (size === 0) {
      if (run !== 15) break
      k += 16
      continue
    }
    k += run
    if (k > 63) throw imageFormat('jpeg', 'AC coefficients past the block')
    const z = ZIGZAG[k]!
    coef[z] = r.receiveExtend(size) * q[z]!
    k++
  }
}

function readScan(
  data: Uint8Array,
  start: number,
  body: Uint8Array,
  frame: Frame,
  quant: (Float64Array | undefined)[],
  dcTables: (HuffmanTable | undefined)[],
  acTables: (HuffmanTable | undefined)[],
  restartInterval: number,
): number {
  const ns = body[0] ?? 0
  const scan: Component[] = []
  for (let i = 0; i < ns; i++) {
    const c = frame.components.find((x) => x.id === body[1 + 2 * i])
    if (!c) throw imageFormat('jpeg', 'scan names an unknown component')
    const td = body[2 + 2 * i]! >> 4
    const ta = body[2 + 2 * i]! & 15
    c.dc = dcTables[td]
    c.ac = acTables[ta]
    if (!c.dc || !c.ac || !quant[c.tq]) throw imageFormat('jpeg', 'scan uses a missing table')
    c.pred = 0
    scan.push(c)
  }
  if (scan.length === 0) throw imageFormat('jpeg', 'empty scan')
  const r = new BitReader(data, start)
  const coef = new Float64Array(64)
  const single = scan.length === 1 ? scan[0]! : undefined
  const units = single
    ? Math.ceil(Math.ceil((frame.width * single.h) / frame.hmax) / 8) *
      Math.ceil(Math.ceil((frame.height * single.v) / frame.vmax) / 8)
    : frame.mcusX * frame.mcusY
  const unitsPerLine = single
    ? Math.ceil(Math.ceil((frame.width * single.h) / frame.hmax) / 8)
    : frame.mcusX
  for (let m = 0; m < units; m++) {
    if (restartInterval > 0 && m > 0 && m % restartInterval === 0) {
      r.restart()
      for (const c of scan) c.pred = 0
    }
    const mx = m % unitsPerLine
    const my = Math.floor(m / unitsPerLine)
    if (single) {
      decodeBlock(r, single, quant[single.tq]!, coef)
      const stride = single.blocksW * 8
      idctBlock(coef, single.plane, stride, my * 8 * stride + mx * 8)
      continue
    }
    for (const c of scan) {
      const stride = c.blocksW * 8
      for (let by = 0; by < c.v; by++) {
        for (let bx = 0; bx < c.h; bx++) {
          decodeBlock(r, c, quant[c.tq]!, coef)
          const row = (my * c.v + by) * 8
          idctBlock(coef, c.plane, stride, row * stride + (mx * c.h + bx) * 8)
        }
      }
    }
  }
  // Continue after the entropy-coded data: at the next marker that is not RSTn.
  let p = r.pos
  while (p + 1 < data.length) {
    if (data[p] === 0xff && data[p + 1] !== 0 && !(data[p + 1]! >= 0xd0 && data[p + 1]! <= 0xd7)) {
      return p
    }
    p++
  }
  return data.length
}

function toRaster(frame: Frame, adobe: number, limits: ImageLimits): Raster {
  const out = newRaster(frame.width, frame.height, limits)
  const cs = frame.components
  const n = cs.length
  const sample = (c: Component, x: number, y: number) => {
    const sx = Math.floor((x * c.h) / frame.hmax)
    const sy = Math.floor((y * c.v) / frame.vmax)
    return c.plane[sy * c.blocksW * 8 + sx]!
  }
  const ycc = n === 3 ? adobe !== 0 : n === 4 && adobe === 2
  for (let y = 0; y < frame.height; y++) {
    for (let x = 0; x < frame.width; x++) {
      const at = (y * frame.width + x) * 4
      out.rgba[at + 3] = 255
      if (n === 1) {
        const g = sample(cs[0]!, x, y)
        out.rgba[at] = g
        out.rgba[at + 1] = g
        out.rgba[at + 2] = g
        continue
      }
      let a = sample(cs[0]!, x, y)
      let b = sample(cs[1]!, x, y)
      let c = sample(cs[2]!, x, y)
      if (ycc) {
        const Y = a
        const cb = b - 128
        const cr = c - 128
        a = clamp(Y + 1.402 * cr)
        b = clamp(Y - 0.344136 * cb - 0.714136 * cr)
        c = clamp(Y + 1.772 * cb)
      }
      if (n === 4) {
        // Adobe stores CMYK inverted (255 − C, 255 − M, 255 − Y, 255 − K).
        const k = sample(cs[3]!, x, y)
        a = Math.round((a * k) / 255)
        b = Math.round((b * k) / 255)
        c = Math.round((c * k) / 255)
      }
      out.rgba[at] = a
      out.rgba[at + 1] = b
      out.rgba[at + 2] = c
    }
  }
  return out
}

const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : Math.round(v))
