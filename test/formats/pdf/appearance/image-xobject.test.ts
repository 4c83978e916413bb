import { describe, expect, it } from 'vitest'
import { decodeImageXObject } from '../../../../src/formats/pdf/appearance/image-xobject.js'
import { readPdf } from '../../../../src/formats/pdf/index.js'
import type { PdfStream } from '../../../../src/formats/pdf/types.js'
import type { Raster } from '../../../../src/images/raster.js'
import { buildPdf, flate, plain, type Body } from './build-pdf.js'

/** Builds a PDF whose object 3 is `image` (objects 4… are `extra`) and decodes it. */
function decode(image: Body, extra: Body[] = []) {
  const pdf = readPdf(
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
      image,
      ...extra,
    ]),
  )
  const stream = pdf.resolve({ num: 3, gen: 0 })
  if (stream?.kind !== 'stream') throw new Error('image object not read')
  return decodeImageXObject(pdf, stream as PdfStream, pdf.revisions.length - 1)
}

function raster(image: Body, extra: Body[] = []): Raster {
  const d = decode(image, extra)
  if (d.kind !== 'raster') throw new Error(`expected a raster, got ${d.kind}`)
  return d.raster
}

const px = (r: Raster, x: number, y: number) => [
  ...r.rgba.subarray((y * r.width + x) * 4, (y * r.width + x) * 4 + 4),
]
const bytes = (...v: number[]) => new Uint8Array(v)
const img = (w: number, h: number, more: string) =>
  `<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} ${more} >>`

describe('decodeImageXObject', () => {
  it('reads 1-bit DeviceGray rows padded to whole bytes', () => {
    const r = raster(
      plain(
        img(9, 2, '/ColorSpace /DeviceGray /BitsPerComponent 1'),
        bytes(0b10101010, 0b10000000, 0, 0),
      ),
    )
    expect(px(r, 0, 0)).toEqual([255, 255, 255, 255])
    expect(px(r, 1, 0)).toEqual([0, 0, 0, 255])
    expect(px(r, 8, 0)).toEqual([255, 255, 255, 255])
    expect(px(r, 8, 1)).toEqual([0, 0, 0, 255])
  })

  it('reads Flate RGB with a PNG predictor (Sub filter on every row)', () => {
    const rows = [
      [200, 10, 10, 210, 20, 20],
      [0, 0, 255, 5, 5, 250],
    ]
    const filtered: number[] = []
    for (const row of rows) {
      filtered.push(1, ...row.map((v, i) => (v - (i >= 3 ? row[i - 3]! : 0)) & 255))
    }
    const parms = '/DecodeParms << /Predictor 15 /Colors 3 /Columns 2 /BitsPerComponent 8 >>'
    const r = raster(
      flate(
        img(2, 2, `/ColorSpace /DeviceRGB /BitsPerComponent 8 ${parms}`),
        new Uint8Array(filtered),
      ),
    )
    expect(px(r, 1, 0)).toEqual([210, 20, 20, 255])
    expect(px(r, 1, 1)).toEqual([5, 5, 250, 255])
  })

  it('reads RGB with the TIFF predictor', () => {
    const parms = '/DecodeParms << /Predictor 2 /Colors 3 /Columns 2 >>'
    const r = raster(
      flate(
        img(2, 1, `/ColorSpace /DeviceRGB /BitsPerComponent 8 ${parms}`),
        bytes(100, 0, 0, 50, 10, 10),
      ),
    )
    expect(px(r, 1, 0)).toEqual([150, 10, 10, 255])
  })

  it('approximates DeviceCMYK', () => {
    const r = raster(
      plain(
        img(2, 1, '/ColorSpace /DeviceCMYK /BitsPerComponent 8'),
        bytes(0, 255, 255, 0, 0, 0, 0, 255),
      ),
    )
    expect(px(r, 0, 0)).toEqual([255, 0, 0, 255])
    expect(px(r, 1, 0)).toEqual([0, 0, 0, 255])
  })

  it('reads Indexed palettes given as a hex string or a stream', () => {
    const inline = raster(
      plain(
        img(3, 1, '/ColorSpace [/Indexed /DeviceRGB 2 <ff0000 00ff00 0000ff>] /BitsPerComponent 2'),
        bytes(0b00011000),
      ),
    )
    expect([0, 1, 2].map((x) => px(inline, x, 0))).toEqual([
      [255, 0, 0, 255],
      [0, 255, 0, 255],
      [0, 0, 255, 255],
    ])
    const viaStream = raster(
      plain(
        img(2, 1, '/ColorSpace [/Indexed /DeviceGray 1 4 0 R] /BitsPerComponent 8'),
        bytes(1, 0),
      ),
      [plain('<< >>', bytes(0x20, 0xe0))],
    )
    expect(px(viaStream, 0, 0)).toEqual([0xe0, 0xe0, 0xe0, 255])
  })

  it('honours /Decode and ICCBased component counts', () => {
    const inverted = raster(
      plain(img(1, 1, '/ColorSpace /DeviceGray /BitsPerComponent 8 /Decode [1 0]'), bytes(0)),
    )
    expect(px(inverted, 0, 0)).toEqual([255, 255, 255, 255])
    const icc = raster(
      plain(img(1, 1, '/ColorSpace [/ICCBased 4 0 R] /BitsPerComponent 8'), bytes(1, 2, 3)),
      [plain('<< /N 3 >>', 'profile')],
    )
    expect(px(icc, 0, 0)).toEqual([1, 2, 3, 255])
  })

  it('reads 16-bit samples by their high byte', () => {
    const r = raster(
      plain(
        img(1, 1, '/ColorSpace /DeviceRGB /BitsPerComponent 16'),
        bytes(0xff, 0xff, 0x80, 0x00, 0, 0xff),
      ),
    )
    expect(px(r, 0, 0)).toEqual([255, 128, 0, 255])
  })

  it('takes alpha from a soft mask of another size', () => {
    const r = raster(
      plain(
        img(2, 2, '/ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask 4 0 R'),
        new Uint8Array(12).fill(200),
      ),
      [plain(img(1, 2, '/ColorSpace /DeviceGray /BitsPerComponent 8'), bytes(0, 255))],
    )
    expect(px(r, 1, 0)).toEqual([200, 200, 200, 0])
    expect(px(r, 1, 1)).toEqual([200, 200, 200, 255])
  })

  it('applies stencil masks, explicit masks and colour-key masks', () => {
    const stencil = raster(plain(img(2, 1, '/ImageMask true'), bytes(0b01000000)))
    expect(px(stencil, 0, 0)[3]).toBe(255)
    expect(px(stencil, 1, 0)[3]).toBe(0)
    const explicit = raster(
      plain(img(2, 1, '/ColorSpace /DeviceGray /BitsPerComponent 8 /Mask 4 0 R'), bytes(9, 9)),
      [plain(img(2, 1, '/ImageMask true'), bytes(0b10000000))],
    )
    expect(px(explicit, 0, 0)[3]).toBe(0)
    expect(px(explicit, 1, 0)[3]).toBe(255)
    const keyed = raster(
      plain(
        img(2, 1, '/ColorSpace /DeviceGray /BitsPerComponent 8 /Mask [250 255]'),
        bytes(255, 10),
      ),
    )
    expect(px(keyed, 0, 0)[3]).toBe(0)
    expect(px(keyed, 1, 0)[3]).toBe(255)
  })

  it('keeps DCT data as the JPEG it is', () => {
    const jpeg = bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2, 0xff, 0xd9)
    const d = decode({
      dict: img(8, 8, '/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode'),
      data: jpeg,
    })
    expect(d).toEqual({ kind: 'jpeg', data: jpeg, width: 8, height: 8 })
  })

  it('refuses unknown colour spaces, short data and absurd sizes with typed errors', () => {
    expect(() =>
      decode(plain(img(1, 1, '/ColorSpace /Pattern /BitsPerComponent 8'), bytes(0))),
    ).toThrow(expect.objectContaining({ code: 'format.pdf.image-colour-space' }))
    expect(() =>
      decode(plain(img(4, 4, '/ColorSpace /DeviceRGB /BitsPerComponent 8'), bytes(1, 2, 3))),
    ).toThrow(expect.objectContaining({ code: 'format.pdf.image-truncated' }))
    expect(() =>
      decode(plain(img(100000, 100000, '/ColorSpace /DeviceGray /BitsPerComponent 1'), bytes(0))),
    ).toThrow(expect.objectContaining({ code: 'limit.image.size' }))
    expect(() =>
      decode(plain(img(0, 1, '/ColorSpace /DeviceGray /BitsPerComponent 8'), bytes(0))),
    ).toThrow(expect.objectContaining({ code: 'format.image.size' }))
    expect(() =>
      decode(plain(img(1, 1, '/ColorSpace /DeviceGray /BitsPerComponent 3'), bytes(0))),
    ).toThrow(expect.objectContaining({ code: 'format.pdf.image-bits' }))
  })
})

describe('8-bit device images (copied without per-sample arithmetic)', () => {
  const w = 7
  const h = 5
  const noise = (n: number, seed: number) =>
    Uint8Array.from({ length: n }, (_, i) => (i * 73 + seed * 151 + ((i * i) % 97)) & 255)
  /** The same samples as 16-bit values (high byte = the 8-bit sample): the general path. */
  const widen = (b: Uint8Array) => Uint8Array.from([...b].flatMap((v) => [v, (v * 7) & 255]))

  for (const [space, n] of [
    ['DeviceRGB', 3],
    ['DeviceGray', 1],
  ] as const) {
    it(`gives the general path's pixels for ${space}`, () => {
      const data = noise(w * h * n, n)
      const fast = raster(plain(img(w, h, `/ColorSpace /${space} /BitsPerComponent 8`), data))
      const general = raster(
        plain(img(w, h, `/ColorSpace /${space} /BitsPerComponent 16`), widen(data)),
      )
      expect([...fast.rgba]).toEqual([...general.rgba])
      const inverted = raster(
        plain(
          img(w, h, `/ColorSpace /${space} /BitsPerComponent 8 /Decode [${'1 0 '.repeat(n)}]`),
          data,
        ),
      )
      expect(inverted.rgba[0]).toBe(255 - fast.rgba[0]!)
    })
  }
})
