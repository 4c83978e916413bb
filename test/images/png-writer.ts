/**
 * Test helper: writes PNG files of any colour type, bit depth, row filter and interlace from
 * sample values, independently of the library's encoder.
 */
import { zlibSync } from 'fflate'
import { crc32 } from '../../src/formats/zip/crc32.js'

export interface PngSpec {
  readonly width: number
  readonly height: number
  readonly colorType: 0 | 2 | 3 | 4 | 6
  readonly depth: 1 | 2 | 4 | 8 | 16
  /** Samples per pixel row-major: samples[(y * width + x) * channels + c]. */
  readonly samples: readonly number[]
  readonly filter?: 0 | 1 | 2 | 3 | 4
  readonly interlace?: boolean
  readonly palette?: readonly number[]
  readonly trns?: readonly number[]
}

const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 } as const

function be32(n: number): number[] {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]
}

function chunk(type: string, data: readonly number[]): number[] {
  const body = [...type].map((c) => c.charCodeAt(0)).concat(data)
  return [...be32(data.length), ...body, ...be32(crc32(new Uint8Array(body)))]
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

function packRow(spec: PngSpec, xs: number[], y: number): number[] {
  const ch = CHANNELS[spec.colorType]
  const bytes: number[] = []
  let acc = 0
  let bits = 0
  for (const x of xs) {
    for (let c = 0; c < ch; c++) {
      const v = spec.samples[(y * spec.width + x) * ch + c]!
      if (spec.depth === 16) bytes.push(v >> 8, v & 255)
      else if (spec.depth === 8) bytes.push(v)
      else {
        acc = (acc << spec.depth) | v
        bits += spec.depth
        if (bits === 8) {
          bytes.push(acc)
          acc = 0
          bits = 0
        }
      }
    }
  }
  if (bits > 0) bytes.push(acc << (8 - bits))
  return bytes
}

function filterRows(rows: number[][], bpp: number, type: number): number[] {
  const out: number[] = []
  rows.forEach((row, y) => {
    const up = y > 0 ? rows[y - 1]! : []
    out.push(type)
    row.forEach((v, x) => {
      const a = x >= bpp ? row[x - bpp]! : 0
      const b = up[x] ?? 0
      const c = x >= bpp ? (up[x - bpp] ?? 0) : 0
      const pred = [0, a, b, (a + b) >> 1, paeth(a, b, c)][type]!
      out.push((v - pred) & 255)
    })
  })
  return out
}

const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const

/** Writes the PNG file. */
export function writePng(spec: PngSpec): Uint8Array {
  const ch = CHANNELS[spec.colorType]
  const bpp = Math.max(1, (ch * spec.depth) >> 3)
  const type = spec.filter ?? 0
  const passes = spec.interlace ? ADAM7 : [[0, 0, 1, 1] as const]
  const raw: number[] = []
  for (const [x0, y0, dx, dy] of passes) {
    const rows: number[][] = []
    for (let y = y0; y < spec.height; y += dy) {
      const xs: number[] = []
      for (let x = x0; x < spec.width; x += dx) xs.push(x)
      if (xs.length > 0) rows.push(packRow(spec, xs, y))
    }
    raw.push(...filterRows(rows, bpp, type))
  }
  const ihdr = [...be32(spec.width), ...be32(spec.height), spec.depth, spec.colorType, 0, 0]
  ihdr.push(spec.interlace ? 1 : 0)
  const file = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', ihdr)]
  if (spec.palette) file.push(...chunk('PLTE', spec.palette))
  if (spec.trns) file.push(...chunk('tRNS', spec.trns))
  file.push(...chunk('IDAT', [...zlibSync(new Uint8Array(raw))]), ...chunk('IEND', []))
  return new Uint8Array(file)
}
