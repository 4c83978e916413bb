import { describe, expect, it } from 'vitest'
import { stampPng } from '../../fixtures/make/png.js'
import { pictureDigest, rasterDigest } from '../../src/images/compare.js'
import { lazyPicture, withLazyData } from '../../src/images/picture.js'
import { decodePng } from '../../src/images/png-decode.js'
import { encodePng } from '../../src/images/png.js'

describe('lazyPicture', () => {
  const raster = decodePng(stampPng({ label: '33010000000091' }))
  const head = { format: 'png' as const, width: 96, height: 96, sha256: rasterDigest(raster) }

  it('encodes only when the bytes are read, and only once', () => {
    let calls = 0
    const p = lazyPicture(head, () => {
      calls++
      return encodePng(raster)
    })
    expect(p.sha256).toBe(head.sha256)
    expect(p.width).toBe(96)
    expect(calls).toBe(0)
    const first = p.data
    expect(calls).toBe(1)
    expect(p.data).toBe(first)
    expect(calls).toBe(1)
    expect(rasterDigest(decodePng(first))).toBe(p.sha256)
  })

  it('withLazyData keeps the bytes lazy until a renderer reads them', () => {
    let calls = 0
    const p = lazyPicture(head, () => {
      calls++
      return encodePng(raster)
    })
    const shown = withLazyData({ signatureId: 's1', role: 'displayed' as const }, p)
    expect(shown).toMatchObject({ signatureId: 's1', role: 'displayed', format: 'png' })
    expect(calls).toBe(0)
    expect(shown.data).toBe(p.data)
    expect(calls).toBe(1)
    // a structured clone (worker threads) carries the bytes
    expect(structuredClone(shown).data).toEqual(p.data)
  })
})

describe('rasterDigest', () => {
  it('depends on the pixels and the size, not on the file that carried them', () => {
    const png = stampPng({ label: '31010000000001' })
    const r = decodePng(png)
    expect(rasterDigest(r)).toMatch(/^[0-9a-f]{64}$/)
    expect(rasterDigest(decodePng(encodePng(r)))).toBe(rasterDigest(r))
    expect(rasterDigest(r)).not.toBe(pictureDigest(png))
    const rgba = r.rgba.slice()
    rgba[rgba.length - 1] = rgba[rgba.length - 1]! ^ 1
    expect(rasterDigest({ ...r, rgba })).not.toBe(rasterDigest(r))
    const flat = { width: r.height * 2, height: r.width / 2, rgba: r.rgba }
    expect(rasterDigest(flat)).not.toBe(rasterDigest(r))
  })
})
