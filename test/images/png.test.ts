import { describe, expect, it } from 'vitest'
import { stampPng } from '../../fixtures/make/png.js'
import { crc32 } from '../../src/formats/zip/crc32.js'
import { decodePng, isPng } from '../../src/images/png-decode.js'
import { encodePng } from '../../src/images/png.js'
import type { Raster } from '../../src/images/raster.js'
import { writePng } from './png-writer.js'

const pixel = (r: Raster, x: number, y: number) => [
  ...r.rgba.subarray((y * r.width + x) * 4, (y * r.width + x) * 4 + 4),
]

function gradient(width: number, height: number, alpha: boolean): Raster {
  const rgba = new Uint8Array(width * height * 4)
  for (let i = 0; i < width * height; i++) {
    rgba.set([(i * 7) & 255, (i * 13) & 255, (i * 29) & 255, alpha ? (i * 3) & 255 : 255], i * 4)
  }
  return { width, height, rgba }
}

describe('encodePng / decodePng round trips', () => {
  it('keeps RGBA pixels with transparency', () => {
    const r = gradient(37, 23, true)
    const png = encodePng(r)
    expect(isPng(png)).toBe(true)
    expect(png[25]).toBe(6)
    const back = decodePng(png)
    expect(back.width).toBe(37)
    expect(back.height).toBe(23)
    expect(back.rgba).toEqual(r.rgba)
  })

  it('writes opaque rasters as 8-bit RGB and reads them back', () => {
    const r = gradient(64, 5, false)
    const png = encodePng(r)
    expect(png[25]).toBe(2)
    expect(decodePng(png).rgba).toEqual(r.rgba)
  })

  it('re-encodes the fixture stamp to other bytes with the same pixels', () => {
    const original = stampPng({ label: '310000123' })
    const decoded = decodePng(original)
    const again = encodePng(decoded)
    expect(Buffer.from(again).equals(Buffer.from(original))).toBe(false)
    expect(decodePng(again).rgba).toEqual(decoded.rgba)
  })

  it('is deterministic', () => {
    const r = gradient(10, 10, true)
    expect(encodePng(r)).toEqual(encodePng(r))
  })
})

describe('decodePng colour types and bit depths', () => {
  it('reads 1-bit greyscale', () => {
    const samples = [1, 0, 1, 0, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0]
    const r = decodePng(writePng({ width: 9, height: 2, colorType: 0, depth: 1, samples }))
    expect(pixel(r, 0, 0)).toEqual([255, 255, 255, 255])
    expect(pixel(r, 1, 0)).toEqual([0, 0, 0, 255])
    expect(pixel(r, 8, 0)).toEqual([255, 255, 255, 255])
    expect(pixel(r, 8, 1)).toEqual([0, 0, 0, 255])
  })

  it('reads 2- and 4-bit greyscale scaled to 8 bits', () => {
    const two = decodePng(
      writePng({ width: 4, height: 1, colorType: 0, depth: 2, samples: [0, 1, 2, 3] }),
    )
    expect([0, 1, 2, 3].map((x) => pixel(two, x, 0)[0])).toEqual([0, 85, 170, 255])
    const four = decodePng(
      writePng({ width: 3, height: 1, colorType: 0, depth: 4, samples: [0, 5, 15] }),
    )
    expect([0, 1, 2].map((x) => pixel(four, x, 0)[0])).toEqual([0, 85, 255])
  })

  it('reads 16-bit RGB and greyscale with alpha', () => {
    const rgb = decodePng(
      writePng({ width: 1, height: 1, colorType: 2, depth: 16, samples: [65535, 0, 32896] }),
    )
    expect(pixel(rgb, 0, 0)).toEqual([255, 0, 128, 255])
    const ga = decodePng(
      writePng({ width: 2, height: 1, colorType: 4, depth: 8, samples: [10, 20, 30, 40] }),
    )
    expect(pixel(ga, 1, 0)).toEqual([30, 30, 30, 40])
  })

  it('reads palettes with tRNS alpha', () => {
    const png = writePng({
      width: 3,
      height: 1,
      colorType: 3,
      depth: 2,
      samples: [0, 1, 2],
      palette: [255, 0, 0, 0, 255, 0, 0, 0, 255],
      trns: [0, 128],
    })
    const r = decodePng(png)
    expect(pixel(r, 0, 0)).toEqual([255, 0, 0, 0])
    expect(pixel(r, 1, 0)).toEqual([0, 255, 0, 128])
    expect(pixel(r, 2, 0)).toEqual([0, 0, 255, 255])
  })

  it('applies a tRNS colour key to RGB', () => {
    const samples = [1, 2, 3, 4, 5, 6]
    const r = decodePng(
      writePng({ width: 2, height: 1, colorType: 2, depth: 8, samples, trns: [0, 4, 0, 5, 0, 6] }),
    )
    expect(pixel(r, 0, 0)[3]).toBe(255)
    expect(pixel(r, 1, 0)[3]).toBe(0)
  })

  it('reads every row filter and Adam7 interlacing to the same pixels', () => {
    const width = 13
    const height = 11
    const samples: number[] = []
    for (let i = 0; i < width * height; i++)
      samples.push((i * 37) & 255, (i * 11) & 255, i & 255, 200)
    const reference = decodePng(writePng({ width, height, colorType: 6, depth: 8, samples }))
    for (const filter of [0, 1, 2, 3, 4] as const) {
      for (const interlace of [false, true]) {
        const r = decodePng(
          writePng({ width, height, colorType: 6, depth: 8, samples, filter, interlace }),
        )
        expect(r.rgba, `filter ${filter} interlace ${interlace}`).toEqual(reference.rgba)
      }
    }
    expect(pixel(reference, 1, 0)).toEqual([37, 11, 1, 200])
  })

  it('reads interlaced pictures smaller than a pass', () => {
    const r = decodePng(
      writePng({ width: 1, height: 1, colorType: 0, depth: 8, samples: [99], interlace: true }),
    )
    expect(pixel(r, 0, 0)).toEqual([99, 99, 99, 255])
  })
})

describe('decodePng refuses bad input with typed errors', () => {
  const good = () => encodePng(gradient(4, 4, true))

  it('a file that is not a PNG', () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(
      expect.objectContaining({ code: 'format.image.png' }),
    )
  })

  it('a chunk with a wrong CRC', () => {
    const bad = good()
    bad[20] = bad[20]! ^ 0xff
    expect(() => decodePng(bad)).toThrow(expect.objectContaining({ code: 'format.image.crc' }))
  })

  it('a file cut short', () => {
    const bad = good().subarray(0, 40)
    expect(() => decodePng(bad)).toThrow(
      expect.objectContaining({ code: 'format.image.truncated' }),
    )
  })

  it('pixel data shorter than the header says', () => {
    const png = writePng({
      width: 4,
      height: 4,
      colorType: 0,
      depth: 8,
      samples: new Array(16).fill(1),
    })
    // The pixel data of a 4×2 picture behind the header of a 4×4 one.
    const shorter = writePng({
      width: 4,
      height: 2,
      colorType: 0,
      depth: 8,
      samples: new Array(8).fill(1),
    })
    expect(decodePng(png).height).toBe(4)
    const idat = (b: Uint8Array) => {
      const at = Buffer.from(b).indexOf('IDAT') - 4
      const len = new DataView(b.buffer, b.byteOffset).getUint32(at)
      return b.subarray(at, at + 12 + len)
    }
    const spliced = Buffer.concat([
      png.subarray(0, 33),
      idat(shorter),
      png.subarray(png.length - 12),
    ])
    expect(() => decodePng(spliced)).toThrow(
      expect.objectContaining({ code: 'format.image.truncated' }),
    )
  })

  it('a size over the limits', () => {
    const png = writePng({
      width: 300,
      height: 1,
      colorType: 0,
      depth: 1,
      samples: new Array(300).fill(0),
    })
    expect(() => decodePng(png, { maxDimension: 100, maxPixels: 1e6, maxInflated: 1e6 })).toThrow(
      expect.objectContaining({ code: 'limit.image.size' }),
    )
  })

  it('an invalid colour type and depth pair', () => {
    const png = writePng({ width: 1, height: 1, colorType: 0, depth: 8, samples: [0] })
    const bad = new Uint8Array(png)
    bad[24] = 4
    bad[25] = 2
    // fix the IHDR CRC so that the header check, not the CRC, refuses it
    const view = new DataView(bad.buffer)
    view.setUint32(29, crc32(bad.subarray(12, 29)))
    expect(() => decodePng(bad)).toThrow(expect.objectContaining({ code: 'format.image.png' }))
  })
})
