import { describe, expect, it } from 'vitest'
import { findSignatures, readPdf } from '../../../src/formats/pdf/index.js'
import { PdfWriter, type Row } from './build.js'

const SIG = '<< /Type /Sig /Filter /Adobe.PPKLite /ByteRange [0 10 20 30] /Contents <00> >>'

function doc(w: PdfWriter, catalogExtra: string, annots = '[]'): Row[] {
  const rows: Row[] = [[0, 'f']]
  rows.push([1, w.obj(1, `<< /Type /Catalog /Pages 2 0 R ${catalogExtra} >>`)])
  rows.push([2, w.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>')])
  rows.push([3, w.obj(3, `<< /Type /Page /Parent 2 0 R /Annots ${annots} >>`)])
  return rows
}

describe('findSignatures', () => {
  it('AcroForm with inherited /FT, a named parent and a separate widget kid', () => {
    const w = new PdfWriter()
    const rows = doc(w, '/AcroForm 4 0 R', '[7 0 R]')
    rows.push([4, w.obj(4, '<< /Fields [5 0 R] >>')])
    rows.push([5, w.obj(5, '<< /FT /Sig /T (parent) /Kids [6 0 R] >>')])
    rows.push([6, w.obj(6, '<< /T <FEFF00E9> /V 8 0 R /Kids [7 0 R] >>')])
    rows.push([7, w.obj(7, '<< /Type /Annot /Subtype /Widget /Rect [1 2 3 4] /P 3 0 R >>')])
    rows.push([8, w.obj(8, SIG)])
    w.table(rows, '<< /Size 9 /Root 1 0 R >>')
    const pdf = readPdf(w.bytes())
    const sigs = findSignatures(pdf)
    expect(sigs.length).toBe(1)
    expect(sigs[0]).toMatchObject({
      sigRef: { num: 8, gen: 0 },
      fieldRef: { num: 6, gen: 0 },
      fieldName: 'parent.é',
      widgets: [{ ref: { num: 7, gen: 0 }, pageIndex: 0, rect: [1, 2, 3, 4] }],
      foundBy: ['acroform', 'scan'],
      firstRevision: 0,
    })
    expect(new TextDecoder().decode(pdf.bytes.subarray(sigs[0]!.scanOffset!).slice(0, 10))).toBe(
      '/ByteRange',
    )
  })

  it('a /Perms /UR3 signature with no form field is found by /Perms and the scan', () => {
    const w = new PdfWriter()
    const rows = doc(w, '/Perms << /UR3 4 0 R >>')
    rows.push([4, w.obj(4, SIG)])
    w.table(rows, '<< /Size 5 /Root 1 0 R >>')
    const sigs = findSignatures(readPdf(w.bytes()))
    expect(sigs.map((s) => [s.sigRef, s.fieldRef, s.foundBy])).toEqual([
      [{ num: 4, gen: 0 }, null, ['perms-ur3', 'scan']],
    ])
  })

  it('merges /Perms /DocMDP with the field; compressed sig dicts are found without scan', () => {
    const w = new PdfWriter()
    const rows = doc(w, '/AcroForm << /Fields [5 0 R] >> /Perms << /DocMDP 6 0 R >>')
    rows.push([
      4,
      w.objStm(4, [
        [5, '<< /FT /Sig /T (s) /V 6 0 R /Rect [0 0 0 0] >>'],
        [6, SIG],
      ]),
    ])
    rows.push([5, 'c', 4, 0], [6, 'c', 4, 1])
    w.xrefStream(7, rows, '/Root 1 0 R')
    const sigs = findSignatures(readPdf(w.bytes()))
    expect(sigs.length).toBe(1)
    expect(sigs[0]).toMatchObject({
      sigRef: { num: 6, gen: 0 },
      fieldRef: { num: 5, gen: 0 },
      widgets: [{ ref: { num: 5, gen: 0 }, pageIndex: null, rect: [0, 0, 0, 0] }],
      foundBy: ['acroform', 'perms-docmdp'],
      scanOffset: null,
    })
  })

  it('reports an orphan signature body no xref entry points to', () => {
    const w = new PdfWriter()
    const rows = doc(w, '')
    w.obj(9, SIG)
    w.table(rows, '<< /Size 4 /Root 1 0 R >>')
    const sigs = findSignatures(readPdf(w.bytes()))
    expect(sigs.length).toBe(1)
    expect(sigs[0]).toMatchObject({ sigRef: null, fieldRef: null, foundBy: ['scan'] })
    expect(sigs[0]!.scanOffset).toBeGreaterThan(0)
  })

  it('a field removed later is still found; firstRevision is where it appears', () => {
    const w = new PdfWriter()
    const r0 = doc(w, '')
    const x0 = w.table(r0, '<< /Size 4 /Root 1 0 R >>')
    const r1: Row[] = [
      [1, w.obj(1, '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>')],
      [5, w.obj(5, '<< /FT /Sig /T (s) /V 6 0 R >>')],
      [6, w.obj(6, SIG)],
    ]
    const x1 = w.table(r1, `<< /Size 7 /Root 1 0 R /Prev ${x0} >>`)
    w.table(
      [[1, w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')]],
      `<< /Size 7 /Root 1 0 R /Prev ${x1} >>`,
    )
    const sigs = findSignatures(readPdf(w.bytes()))
    expect(sigs.length).toBe(1)
    expect(sigs[0]).toMatchObject({ sigRef: { num: 6, gen: 0 }, firstRevision: 1 })
    expect(sigs[0]!.foundBy).toEqual(['acroform', 'scan'])
  })

  it('a redefined signature dictionary stays one finding with the earliest /ByteRange', () => {
    const w = new PdfWriter()
    const rows = doc(w, '/AcroForm << /Fields [5 0 R] >>')
    rows.push([5, w.obj(5, '<< /FT /Sig /V 6 0 R >>')])
    rows.push([6, w.obj(6, SIG)])
    const x0 = w.table(rows, '<< /Size 7 /Root 1 0 R >>')
    const spoof = SIG.replace('>>', '/Reason (spoofed) >>')
    w.table([[6, w.obj(6, spoof)]], `<< /Size 7 /Root 1 0 R /Prev ${x0} >>`)
    const pdf = readPdf(w.bytes())
    const sigs = findSignatures(pdf)
    expect(sigs.length).toBe(1)
    expect(sigs[0]!.firstRevision).toBe(0)
    const first = w.text.indexOf('/ByteRange')
    expect(sigs[0]!.scanOffset).toBe(first)
  })

  it('/ByteRange inside a stream or a non-signature object is not a signature', () => {
    const w = new PdfWriter()
    const rows = doc(w, '')
    rows.push([4, w.stream(4, '', '/ByteRange [0 1 2 3]')])
    rows.push([5, w.obj(5, '<< /Note (/ByteRange) >>')])
    w.table(rows, '<< /Size 6 /Root 1 0 R >>')
    expect(findSignatures(readPdf(w.bytes()))).toEqual([])
  })

  it('many /ByteRange tokens in one object or in unowned bytes stay fast and bounded', () => {
    const w = new PdfWriter()
    const rows = doc(w, '')
    rows.push([4, w.obj(4, `[${'/ByteRange '.repeat(50_000)}]`)])
    w.raw(`junk ${'/ByteRange '.repeat(20_000)}\n`)
    w.table(rows, '<< /Size 5 /Root 1 0 R >>')
    const t = Date.now()
    expect(findSignatures(readPdf(w.bytes()))).toEqual([])
    expect(Date.now() - t).toBeLessThan(1000)
    const big = new PdfWriter()
    const r2 = doc(big, '')
    r2.push([4, big.obj(4, `[${'/ByteRange '.repeat(100_001)}]`)])
    big.table(r2, '<< /Size 5 /Root 1 0 R >>')
    expect(() => findSignatures(readPdf(big.bytes()))).toThrow(
      expect.objectContaining({ code: 'limit.pdf.scan-hits' }),
    )
  })

  it('a signature body that an xref entry names under another number is an orphan', () => {
    const w = new PdfWriter()
    const rows = doc(w, '')
    const at = w.obj(6, SIG)
    rows.push([8, at])
    w.table(rows, '<< /Size 9 /Root 1 0 R >>')
    const sigs = findSignatures(readPdf(w.bytes()))
    expect(sigs.map((s) => [s.sigRef, s.foundBy])).toEqual([[null, ['scan']]])
  })
})
