import { describe, expect, it } from 'vitest'
import { stampPng } from '../../fixtures/make/png.js'
import { YrdError } from '../../src/errors.js'
import { decodeJpeg, isJpeg } from '../../src/images/jpeg-decode.js'
import { decodePng } from '../../src/images/png-decode.js'
import type { Raster } from '../../src/images/raster.js'
import { looksLikeSeal } from '../../src/images/seal-like.js'
import { writeJpeg } from './jpeg-writer.js'

function gradient(width: number, height: number): Raster {
  const rgba = new Uint8Array(width * height * 4)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      rgba.set([(x * 255) / width, (y * 255) / height, 128, 255], (y * width + x) * 4)
    }
  }
  return { width, height, rgba }
}

/** Mean absolute difference of the RGB channels. */
function meanError(a: Raster, b: Raster): number {
  let sum = 0
  for (let i = 0; i < a.rgba.length; i++) if (i % 4 !== 3) sum += Math.abs(a.rgba[i]! - b.rgba[i]!)
  return sum / ((a.rgba.length / 4) * 3)
}

describe('decodeJpeg', () => {
  const g = gradient(37, 23)

  it('decodes 4:4:4 colour close to the original', () => {
    const jpeg = writeJpeg(g, { quality: 95 })
    expect(isJpeg(jpeg)).toBe(true)
    const r = decodeJpeg(jpeg)
    expect([r.width, r.height]).toEqual([37, 23])
    expect(meanError(r, g)).toBeLessThan(3)
  })

  it('decodes 4:2:0 subsampling with partial MCUs', () => {
    const r = decodeJpeg(writeJpeg(g, { quality: 90, subsample: 2 }))
    expect([r.width, r.height]).toEqual([37, 23])
    expect(meanError(r, g)).toBeLessThan(6)
  })

  it('decodes restart intervals', () => {
    const plain = decodeJpeg(writeJpeg(g, { quality: 90 }))
    const restarted = writeJpeg(g, { quality: 90, restart: 2 })
    expect(Buffer.from(restarted).includes(Buffer.from([0xff, 0xd1]))).toBe(true)
    expect(decodeJpeg(restarted).rgba).toEqual(plain.rgba)
  })

  it('decodes greyscale', () => {
    const r = decodeJpeg(writeJpeg(g, { quality: 95, grey: true }))
    const at = (10 * 37 + 20) * 4
    expect(r.rgba[at]).toBe(r.rgba[at + 1])
    const luma = 0.299 * g.rgba[at]! + 0.587 * g.rgba[at + 1]! + 0.114 * g.rgba[at + 2]!
    expect(Math.abs(r.rgba[at]! - luma)).toBeLessThan(4)
  })

  it('keeps a JPEG seal picture seal-like', () => {
    const seal = decodePng(stampPng({ label: '330000001' }))
    expect(looksLikeSeal(decodeJpeg(writeJpeg(seal, { quality: 75, subsample: 2 }))).sealLike).toBe(
      true,
    )
  })

  it('refuses progressive, 12-bit and oversized JPEG with typed errors', () => {
    const sof = (marker: number, precision: number, h: number, w: number) =>
      new Uint8Array([
        0xff,
        0xd8,
        0xff,
        marker,
        0,
        11,
        precision,
        h >> 8,
        h & 255,
        w >> 8,
        w & 255,
        1,
        1,
        0x11,
        0,
        0xff,
        0xd9,
      ])
    expect(() => decodeJpeg(sof(0xc2, 8, 8, 8))).toThrow(
      expect.objectContaining({ code: 'format.image.jpeg-unsupported' }),
    )
    expect(() => decodeJpeg(sof(0xc1, 12, 8, 8))).toThrow(
      expect.objectContaining({ code: 'format.image.jpeg-unsupported' }),
    )
    expect(() => decodeJpeg(sof(0xc0, 8, 60000, 60000))).toThrow(
      expect.objectContaining({ code: 'limit.image.size' }),
    )
    expect(() => decodeJpeg(new Uint8Array([1, 2, 3]))).toThrow(
      expect.objectContaining({ code: 'format.image.jpeg' }),
    )
  })

  it('never crashes or hangs on corrupted files', () => {
    const good = writeJpeg(gradient(24, 16), { quality: 80, subsample: 2, restart: 1 })
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff)
    for (let round = 0; round < 300; round++) {
      const bad = good.slice(0, round % 3 === 0 ? next() % good.length : good.length)
      for (let k = 0; k < 4; k++) bad[next() % bad.length] = next() & 255
      try {
        const r = decodeJpeg(bad)
        expect(r.rgba.length).toBe(r.width * r.height * 4)
      } catch (e) {
        expect(e).toBeInstanceOf(YrdError)
      }
    }
  })
})
