import { describe, expect, it } from 'vitest'
import { unfilterPng, untiffPredict } from '../../src/images/predictors.js'

function filterRow(row: number[], up: number[], bpp: number, type: number): number[] {
  return row.map((v, x) => {
    const a = x >= bpp ? row[x - bpp]! : 0
    const b = up[x] ?? 0
    const c = x >= bpp ? (up[x - bpp] ?? 0) : 0
    const p = a + b - c
    const paeth =
      Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
        ? a
        : Math.abs(p - b) <= Math.abs(p - c)
          ? b
          : c
    return (v - [0, a, b, (a + b) >> 1, paeth][type]!) & 255
  })
}

describe('unfilterPng', () => {
  const rows = [
    [10, 200, 30, 40, 250, 60],
    [15, 25, 35, 45, 55, 65],
    [255, 0, 255, 0, 1, 2],
  ]

  for (const type of [0, 1, 2, 3, 4]) {
    it(`undoes filter type ${type} with 3 bytes per pixel`, () => {
      const filtered: number[] = []
      rows.forEach((row, y) => filtered.push(type, ...filterRow(row, rows[y - 1] ?? [], 3, type)))
      expect([...unfilterPng(new Uint8Array(filtered), 6, 3, 3)]).toEqual(rows.flat())
    })
  }

  it('undoes a different filter on every row', () => {
    const filtered: number[] = []
    rows.forEach((row, y) => filtered.push(y + 2, ...filterRow(row, rows[y - 1] ?? [], 2, y + 2)))
    expect([...unfilterPng(new Uint8Array(filtered), 6, 3, 2)]).toEqual(rows.flat())
  })

  it('refuses an unknown filter type and data cut short', () => {
    expect(() => unfilterPng(new Uint8Array([5, 1, 2]), 2, 1, 1)).toThrow(
      expect.objectContaining({ code: 'format.image.filter' }),
    )
    expect(() => unfilterPng(new Uint8Array([0, 1]), 2, 1, 1)).toThrow(
      expect.objectContaining({ code: 'format.image.truncated' }),
    )
  })
})

describe('untiffPredict (PDF /Predictor 2)', () => {
  it('adds each 8-bit sample to the same component on its left', () => {
    // 3 RGB pixels per row, 2 rows
    const encoded = new Uint8Array([10, 20, 30, 1, 2, 3, 255, 1, 1, 5, 5, 5, 0, 0, 0, 1, 1, 1])
    expect([...untiffPredict(encoded, 3, 3, 8)]).toEqual([
      10, 20, 30, 11, 22, 33, 10, 23, 34, 5, 5, 5, 5, 5, 5, 6, 6, 6,
    ])
  })

  it('works on 16-bit samples', () => {
    const encoded = new Uint8Array([0x01, 0x00, 0x00, 0xff, 0xff, 0x01])
    // 0x0100, +0x00ff = 0x01ff, +0xff01 = 0x0100 (mod 2^16)
    expect([...untiffPredict(encoded, 3, 1, 16)]).toEqual([0x01, 0x00, 0x01, 0xff, 0x01, 0x00])
  })

  it('works on 4-bit and 1-bit samples', () => {
    // 4-bit grey: samples 3, +2, +15 → 3, 5, 4 (mod 16), 4 samples: last +1 → 5
    expect([...untiffPredict(new Uint8Array([0x32, 0xf1]), 4, 1, 4)]).toEqual([0x35, 0x45])
    // 1-bit: differences 1,0,0,1,0,0,0,0 → 1,1,1,0,0,0,0,0
    expect([...untiffPredict(new Uint8Array([0b10010000]), 8, 1, 1)]).toEqual([0b11100000])
  })
})
