import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { YrdError } from '../../../src/errors.js'
import { findSignatures, readPdf } from '../../../src/formats/pdf/index.js'
import {
  basicDocument,
  bytesLatin1,
  deflateBomb,
  latin1Bytes,
  PdfWriter,
  type Row,
} from './build.js'

function codeOf(fn: () => unknown): string {
  try {
    fn()
  } catch (error) {
    if (error instanceof YrdError) return error.code
    throw error
  }
  return 'none'
}

function timed<T>(fn: () => T): T {
  const t = Date.now()
  const out = fn()
  expect(Date.now() - t).toBeLessThan(1000)
  return out
}

describe('hostile files', () => {
  it('a /Prev cycle is cut and reported', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    const at = w.text.length
    w.table(rows, `<< /Size 5 /Root 1 0 R /Prev ${at} >>`)
    const pdf = timed(() => readPdf(w.bytes()))
    expect(pdf.revisions.length).toBe(1)
    expect(pdf.problems.map((p) => p.code)).toEqual(['format.pdf.prev-cycle'])
  })

  it('a two-section xref loop is cut and reported', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    const x0 = w.text.length
    const x1Guess = x0 + 200
    w.table(rows, `<< /Size 5 /Root 1 0 R /Prev ${String(x1Guess).padStart(10, '0')} >>`)
    const pad = x1Guess - w.text.length
    w.raw(' '.repeat(pad))
    w.table([[4, 'f']], `<< /Size 5 /Root 1 0 R /Prev ${x0} >>`)
    const pdf = timed(() => readPdf(w.bytes()))
    expect(pdf.revisions.length).toBe(2)
    expect(pdf.problems.map((p) => p.code)).toContain('format.pdf.prev-cycle')
  })

  it('a deflate bomb stops at the per-stream and total bounds', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    rows.push([5, w.stream(5, '/Filter /FlateDecode', deflateBomb(8 << 20))])
    w.table(rows, '<< /Size 6 /Root 1 0 R >>')
    const tight = readPdf(w.bytes(), { maxStreamOutput: 1 << 20 })
    const s = tight.resolve({ num: 5, gen: 0 })
    expect(s?.kind).toBe('stream')
    if (s?.kind !== 'stream') return
    expect(timed(() => codeOf(() => tight.decodeStream(s)))).toBe('limit.pdf.stream-output')
    const total = readPdf(w.bytes(), { maxTotalOutput: 1 << 20 })
    expect(timed(() => codeOf(() => total.decodeStream(s)))).toBe('limit.pdf.total-output')
    const loose = readPdf(w.bytes())
    expect(loose.decodeStream(s).data.length).toBe(1 + 258 * Math.ceil((8 * 2 ** 20 - 1) / 258))
  })

  it('a deflate bomb past 64 MiB stops at the default bound', { timeout: 30_000 }, () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    rows.push([5, w.stream(5, '/Filter /FlateDecode', deflateBomb(100 << 20))])
    w.table(rows, '<< /Size 6 /Root 1 0 R >>')
    const pdf = readPdf(w.bytes())
    const s = pdf.resolve({ num: 5, gen: 0 })
    expect(s?.kind === 'stream' && codeOf(() => pdf.decodeStream(s))).toBe(
      'limit.pdf.stream-output',
    )
  })

  it('100 000 objects read quickly; past maxObjects a LimitError', () => {
    const w = new PdfWriter()
    const rows: Row[] = basicDocument(w)
    const one = w.obj(5, 'null')
    for (let n = 5; n < 100_000; n++) rows.push([n, one])
    w.table(rows, '<< /Size 100000 /Root 1 0 R >>')
    const bytes = w.bytes()
    const pdf = timed(() => readPdf(bytes))
    expect(pdf.objectNumbers().length).toBe(99_999)
    expect(codeOf(() => readPdf(bytes, { maxObjects: 50_000 }))).toBe('limit.pdf.objects')
  })

  it('a claimed huge subsection or /Index is refused by the object bound', () => {
    const w = new PdfWriter()
    basicDocument(w)
    const at = w.text.length
    w.raw(`xref\n0 2000000\n0000000000 65535 f\r\ntrailer\n<< >>\nstartxref\n${at}\n%%EOF\n`)
    expect(timed(() => codeOf(() => readPdf(w.bytes())))).toBe('limit.pdf.objects')
  })

  it('deep nesting is refused with a LimitError', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    rows.push([5, w.obj(5, '['.repeat(100_000) + ']'.repeat(100_000))])
    w.table(rows, '<< /Size 6 /Root 1 0 R >>')
    const pdf = readPdf(w.bytes())
    expect(timed(() => codeOf(() => pdf.resolve({ num: 5, gen: 0 })))).toBe('limit.pdf.depth')
  })

  it('a page tree cycle ends', () => {
    const w = new PdfWriter()
    const rows: Row[] = [[0, 'f']]
    rows.push([1, w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')])
    rows.push([2, w.obj(2, '<< /Type /Pages /Kids [3 0 R 2 0 R] >>')])
    rows.push([3, w.obj(3, '<< /Type /Pages /Kids [2 0 R 4 0 R] >>')])
    rows.push([4, w.obj(4, '<< /Type /Page >>')])
    w.table(rows, '<< /Size 5 /Root 1 0 R >>')
    expect(timed(() => readPdf(w.bytes()).pages().length)).toBe(1)
  })

  it('a reference chain is bounded', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    for (let n = 5; n < 100; n++) rows.push([n, w.obj(n, `${n + 1} 0 R`)])
    rows.push([100, w.obj(100, '5 0 R')])
    w.table(rows, '<< /Size 101 /Root 1 0 R >>')
    const pdf = readPdf(w.bytes())
    expect(pdf.deref({ kind: 'ref', ref: { num: 5, gen: 0 } })).toBeUndefined()
    expect(pdf.problems.map((p) => p.code)).toContain('format.pdf.ref-chain')
  })

  it('truncated and garbage files give typed errors', () => {
    const w = new PdfWriter()
    w.table(basicDocument(w), '<< /Size 5 /Root 1 0 R >>')
    const whole = w.bytes()
    expect(codeOf(() => readPdf(whole.subarray(0, whole.length - 30)))).toBe(
      'format.pdf.no-startxref',
    )
    expect(codeOf(() => readPdf(new Uint8Array(0)))).toBe('format.pdf.no-startxref')
    expect(codeOf(() => readPdf(latin1Bytes('startxref\n99999\n%%EOF')))).toBe(
      'format.pdf.bad-startxref',
    )
    expect(codeOf(() => readPdf(whole, { maxFileSize: 100 }))).toBe('limit.pdf.file-size')
  })

  it('any mutation of a small PDF is read or refused with a typed error', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    rows.push([5, w.obj(5, '<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >>')])
    rows.push([6, w.objStm(7, [[8, '<< /FT /Sig /V 5 0 R >>']])])
    w.table(rows, '<< /Size 9 /Root 1 0 R >>')
    const base = w.text
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(base.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (edits) => {
          const b = latin1Bytes(base)
          for (const [at, v] of edits) b[at] = v
          try {
            const pdf = readPdf(b)
            findSignatures(pdf)
            for (const n of pdf.objectNumbers()) {
              const o = pdf.resolve({ num: n, gen: 0 })
              if (o?.kind === 'stream') pdf.decodeStream(o)
            }
            pdf.pages()
          } catch (error) {
            if (!(error instanceof YrdError)) throw error
          }
        },
      ),
      { numRuns: 300 },
    )
    expect(bytesLatin1(latin1Bytes(base))).toBe(base)
  })
})

describe('hostile files, search work', () => {
  it('many streams with a wrong /Length share one endstream search', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    for (let n = 5; n < 20_005; n++) {
      rows.push([n, w.obj(n, '<< /Length 999999 >>\nstream\nx')])
    }
    w.raw(`${' '.repeat(1 << 20)}endstream\n`)
    w.table(rows, '<< /Size 20005 /Root 1 0 R >>')
    const pdf = readPdf(w.bytes())
    const t = Date.now()
    let streams = 0
    for (let n = 5; n < 20_005; n++)
      if (pdf.resolve({ num: n, gen: 0 })?.kind === 'stream') streams++
    expect(Date.now() - t).toBeLessThan(1000)
    expect(streams).toBe(20_000)
    expect(pdf.problems.length).toBe(1001)
    expect(pdf.problems[1000]!.code).toBe('limit.pdf.problems')
  })

  it('many startxref statements without %%EOF stay linear', () => {
    const body = `startxref\n1\n${' '.repeat(20)}`.repeat(50_000)
    const t = Date.now()
    expect(() => readPdf(latin1Bytes(body + '%%EOF'))).toThrow()
    expect(Date.now() - t).toBeLessThan(1000)
  })
})

describe('hostile files, self reference', () => {
  it('an object stream whose /Length lives inside itself resolves without looping', () => {
    const w = new PdfWriter()
    const rows = basicDocument(w)
    const at = w.text.length
    w.raw(
      '5 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Length 6 0 R >>\nstream\n6 0 9\nendstream\nendobj\n',
    )
    rows.push([5, at], [6, 'c', 5, 0])
    w.xrefStream(7, rows, '/Root 1 0 R /Encrypt << >>')
    const pdf = readPdf(w.bytes())
    const t = Date.now()
    expect(pdf.resolve({ num: 6, gen: 0 })).toEqual({ kind: 'number', value: 9 })
    expect(Date.now() - t).toBeLessThan(1000)
    expect(pdf.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining([
        'format.pdf.encrypted',
        'format.pdf.resolve-loop',
        'format.pdf.stream-length',
      ]),
    )
  })

  it('random bytes around PDF keywords never escape as untyped errors', () => {
    const words = ['startxref', '%%EOF', 'xref', 'trailer', '<<', '>>', '/Prev', '0 0 obj', ' ']
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...words), fc.nat(99_999).map(String)), {
          maxLength: 60,
        }),
        (parts) => {
          try {
            const pdf = readPdf(latin1Bytes(parts.join('\n')))
            findSignatures(pdf)
            pdf.pages()
          } catch (error) {
            if (!(error instanceof YrdError)) throw error
          }
        },
      ),
      { numRuns: 500 },
    )
  })
})
