import { describe, expect, it } from 'vitest'
import { stampPng } from '../../fixtures/make/png.js'
import {
  comparePictures,
  PERCEPTUAL_THRESHOLD,
  perceptualDistance,
  pictureDigest,
} from '../../src/images/compare.js'
import { decodePicture } from '../../src/images/decode.js'
import { decodePng } from '../../src/images/png-decode.js'
import { encodePng } from '../../src/images/png.js'
import type { Raster } from '../../src/images/raster.js'
import { toGrid } from '../../src/images/resample.js'
import { writeJpeg } from './jpeg-writer.js'

function resize(r: Raster, width: number, height: number): Raster {
  const g = toGrid(r, width, height)
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    rgba.set([g.rgb[i * 3]!, g.rgb[i * 3 + 1]!, g.rgb[i * 3 + 2]!, 255], i * 4)
  }
  return { width, height, rgba }
}

/** Deterministic noise of ±20 per channel, as lossy re-encoding leaves. */
function noisy(r: Raster): Raster {
  const rgba = r.rgba.map((v, i) =>
    i % 4 === 3 ? v : Math.max(0, Math.min(255, v + ((i * 7919) % 41) - 20)),
  )
  return { ...r, rgba }
}

const seal = (label?: string) => {
  const data = stampPng(label === undefined ? {} : { label })
  return { data, raster: decodePng(data) }
}

describe('comparePictures', () => {
  const a = seal('310000123')

  it('identical bytes match exactly', () => {
    const r = comparePictures(a, { data: a.data.slice() })
    expect(r.match).toBe('exact')
    expect(pictureDigest(a.data)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('the same picture re-encoded (other bytes) matches perceptually at distance 0', () => {
    const again = encodePng(a.raster)
    expect(pictureDigest(again)).not.toBe(pictureDigest(a.data))
    const r = comparePictures(a, { data: again, raster: decodePng(again) })
    expect(r).toEqual({ match: 'perceptual', distance: 0, threshold: PERCEPTUAL_THRESHOLD })
  })

  it('the same picture rescaled, flattened on white or with noise still matches', () => {
    for (const other of [resize(a.raster, 72, 72), resize(a.raster, 150, 150), noisy(a.raster)]) {
      const data = encodePng(other)
      expect(comparePictures(a, { data, raster: other }).match).toBe('perceptual')
    }
  })

  it('a swapped picture (another seal number) does not match', () => {
    const b = seal('320000456')
    const r = comparePictures(a, b)
    expect(r.match).toBe('none')
    expect(r.distance!).toBeGreaterThan(PERCEPTUAL_THRESHOLD * 5)
  })

  it('one changed digit of the seal number does not match, even rescaled', () => {
    const c = seal('310000124')
    expect(comparePictures(a, c).match).toBe('none')
    const small = resize(a.raster, 72, 72)
    expect(perceptualDistance(small, c.raster)).toBeGreaterThan(PERCEPTUAL_THRESHOLD)
  })

  it('a seal without its number does not match', () => {
    expect(comparePictures(a, seal()).match).toBe('none')
  })

  it('pictures that cannot be decoded compare by digest only', () => {
    const jpegLike = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
    expect(comparePictures(a, { data: jpegLike })).toEqual({
      match: 'none',
      distance: null,
      threshold: PERCEPTUAL_THRESHOLD,
    })
  })

  it('a blank picture is far from a seal, and two blanks are equal', () => {
    const blank: Raster = { width: 96, height: 96, rgba: new Uint8Array(96 * 96 * 4) }
    expect(perceptualDistance(a.raster, blank)).toBeGreaterThan(0.9)
    expect(perceptualDistance(blank, { ...blank, rgba: blank.rgba.slice() })).toBe(0)
  })
})

describe('decodePicture', () => {
  it('decodes PNG and JPEG files and leaves progressive JPEG and unknown data undecoded', () => {
    const png = stampPng({ label: '1' })
    const raster = decodePng(png)
    expect(decodePicture(png)?.width).toBe(96)
    expect(decodePicture(writeJpeg(raster))?.width).toBe(96)
    // SOI, then a progressive frame header (SOF2)
    const progressive = new Uint8Array([
      0xff, 0xd8, 0xff, 0xc2, 0, 11, 8, 0, 1, 0, 1, 1, 1, 0x11, 0,
    ])
    expect(decodePicture(progressive)).toBeUndefined()
    expect(decodePicture(new Uint8Array([0x47, 0x49, 0x46, 0x38]))).toBeUndefined()
    expect(() => decodePicture(new Uint8Array([0xff, 0xd8, 0xff, 0xd9]))).toThrow(
      expect.objectContaining({ code: 'format.image.jpeg' }),
    )
  })

  it('compares a PNG seal picture with its JPEG rendering', () => {
    const png = stampPng({ label: '310000123' })
    const jpeg = writeJpeg(decodePng(png), { quality: 85 })
    const same = comparePictures(
      { data: png, raster: decodePicture(png) },
      { data: jpeg, raster: decodePicture(jpeg) },
    )
    expect(same.match).toBe('perceptual')
    const other = stampPng({ label: '320000456' })
    const swapped = comparePictures(
      { data: other, raster: decodePicture(other) },
      { data: jpeg, raster: decodePicture(jpeg) },
    )
    expect(swapped.match).toBe('none')
  })

  it('lets a seal picture be compared with the picture a PDF shows', () => {
    const signed = stampPng({ label: '310000123' })
    const shown = encodePng(decodePng(signed))
    const r = comparePictures(
      { data: signed, raster: decodePicture(signed) },
      { data: shown, raster: decodePicture(shown) },
    )
    expect(r.match).toBe('perceptual')
  })
})
