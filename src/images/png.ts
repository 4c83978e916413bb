/**
 * PNG encoder for decoded pictures: 8-bit RGBA, or 8-bit RGB when every pixel is opaque,
 * one IDAT, filter chosen per row by the smallest sum of absolute differences.
 */
import { zlibSync } from 'fflate'
import { concatBytes } from '../crypto/bytes.js'
import { crc32 } from '../formats/zip/crc32.js'
import type { Raster } from './raster.js'

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

function u32(out: Uint8Array, at: number, n: number): void {
  out[at] = (n >>> 24) & 0xff
  out[at + 1] = (n >>> 16) & 0xff
  out[at + 2] = (n >>> 8) & 0xff
  out[at + 3] = n & 0xff
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length)
  u32(out, 0, data.length)
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i)
  out.set(data, 8)
  u32(out, 8 + data.length, crc32(out.subarray(4, 8 + data.length)))
  return out
}

function filterRows(pixels: Uint8Array, rowBytes: number, rows: number, bpp: number) {
  const out = new Uint8Array((rowBytes + 1) * rows)
  const cand = new Uint8Array(rowBytes)
  for (let y = 0; y < rows; y++) {
    const row = pixels.subarray(y * rowBytes, (y + 1) * rowBytes)
    const up = y > 0 ? pixels.subarray((y - 1) * rowBytes, y * rowBytes) : null
    let best = -1
    let bestCost = Infinity
    for (let type = 0; type < 3; type++) {
      let cost = 0
      for (let x = 0; x < rowBytes; x++) {
        const left = x >= bpp ? row[x - bpp]! : 0
        const above = up ? up[x]! : 0
        const v = (row[x]! - (type === 0 ? 0 : type === 1 ? left : above)) & 0xff
        cost += v < 128 ? v : 256 - v
      }
      if (cost < bestCost) {
        bestCost = cost
        best = type
      }
    }
    const dst = y * (rowBytes + 1)
    out[dst] = best
    for (let x = 0; x < rowBytes; x++) {
      const left = x >= bpp ? row[x - bpp]! : 0
      const above = up ? up[x]! : 0
      cand[x] = (row[x]! - (best === 0 ? 0 : best === 1 ? left : above)) & 0xff
    }
    out.set(cand, dst + 1)
  }
  return out
}

/**
 * Encodes a raster as a PNG file (8-bit RGB when fully opaque, otherwise RGBA).
 * @example
 * const png = encodePng({ width: 1, height: 1, rgba: new Uint8Array([255, 0, 0, 255]) })
 */
export function encodePng(raster: Raster): Uint8Array {
  const { width, height, rgba } = raster
  if (rgba.length !== width * height * 4) throw new RangeError('pixel buffer size mismatch')
  let opaque = true
  for (let i = 3; i < rgba.length; i += 4) {
    if (rgba[i] !== 255) {
      opaque = false
      break
    }
  }
  const bpp = opaque ? 3 : 4
  let pixels = rgba
  if (opaque) {
    pixels = new Uint8Array(width * height * 3)
    for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
      pixels[j] = rgba[i]!
      pixels[j + 1] = rgba[i + 1]!
      pixels[j + 2] = rgba[i + 2]!
    }
  }
  const ihdr = new Uint8Array(13)
  u32(ihdr, 0, width)
  u32(ihdr, 4, height)
  ihdr.set([8, opaque ? 2 : 6, 0, 0, 0], 8)
  const idat = zlibSync(filterRows(pixels, width * bpp, height, bpp), { level: 1 })
  const parts = [
    new Uint8Array(SIGNATURE),
    chunk('IHDR', ihdr),
    chunk('IDAT', idat),
    chunk('IEND', new Uint8Array(0)),
  ]
  return concatBytes(...parts)
}
