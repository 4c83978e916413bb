import { zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { applyFilters } from '../../../src/formats/pdf/filters.js'
import type { PdfObject } from '../../../src/formats/pdf/index.js'
import { readPdf } from '../../../src/formats/pdf/index.js'
import { basicDocument, latin1Bytes, PdfWriter } from './build.js'

const budget = () => ({ perStream: 1 << 20, remaining: 1 << 22 })
const num = (value: number): PdfObject => ({ kind: 'number', value })
const parms = (o: Record<string, number>) => new Map(Object.entries(o).map(([k, v]) => [k, num(v)]))
const run = (data: Uint8Array, name: string, p?: Map<string, PdfObject>) =>
  applyFilters(data, [{ name, parms: p }], budget())

describe('stream filters', () => {
  it('ASCIIHex and ASCII85 (with z and a partial group)', () => {
    expect(run(latin1Bytes('48 65 6C 6C 6F>'), 'AHx').data).toEqual(latin1Bytes('Hello'))
    expect(run(latin1Bytes('87cURD]i,"Ebo80~>'), 'ASCII85Decode').data).toEqual(
      latin1Bytes('Hello World!'),
    )
    expect(run(latin1Bytes('z~>'), 'A85').data).toEqual(new Uint8Array(4))
    expect(run(latin1Bytes('87cURDZ~>'), 'A85').data).toEqual(latin1Bytes('Hello'))
  })

  it('RunLength', () => {
    const enc = Uint8Array.from([2, 65, 66, 67, 254, 90, 128, 1])
    expect(run(enc, 'RL').data).toEqual(latin1Bytes('ABCZZZ'))
  })

  it('LZW: the ISO 32000 example, with and without EarlyChange', () => {
    const enc = Uint8Array.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01])
    expect(run(enc, 'LZWDecode').data).toEqual(latin1Bytes('-----A---B'))
  })

  it('Flate with PNG predictors (Up, Sub, Paeth) and TIFF predictor 2', () => {
    const rows = [
      [2, 1, 2, 3],
      [2, 1, 1, 1],
      [1, 5, 1, 1],
      [4, 1, 1, 1],
    ]
    const enc = zlibSync(Uint8Array.from(rows.flat()))
    const out = run(enc, 'FlateDecode', parms({ Predictor: 12, Columns: 3 })).data
    expect([...out]).toEqual([1, 2, 3, 2, 3, 4, 5, 6, 7, 6, 7, 8])
    const tiff = zlibSync(Uint8Array.from([10, 20, 1, 2, 5, 5]))
    const t = run(tiff, 'Fl', parms({ Predictor: 2, Colors: 2, Columns: 3 })).data
    expect([...t]).toEqual([10, 20, 11, 22, 16, 27])
  })

  it('image codecs end the chain and come back raw with their name', () => {
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xd9])
    const out = applyFilters(
      latin1Bytes('FFD8FFD9>'),
      [
        { name: 'AHx', parms: undefined },
        { name: 'DCTDecode', parms: undefined },
      ],
      budget(),
    )
    expect(out).toEqual({ data: jpeg, rawFilter: 'DCTDecode' })
    expect(() =>
      applyFilters(
        jpeg,
        [
          { name: 'DCT', parms: undefined },
          { name: 'Fl', parms: undefined },
        ],
        budget(),
      ),
    ).toThrow(expect.objectContaining({ code: 'format.pdf.filter' }))
  })

  it('corrupt data and unknown filters give typed errors', () => {
    expect(() => run(latin1Bytes('not zlib'), 'FlateDecode')).toThrow(
      expect.objectContaining({ code: 'format.pdf.flate' }),
    )
    expect(() => run(new Uint8Array(1), 'Foo')).toThrow(
      expect.objectContaining({ code: 'format.pdf.unsupported-filter' }),
    )
    expect(() => run(latin1Bytes('{{'), 'A85')).toThrow(
      expect.objectContaining({ code: 'format.pdf.filter' }),
    )
  })

  it('decodeStream follows indirect /Filter and /DecodeParms through the revision', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    const enc = zlibSync(Uint8Array.from([0, 7, 8, 2, 1, 1]))
    rows.push([5, w.stream(5, '/Filter 6 0 R /DecodeParms 7 0 R', enc)])
    rows.push([6, w.obj(6, '[/FlateDecode]')])
    rows.push([7, w.obj(7, '[<< /Predictor 10 /Columns 2 >>]')])
    w.table(rows, '<< /Size 8 /Root 1 0 R >>')
    const pdf = readPdf(w.bytes())
    const s = pdf.resolve({ num: 5, gen: 0 })
    expect(s?.kind === 'stream' && [...pdf.decodeStream(s).data]).toEqual([7, 8, 8, 9])
  })
})
