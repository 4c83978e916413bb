import { describe, expect, it } from 'vitest'
import { readPdf } from '../../../src/formats/pdf/index.js'
import { basicDocument, PdfWriter, type Row } from './build.js'

function contentOf(pdf: ReturnType<typeof readPdf>, rev?: number): string {
  const page = pdf.resolve({ num: 3, gen: 0 }, rev)
  if (page?.kind !== 'dict') return '<none>'
  const c = pdf.deref(page.entries.get('Contents'), rev)
  return c?.kind === 'stream' ? new TextDecoder().decode(pdf.decodeStream(c, rev).data) : '<none>'
}

describe('revisions and per-revision resolution', () => {
  it('reads a single classic revision', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    w.table(rows, '<< /Size 5 /Root 1 0 R >>')
    const pdf = readPdf(w.bytes())
    expect(pdf.revisions.length).toBe(1)
    expect(pdf.revisions[0]!.xrefKind).toBe('table')
    expect(pdf.revisions[0]!.end).toBe(w.text.length)
    expect(pdf.objectNumbers()).toEqual([1, 2, 3, 4])
    expect(pdf.pages().length).toBe(1)
    expect(contentOf(pdf)).toBe('BT /F1 12 Tf (Hello) Tj ET')
    expect(pdf.problems).toEqual([])
  })

  it('an update sees its own entries first, older revisions still see theirs', () => {
    const w = new PdfWriter()
    const x0 = w.table(basicDocument(w), '<< /Size 5 /Root 1 0 R >>')
    const rows: Row[] = [[4, w.stream(4, '', 'NEW')]]
    w.table(rows, `<< /Size 5 /Root 1 0 R /Prev ${x0} >>`)
    const pdf = readPdf(w.bytes())
    expect(pdf.revisions.length).toBe(2)
    expect(pdf.revisions[1]!.startxref).toBeGreaterThan(x0)
    expect(contentOf(pdf, 0)).toContain('Hello')
    expect(contentOf(pdf, 1)).toBe('NEW')
    expect(contentOf(pdf)).toBe('NEW')
    expect(pdf.locate(4)?.revision).toBe(1)
    expect(pdf.locate(4, 0)?.revision).toBe(0)
    expect(pdf.locate(3)?.revision).toBe(0)
  })

  it('a free entry in a later revision hides the object', () => {
    const w = new PdfWriter()
    const x0 = w.table(basicDocument(w), '<< /Size 5 /Root 1 0 R >>')
    w.table([[4, 'f']], `<< /Size 5 /Root 1 0 R /Prev ${x0} >>`)
    const pdf = readPdf(w.bytes())
    expect(pdf.resolve({ num: 4, gen: 0 }, 1)).toBeUndefined()
    expect(pdf.resolve({ num: 4, gen: 0 }, 0)?.kind).toBe('stream')
    expect(pdf.objectNumbers(1)).toEqual([1, 2, 3])
    expect(pdf.locate(4)?.entry.type).toBe('free')
  })

  it('hide-and-replace: an xref-only update re-points an object to an older body', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w, 'Sign me')
    const hidden = w.stream(9, '', 'You are fired')
    const x0 = w.table([...rows, [9, hidden]], '<< /Size 10 /Root 1 0 R >>')
    // second body of object 4 in revision 1 is the good one; revision 2 points back at a
    // different existing body without adding any object
    const w1 = w.stream(4, '', 'Signed text')
    const x1 = w.table([[4, w1]], `<< /Size 10 /Root 1 0 R /Prev ${x0} >>`)
    const before = w.text.length
    w.table(
      [[4, rows.find((r) => r[0] === 4)![1] as number]],
      `<< /Size 10 /Root 1 0 R /Prev ${x1} >>`,
    )
    const pdf = readPdf(w.bytes())
    expect(w.text.length - before).toBeLessThan(300)
    expect(pdf.revisions.length).toBe(3)
    expect(contentOf(pdf, 1)).toBe('Signed text')
    expect(contentOf(pdf, 2)).toBe('Sign me')
    expect(pdf.locate(4, 2)?.revision).toBe(2)
  })

  it('an xref entry whose offset holds another object number resolves to nothing', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    const six = w.obj(6, '(six)')
    w.table([...rows, [6, six], [8, six]], '<< /Size 9 /Root 1 0 R >>')
    const pdf = readPdf(w.bytes())
    expect(pdf.resolve({ num: 6, gen: 0 })).toMatchObject({ kind: 'string' })
    expect(pdf.resolve({ num: 8, gen: 0 })).toBeUndefined()
    expect(pdf.problems.map((p) => p.code)).toContain('format.pdf.object-header-mismatch')
  })

  it('xref streams with object streams; an object stream may not hold itself', () => {
    const w = new PdfWriter()
    const rows: Row[] = [[0, 'f']]
    rows.push([1, w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')])
    rows.push([
      5,
      w.objStm(5, [
        [2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'],
        [3, '<< /Type /Page /Parent 2 0 R /Annots [] >>'],
      ]),
    ])
    rows.push([2, 'c', 5, 0], [3, 'c', 5, 1], [7, 'c', 7, 0], [8, 'c', 5, 0])
    w.xrefStream(6, rows, '/Root 1 0 R')
    const pdf = readPdf(w.bytes())
    expect(pdf.revisions[0]!.xrefKind).toBe('stream')
    expect(pdf.pages().length).toBe(1)
    expect(pdf.locate(3)?.entry).toEqual({ type: 'compressed', stream: 5, index: 1 })
    expect(pdf.resolve({ num: 7, gen: 0 })).toBeUndefined()
    // slot 0 holds object 2, not 8
    expect(pdf.resolve({ num: 8, gen: 0 })).toBeUndefined()
    expect(pdf.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['format.pdf.bad-objstm', 'format.pdf.objstm-mismatch']),
    )
  })

  it('hybrid files read /XRefStm entries into the same revision', () => {
    const w = new PdfWriter()
    const rows: Row[] = [[0, 'f']]
    rows.push([1, w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')])
    rows.push([3, w.obj(3, '<< /Type /Page /Parent 2 0 R >>')])
    const stm = w.objStm(5, [[2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>']])
    const xs = w.xrefStream(
      6,
      [
        [5, stm],
        [2, 'c', 5, 0],
      ],
      '',
      false,
    )
    w.table([...rows, [5, stm]], `<< /Size 7 /Root 1 0 R /XRefStm ${xs} >>`)
    const pdf = readPdf(w.bytes())
    expect(pdf.revisions.length).toBe(1)
    expect(pdf.revisions[0]!.xrefKind).toBe('hybrid')
    expect(pdf.pages().length).toBe(1)
  })

  it('tolerates 19-byte xref entries but flags them', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    const at = w.text.length
    w.raw('xref\n0 5\n0000000000 65535 f\n')
    for (const r of rows.slice(1)) w.raw(`${String(r[1]).padStart(10, '0')} 00000 n\n`)
    w.raw(`trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`)
    const pdf = readPdf(w.bytes())
    expect(pdf.pages().length).toBe(1)
    expect(pdf.problems.map((p) => p.code)).toEqual(['format.pdf.xref-entry-width'])
  })

  it('a wrong /Length is flagged and the data found by endstream; indirect /Length works', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    rows.push([5, w.obj(5, '<< /Length 99 >>\nstream\nabc\nendstream')])
    rows.push([6, w.obj(6, '<< /Length 7 0 R >>\nstream\nxyz!\nendstream')])
    rows.push([7, w.obj(7, '4')])
    w.table(rows, '<< /Size 8 /Root 1 0 R >>')
    const pdf = readPdf(w.bytes())
    const s5 = pdf.resolve({ num: 5, gen: 0 })
    const s6 = pdf.resolve({ num: 6, gen: 0 })
    expect(s5?.kind === 'stream' && pdf.decodeStream(s5).data.length).toBe(3)
    expect(s6?.kind === 'stream' && pdf.decodeStream(s6).data.length).toBe(4)
    expect(pdf.problems.map((p) => p.code)).toEqual(['format.pdf.stream-length'])
  })

  it('an unchained %%EOF and data after the last revision are reported', () => {
    const w = new PdfWriter()
    const x0 = w.table(basicDocument(w), '<< /Size 5 /Root 1 0 R >>')
    w.raw('xref\ntrailer\n<< >>\nstartxref\n12\n%%EOF\n')
    w.table([[4, w.stream(4, '', 'x')]], `<< /Size 5 /Root 1 0 R /Prev ${x0} >>`)
    w.raw('5 0 obj (appended) endobj\n')
    const pdf = readPdf(w.bytes())
    expect(pdf.revisions.length).toBe(2)
    expect(pdf.problems.map((p) => p.code)).toEqual([
      'format.pdf.unchained-revision',
      'format.pdf.trailing-data',
    ])
  })
})

describe('broken appended sections', () => {
  it('an update with a bare xref keyword leaves the readable revisions and is reported', () => {
    const w = new PdfWriter()
    const x0 = w.table(basicDocument(w), '<< /Size 5 /Root 1 0 R >>')
    const end0 = w.text.length
    w.stream(4, '', 'EVIL')
    const at = w.text.length
    w.raw(`xref\ntrailer\n<< /Size 5 /Root 1 0 R /Prev ${x0} /Bad [ >>\nstartxref\n${at}\n%%EOF\n`)
    const pdf = readPdf(w.bytes())
    expect(pdf.revisions.length).toBe(1)
    expect(pdf.revisions[0]!.end).toBe(end0)
    expect(contentOf(pdf)).toContain('Hello')
    expect(pdf.problems.map((p) => p.code)).toEqual([
      'format.pdf.unreadable-xref',
      'format.pdf.trailing-data',
    ])
  })
})

describe('linearized files', () => {
  it('the first-page section and the main section form one revision; updates add more', () => {
    const w = new PdfWriter()
    w.raw('9 0 obj\n<< /Linearized 1 /L 0 >>\nendobj\n')
    const lin = w.text.indexOf('9 0 obj')
    const firstPage = w.text.length
    const mainGuess = firstPage + 400
    w.raw(`xref\n9 1\n${String(lin).padStart(10, '0')} 00000 n\r\n`)
    w.raw(`trailer\n<< /Size 10 /Root 1 0 R /Prev ${mainGuess} >>\nstartxref\n0\n%%EOF\n`)
    const rows = basicDocument(w)
    w.raw(' '.repeat(mainGuess - w.text.length))
    const tableAt = w.text.length
    w.raw('xref\n')
    w.raw('0 5\n0000000000 65535 f\r\n')
    for (const r of rows.slice(1)) w.raw(`${String(r[1]).padStart(10, '0')} 00000 n\r\n`)
    w.raw(`trailer\n<< /Size 5 >>\nstartxref\n${firstPage}\n%%EOF\n`)
    expect(tableAt).toBe(mainGuess)
    const pdf = readPdf(w.bytes())
    expect(pdf.revisions.length).toBe(1)
    expect(pdf.revisions[0]!.startxref).toBe(firstPage)
    expect(pdf.revisions[0]!.end).toBe(w.text.length)
    expect(pdf.objectNumbers()).toEqual([1, 2, 3, 4, 9])
    expect(pdf.problems).toEqual([])
    const before = w.text.length
    w.table([[4, w.stream(4, '', 'UPDATED')]], `<< /Size 10 /Root 1 0 R /Prev ${firstPage} >>`)
    const upd = readPdf(w.bytes())
    expect(upd.revisions.length).toBe(2)
    expect(upd.revisions[0]!.end).toBe(before)
    expect(contentOf(upd, 1)).toBe('UPDATED')
    expect(contentOf(upd, 0)).toContain('Hello')
    expect(upd.problems).toEqual([])
  })

  it('without /Linearized a forward /Prev starts a new revision and is flagged', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    const first = w.text.length
    w.raw(`xref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size 5 /Root 1 0 R /Prev `)
    const patch = w.text.length
    w.raw(`0000000000 >>\nstartxref\n0\n%%EOF\n`)
    const main = w.table(rows, '<< /Size 5 /Root 1 0 R >>')
    w.text = w.text.slice(0, patch) + String(main).padStart(10, '0') + w.text.slice(patch + 10)
    w.raw(`startxref\n${first}\n%%EOF\n`)
    const pdf = readPdf(w.bytes())
    expect(pdf.revisions.length).toBe(2)
    expect(pdf.problems.map((p) => p.code)).toContain('format.pdf.forward-prev')
  })
})
