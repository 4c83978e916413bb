import { describe, expect, it } from 'vitest'
import { stampPng } from '../../fixtures/make/png.js'
import { decodePng } from '../../src/images/png-decode.js'
import type { Raster } from '../../src/images/raster.js'
import { looksLikeSeal } from '../../src/images/seal-like.js'

type Rgb = readonly [number, number, number]
const RED: Rgb = [0xd8, 0x1e, 0x06]
const BLUE: Rgb = [0x10, 0x30, 0xd0]
const BLACK: Rgb = [0, 0, 0]

/** Paints the pixels where `inside` holds, on a white opaque background. */
function paint(
  width: number,
  height: number,
  colour: Rgb,
  inside: (x: number, y: number) => boolean,
): Raster {
  const rgba = new Uint8Array(width * height * 4).fill(255)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (inside(x, y)) rgba.set([...colour, 255], (y * width + x) * 4)
    }
  }
  return { width, height, rgba }
}

const ring = (size: number) => (x: number, y: number) => {
  const d = Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2)
  return (
    (d <= size / 2 - 1 && d >= size / 2 - 7) ||
    (Math.abs(x - size / 2) < 8 && Math.abs(y - size / 2) < 8)
  )
}

describe('looksLikeSeal', () => {
  it('recognises the red round fixture stamp (transparent background)', () => {
    const r = looksLikeSeal(decodePng(stampPng({ label: '340000001' })))
    expect(r.sealLike).toBe(true)
    expect(r.redShare).toBeGreaterThan(0.9)
    expect(r.outline).toBe(1)
  })

  it('recognises a red square frame with text inside and an oval ring', () => {
    const square = paint(
      120,
      120,
      RED,
      (x, y) => x < 6 || y < 6 || x > 113 || y > 113 || (y > 50 && y < 60 && x % 10 < 6),
    )
    expect(looksLikeSeal(square).sealLike).toBe(true)
    const oval = paint(140, 100, RED, (x, y) => {
      const d = ((x + 0.5 - 70) / 69) ** 2 + ((y + 0.5 - 50) / 49) ** 2
      return d <= 1 && d >= 0.8
    })
    expect(looksLikeSeal(oval).sealLike).toBe(true)
  })

  it('does not take the same ring in blue or black for a seal', () => {
    expect(looksLikeSeal(paint(100, 100, BLUE, ring(100))).sealLike).toBe(false)
    expect(looksLikeSeal(paint(100, 100, BLACK, ring(100))).sealLike).toBe(false)
    expect(looksLikeSeal(paint(100, 100, RED, ring(100))).sealLike).toBe(true)
  })

  it('does not take red text, a red banner or an open arc for a seal', () => {
    const text = paint(100, 100, RED, (x, y) => y > 40 && y < 60 && x % 9 < 3)
    expect(looksLikeSeal(text).sealLike).toBe(false)
    const banner = paint(400, 60, RED, () => true)
    expect(looksLikeSeal(banner).sealLike).toBe(false)
    const arc = paint(100, 100, RED, (x, y) => ring(100)(x, y) && y < 50)
    expect(looksLikeSeal(arc).sealLike).toBe(false)
  })

  it('ignores tiny and blank pictures', () => {
    expect(looksLikeSeal(paint(10, 10, RED, ring(10))).sealLike).toBe(false)
    expect(looksLikeSeal(paint(100, 100, RED, () => false)).inkShare).toBe(0)
  })

  it('does not take a mostly black picture with a red ring for a seal', () => {
    const photo = paint(100, 100, BLACK, (x, y) => x > 10 && x < 90 && y > 10 && y < 90)
    const withRing = { ...photo, rgba: photo.rgba.slice() }
    const r = ring(100)
    for (let y = 0; y < 100; y++) {
      for (let x = 0; x < 100; x++) if (r(x, y)) withRing.rgba.set([...RED, 255], (y * 100 + x) * 4)
    }
    expect(looksLikeSeal(withRing).sealLike).toBe(false)
  })
})
