/**
 * The picture cache key: the whole decode input for small images (compared in full on a hit),
 * its SHA-256 for large ones; either way equal inputs key alike and any change keys apart.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  pictureOfImage,
  type CachedPicture,
} from '../../../../src/formats/pdf/appearance/image-cache.js'
import {
  imageKey,
  imageKeyOf,
  MAX_EXACT_INPUT,
} from '../../../../src/formats/pdf/appearance/image-key.js'
import { sameBytes } from '../../../../src/crypto/bytes.js'
import { readPdf } from '../../../../src/formats/pdf/index.js'
import type { PdfStream } from '../../../../src/formats/pdf/types.js'
import { BoundedCache } from '../../../../src/pki/cache.js'
import { buildPdf, flate, plain, type Body } from './build-pdf.js'

const rgb = (w: number, seed: number) =>
  Uint8Array.from({ length: w * w * 3 }, (_, i) => (i * 31 + seed * 7) & 255)

/** A file whose object 3 is the image, followed by `extra` objects (4, 5, …). */
function file(img: Body, extra: Body[] = []) {
  const pdf = readPdf(
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
      img,
      ...extra,
    ]),
  )
  return { pdf, stream: pdf.resolve({ num: 3, gen: 0 }) as PdfStream }
}

const small = (seed: number, extra = '') =>
  flate(
    `<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceRGB /BitsPerComponent 8 ${extra}>>`,
    rgb(8, seed),
  )
/** Unfiltered, so that its raw bytes are more than MAX_EXACT_INPUT. */
const large = (seed: number) =>
  plain(
    '<< /Type /XObject /Subtype /Image /Width 160 /Height 160 /ColorSpace /DeviceRGB /BitsPerComponent 8 >>',
    rgb(160, seed),
  )

const keyOf = (f: { pdf: ReturnType<typeof readPdf>; stream: PdfStream }) => {
  const k = imageKeyOf(f.pdf, f.stream, 0)
  return k && { id: k.id, input: k.input?.slice() }
}

describe('picture cache key', () => {
  it('keeps a small input whole, and its SHA-256 is the digest key', () => {
    const f = file(small(1))
    const k = keyOf(f)!
    expect(k.id).toMatch(/^e\d+:\d+$/)
    expect(k.input!.length).toBeLessThanOrEqual(MAX_EXACT_INPUT)
    const sha = createHash('sha256').update(k.input!).digest('hex')
    expect(imageKey(f.pdf, f.stream, 0)).toBe(sha)
  })

  it('gives equal inputs equal bytes and any change to data, dictionary or mask other bytes', () => {
    const base = keyOf(file(small(1)))!
    const again = keyOf(file(small(1)))!
    expect(again.id).toBe(base.id)
    expect(sameBytes(again.input!, base.input!)).toBe(true)
    const variants = [
      file(small(2)),
      file(small(1, '/Decode [1 0 1 0 1 0] ')),
      file(small(1, '/SMask 4 0 R '), [small(3)]),
      file(small(1, '/ColorSpace [/Indexed /DeviceRGB 1 <00ff00ff0000>] ')),
      file(small(1, '/ColorSpace [/Indexed /DeviceRGB 1 <00ff00ff0001>] ')),
      file(small(1, '/ColorSpace /DeviceRGB#FF ')),
    ]
    const inputs = variants.map((v) => keyOf(v)!.input!)
    for (const [i, a] of inputs.entries()) {
      expect(sameBytes(a, base.input!)).toBe(false)
      for (const b of inputs.slice(i + 1)) expect(sameBytes(a, b)).toBe(false)
    }
  })

  it('names a reference cycle instead of following it', () => {
    const k = keyOf(file(small(1, '/DecodeParms 4 0 R '), ['<< /Self 4 0 R /Columns 8 >>']))
    expect(k?.input).toBeDefined()
    expect(keyOf(file(small(1, '/DecodeParms 4 0 R '), ['<< /Self 4 0 R /Columns 8 >>']))!.id).toBe(
      k!.id,
    )
  })

  it('keys a large input by its SHA-256', () => {
    const k = keyOf(file(large(1)))!
    expect(k.id).toMatch(/^s[0-9a-f]{64}$/)
    expect(k.input).toBeUndefined()
    expect(keyOf(file(large(1)))!.id).toBe(k.id)
    expect(keyOf(file(large(2)))!.id).not.toBe(k.id)
  })
})

describe('picture cache hits', () => {
  it('takes an entry only when its stored input equals the image input', () => {
    const cache = new BoundedCache<CachedPicture>(8)
    const f = file(small(1))
    const truth = pictureOfImage(f.pdf, f.stream, 0)
    const other = file(small(2))
    const decoy = pictureOfImage(other.pdf, other.stream, 0)
    const k = keyOf(f)!
    const wrong = keyOf(other)!.input!
    // Same id, other input (what a fingerprint collision would look like).
    cache.set(k.id, { picture: decoy, charged: 0, perStream: 0, input: wrong })
    const got = pictureOfImage(f.pdf, f.stream, 0, cache)
    expect(got).not.toBe(decoy)
    expect(got.picture.sha256).toBe(truth.picture.sha256)
    // The decode replaced the entry; the next equal image hits it.
    const g = file(small(1))
    expect(pictureOfImage(g.pdf, g.stream, 0, cache)).toBe(got)
  })

  it('hits large images through their digest key and charges the budget the same', () => {
    const cache = new BoundedCache<CachedPicture>(8)
    const first = file(large(1))
    const before = first.pdf.decodeBudget.remaining
    const miss = pictureOfImage(first.pdf, first.stream, 0, cache)
    const cost = before - first.pdf.decodeBudget.remaining
    const second = file(large(1))
    expect(pictureOfImage(second.pdf, second.stream, 0, cache)).toBe(miss)
    expect(before - second.pdf.decodeBudget.remaining).toBe(cost)
    const third = file(large(2))
    expect(pictureOfImage(third.pdf, third.stream, 0, cache)).not.toBe(miss)
  })
})
