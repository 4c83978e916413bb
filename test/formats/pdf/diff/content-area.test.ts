import { describe, expect, it } from 'vitest'
import type { Rect } from '../../../../src/formats/pdf/appearance/geometry.js'
import { firstOverlap, type Area } from '../../../../src/formats/pdf/diff/area.js'
import {
  contentArea,
  MAX_AREA_OPS,
  MAX_FILE_AREA_OPS,
} from '../../../../src/formats/pdf/diff/content-area.js'
import { entriesOf } from '../../../../src/formats/pdf/diff/objects.js'
import { readPdf } from '../../../../src/formats/pdf/index.js'
import type { PdfStream } from '../../../../src/formats/pdf/types.js'
import { PdfWriter, stream } from './pdf-writer.js'

const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'

/** The area of `content` drawn on a one-page file whose page has `resources`. */
function areaOf(content: string, objects: Record<number, string> = {}, resources?: string): Area {
  const w = new PdfWriter()
  const res = resources ?? '<< /Font << /F1 5 0 R >> /XObject << /Im0 6 0 R /Fm0 7 0 R >> >>'
  w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
    .obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>')
    .obj(
      3,
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R /Resources ${res} >>`,
    )
    .obj(4, stream('', content))
    .obj(5, HELVETICA)
    .obj(6, stream('/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8', 'x'))
  for (const [n, body] of Object.entries(objects)) w.obj(Number(n), body)
  const pdf = readPdf(w.commit().bytes())
  const page = pdf.pages(0)[0]!.dict
  const contents = pdf.deref(page.get('Contents')) as PdfStream
  return contentArea(pdf, [contents], entriesOf(pdf.deref(page.get('Resources'))), 0)
}

function rects(a: Area): readonly Rect[] {
  if (!a.known) throw new Error(`unknown area: ${a.reason}`)
  return a.rects.map((r) => r.map((v) => Math.round(v * 1000) / 1000) as unknown as Rect)
}

const form = (dict: string, content: string) =>
  stream(`/Type /XObject /Subtype /Form ${dict}`, content)

describe('contentArea: text', () => {
  it('places a show by Td and the font size, with the widest advance and glyph box', () => {
    // Helvetica without /Widths: advance ≤ 1.1 em, box [-0.2 -0.3 1.1 1.05] em.
    expect(rects(areaOf('BT /F1 10 Tf 100 200 Td (abc) Tj ET'))).toEqual([[98, 197, 133, 210.5]])
  })

  it('uses /Widths when the font lists them', () => {
    const font =
      '<< /Type /Font /Subtype /Type1 /FirstChar 97 /LastChar 99 /Widths [500 500 500] >>'
    expect(rects(areaOf('BT /F1 10 Tf 100 200 Td (abc) Tj ET', { 5: font }))).toEqual([
      [98, 197, 121, 210.5],
    ])
  })

  it('maps through Tm and the CTM', () => {
    const a = areaOf('2 0 0 2 0 0 cm BT /F1 10 Tf 1 0 0 1 50 50 Tm (a) Tj ET')
    expect(rects(a)).toEqual([[96, 94, 122, 121]])
  })

  it('moves lines with TD, T*, TL, quote and double quote', () => {
    const a = rects(
      areaOf('BT /F1 10 Tf 12 TL 100 700 Td (a) Tj T* (b) Tj (c) \' 0 -20 TD 1 2 (d d) " ET'),
    )
    // TD sets the leading to 20: the double quote's new line is 20 below the TD line.
    expect(a.map((r) => r[1])).toEqual([697, 685, 673, 633])
    // The double quote sets word spacing 1 and character spacing 2: the third glyph starts at
    // most (11 + 2) + (11 + 2 + 1) right of the line start, and reaches 1.1 em further.
    expect(a[3]![2]).toBe(100 + 27 + 11)
  })

  it('widens a run by character spacing and TJ adjustments, and continues after a show', () => {
    const [one] = rects(areaOf('BT /F1 10 Tf 5 Tc 0 0 Td [(a) -1000 (b)] TJ ET'))
    // a: pen [0, 0] → [5, 16]; -1000 moves right 10: [15, 26]; b starts in [15, 26].
    expect(one).toEqual([-2, -3, 37, 10.5])
    const [, two] = rects(areaOf('BT /F1 10 Tf 0 0 Td (a) Tj (b) Tj ET'))
    expect(two).toEqual([-2, -3, 22, 10.5])
  })

  it('reads two-byte codes of Identity-H composite fonts, with the CIDFont widths', () => {
    const type0 = '<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /DescendantFonts [8 0 R] >>'
    const cid = '<< /Type /Font /Subtype /CIDFontType2 /DW 1000 /W [1 [500 600]] >>'
    const [r] = rects(areaOf('BT /F1 10 Tf 0 0 Td <00010002> Tj ET', { 5: type0, 8: cid }))
    expect(r).toEqual([-2, -3, 21, 10.5])
  })

  it('bounds Type 3 glyphs by FontMatrix and FontBBox, and refuses one without a box', () => {
    const t3 = (bbox: string) =>
      `<< /Type /Font /Subtype /Type3 /FontMatrix [0.01 0 0 0.01 0 0] ${bbox} ` +
      '/FirstChar 97 /LastChar 97 /Widths [100] /CharProcs << >> /Encoding << >> >>'
    const [r] = rects(areaOf('BT /F1 10 Tf 0 0 Td (a) Tj ET', { 5: t3('/FontBBox [0 0 300 300]') }))
    expect(r).toEqual([-2, -3, 30, 30])
    const none = areaOf('BT /F1 10 Tf 0 0 Td (a) Tj ET', { 5: t3('/FontBBox [0 0 0 0]') })
    expect(none).toMatchObject({ known: false, reason: expect.stringContaining('Type 3') })
  })

  it('is unknown for vertical writing and for text shown before any font', () => {
    const v = '<< /Type /Font /Subtype /Type0 /Encoding /Identity-V /DescendantFonts [8 0 R] >>'
    const cid = '<< /Type /Font /Subtype /CIDFontType0 >>'
    expect(areaOf('BT /F1 10 Tf (a) Tj ET', { 5: v, 8: cid }).known).toBe(false)
    expect(areaOf('BT (a) Tj ET')).toMatchObject({ known: false })
  })

  it('uses default metrics for a font the resources lack (a viewer substitutes one)', () => {
    expect(rects(areaOf('BT /F9 10 Tf 100 200 Td (abc) Tj ET'))).toEqual([[98, 197, 133, 210.5]])
  })
})

describe('contentArea: images, paths, clips, shadings', () => {
  it('paints an image as its CTM unit square, inline images too', () => {
    expect(rects(areaOf('q 50 0 0 40 10 20 cm /Im0 Do Q'))).toEqual([[10, 20, 60, 60]])
    const inline = 'q 20 0 0 20 5 5 cm BI /W 1 /H 1 /BPC 8 /CS /G ID x EI Q 0 0 1 1 re f'
    expect(rects(areaOf(inline))).toEqual([
      [5, 5, 25, 25],
      [0, 0, 1, 1],
    ])
  })

  it('fills inside each subpath box, leaving the space between two subpaths free', () => {
    const a = rects(areaOf('0 0 10 10 re 100 100 10 10 re f'))
    expect(a).toEqual([
      [0, 0, 10, 10],
      [100, 100, 110, 110],
    ])
    expect(firstOverlap([[20, 20, 90, 90]], a)).toBeUndefined()
  })

  it('strokes along the segments, with miter corners unless joins are round', () => {
    const miter = rects(areaOf('2 w 0 0 m 100 0 l S'))
    expect(miter).toContainEqual([-1, -1, 101, 1])
    expect(miter).toContainEqual([90, -10, 110, 10])
    const round = rects(areaOf('2 w 1 j 40 60 515 720 re S'))
    expect(round).toContainEqual([39, 59, 556, 61])
    expect(firstOverlap([[100, 100, 400, 700]], round)).toBeUndefined()
    expect(firstOverlap([[30, 100, 45, 110]], round)).toBeDefined()
  })

  it('clips by the clip path box; a shading paints the clip, or everything without one', () => {
    expect(rects(areaOf('0 0 50 50 re W n 0 0 600 800 re f'))).toEqual([[0, 0, 50, 50]])
    expect(rects(areaOf('q 10 10 20 20 re W n /Sh0 sh Q'))).toEqual([[10, 10, 30, 30]])
    const [all] = rects(areaOf('/Sh0 sh'))
    expect(all).toEqual([-Infinity, -Infinity, Infinity, Infinity])
  })

  it('is unknown when coordinates overflow', () => {
    const huge = '1000000000000 0 0 1000000000000 0 0 cm '.repeat(40)
    expect(areaOf(`${huge}0 0 1 1 re f`)).toMatchObject({ known: false })
  })
})

describe('contentArea: form XObjects and bounds', () => {
  it('follows a form through its matrix and clips it to its box', () => {
    const fm = form('/BBox [0 0 50 50] /Matrix [2 0 0 2 0 0]', '0 0 10 10 re f 0 0 100 100 re f')
    expect(rects(areaOf('q 1 0 0 1 100 100 cm /Fm0 Do Q', { 7: fm }))).toEqual([
      [100, 100, 120, 120],
      [100, 100, 200, 200],
    ])
  })

  it('counts a form it cannot read, or one that draws itself, as its whole box', () => {
    const broken = form('/BBox [0 0 50 50]', 'BT /F1 1 Tf (never closed')
    expect(rects(areaOf('/Fm0 Do', { 7: broken }))).toEqual([[0, 0, 50, 50]])
    const loop = form('/BBox [0 0 50 50] /Resources << /XObject << /Fm0 7 0 R >> >>', '/Fm0 Do')
    expect(rects(areaOf('/Fm0 Do', { 7: loop }))).toEqual([[0, 0, 50, 50]])
    const noBox = form('', 'BT (x')
    expect(areaOf('/Fm0 Do', { 7: noBox }).known).toBe(false)
  })

  it('is unknown for unreadable page content and past the operator bound', () => {
    expect(areaOf('BT /F1 10 Tf (no end Tj ET')).toMatchObject({ known: false })
    expect(areaOf('0 0 10 10 re - f')).toMatchObject({ known: false })
    const many = areaOf('n '.repeat(MAX_AREA_OPS + 1))
    expect(many).toMatchObject({ known: false, reason: expect.stringContaining('operators') })
  }, 30_000)

  it('shares one operator bound among all the areas of a file', () => {
    const w = new PdfWriter()
    const per = Math.floor(MAX_AREA_OPS * 0.9)
    w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
      .obj(2, '<< /Type /Pages /Kids [] /Count 0 >>')
      .obj(4, stream('', 'n '.repeat(per)))
      .commit()
    const pdf = readPdf(w.bytes())
    const s = pdf.resolve({ num: 4, gen: 0 }) as PdfStream
    const runs = Math.ceil(MAX_FILE_AREA_OPS / per)
    const results = Array.from({ length: runs }, () => contentArea(pdf, [s], undefined, 0))
    expect(results.slice(0, -1).every((a) => a.known)).toBe(true)
    expect(results.at(-1)).toMatchObject({ known: false, reason: expect.stringContaining('file') })
  }, 30_000)

  it('ignores unknown operators, stray delimiters and marked content', () => {
    const a = areaOf('/P << /MCID 0 >> BDC ] } 0 0 5 5 re f EMC BX foo EX')
    expect(rects(a)).toEqual([[0, 0, 5, 5]])
  })
})
