/**
 * The verifier's cache of decoded pictures: a hit needs the same decode inputs (dictionary
 * resolved in full and raw bytes of every stream reached), costs the decode budget what the
 * decode cost, and is not taken where the decode itself would have hit a bound.
 */
import { describe, expect, it } from 'vitest'
import {
  imageKey,
  pictureOfImage,
  type CachedPicture,
} from '../../../../src/formats/pdf/appearance/image-cache.js'
import { readPdf } from '../../../../src/formats/pdf/index.js'
import type { PdfFile, PdfStream } from '../../../../src/formats/pdf/types.js'
import { BoundedCache } from '../../../../src/pki/cache.js'
import { buildPdf, flate, type Body } from './build-pdf.js'

const W = 8
const pixels = (seed: number) =>
  Uint8Array.from({ length: W * W * 3 }, (_, i) => (i * 31 + seed * 7) & 255)
const alpha = Uint8Array.from({ length: W * W }, (_, i) => (i * 5) & 255)
const MASK_DICT = `<< /Type /XObject /Subtype /Image /Width ${W} /Height ${W} /ColorSpace /DeviceGray /BitsPerComponent 8 >>`
const smask = flate(MASK_DICT, alpha)
const image = (data: Uint8Array, extra = '') =>
  flate(
    `<< /Type /XObject /Subtype /Image /Width ${W} /Height ${W} /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask 4 0 R ${extra}>>`,
    data,
  )

/** A file whose object 3 is the image and object 4 its soft mask (after `pad` objects). */
function file(img: Body, mask: Body = smask, limits?: { maxTotalOutput: number }) {
  const pdf = readPdf(
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
      img,
      mask,
    ]),
    limits,
  )
  const stream = pdf.resolve({ num: 3, gen: 0 }) as PdfStream
  return { pdf, stream, rev: pdf.revisions.length - 1 }
}

const keyOf = (f: { pdf: PdfFile; stream: PdfStream; rev: number }) =>
  imageKey(f.pdf, f.stream, f.rev)

describe('picture cache', () => {
  it('keys equal inputs alike and any change to the image, its mask or its dictionary apart', () => {
    const base = keyOf(file(image(pixels(1))))
    expect(base).toMatch(/^[0-9a-f]{64}$/)
    expect(keyOf(file(image(pixels(1))))).toBe(base)
    expect(keyOf(file(image(pixels(2))))).not.toBe(base)
    expect(keyOf(file(image(pixels(1), '/Decode [1 0 1 0 1 0] ')))).not.toBe(base)
    const otherMask = flate(
      MASK_DICT,
      alpha.map((v) => v ^ 1),
    )
    expect(keyOf(file(image(pixels(1)), otherMask))).not.toBe(base)
  })

  it('ignores the image entries decoding does not read, and does not follow them', () => {
    const base = keyOf(file(image(pixels(1))))
    expect(keyOf(file(image(pixels(1), '/Name /Im7 /Metadata 99 0 R ')))).toBe(base)
  })

  it('gives a hit the miss picture and charges the budget the same', () => {
    const cache = new BoundedCache<CachedPicture>(8)
    const first = file(image(pixels(1)))
    const before = first.pdf.decodeBudget.remaining
    const miss = pictureOfImage(first.pdf, first.stream, first.rev, cache)
    const cost = before - first.pdf.decodeBudget.remaining
    expect(cost).toBeGreaterThan(0)
    expect(cache.size).toBe(1)
    const second = file(image(pixels(1)))
    const hit = pictureOfImage(second.pdf, second.stream, second.rev, cache)
    expect(hit).toBe(miss)
    expect(before - second.pdf.decodeBudget.remaining).toBe(cost)
    const uncached = pictureOfImage(second.pdf, second.stream, second.rev)
    expect(uncached.picture.sha256).toBe(miss.picture.sha256)
  })

  it('decodes for real, with the same limit error, where the budget would not allow it', () => {
    const cache = new BoundedCache<CachedPicture>(8)
    const first = file(image(pixels(1)))
    pictureOfImage(first.pdf, first.stream, first.rev, cache)
    const tight = file(image(pixels(1)), smask, { maxTotalOutput: W * W })
    const viaCache = () => pictureOfImage(tight.pdf, tight.stream, tight.rev, cache)
    const fresh = file(image(pixels(1)), smask, { maxTotalOutput: W * W })
    const direct = () => pictureOfImage(fresh.pdf, fresh.stream, fresh.rev)
    expect(direct).toThrow(expect.objectContaining({ code: 'limit.pdf.total-output' }))
    expect(viaCache).toThrow(expect.objectContaining({ code: 'limit.pdf.total-output' }))
  })
})
