import { describe, expect, it } from 'vitest'
import { evaluatePdfChanges } from '../../src/evaluate/pdf-changes.js'
import { fieldLocks } from '../../src/evaluate/pdf-mdp.js'
import type { PdfChangesOptions } from '../../src/evaluate/pdf-changes-types.js'
import { readPdf } from '../../src/formats/pdf/index.js'
import { render } from '../../src/verdict/messages.js'
import { BASE, baseDocument, page, PdfWriter, stream } from '../formats/pdf/diff/pdf-writer.js'

function judge(w: PdfWriter, signed = 0, opts: PdfChangesOptions = {}) {
  return evaluatePdfChanges(readPdf(w.bytes()), signed, opts)
}

function codes(r: ReturnType<typeof judge>) {
  return r.findings.map((f) => `${f.code}:${f.status}`)
}

/** Adds a second signature (sig dict 12, field/widget 13) in a new revision. */
function addSignature(w: PdfWriter, rect = '[0 0 0 0]', sig = '/Type /Sig') {
  return w
    .obj(12, `<< ${sig} /ByteRange [0 1 2 3] /Contents <3000> >>`)
    .obj(13, `<< /FT /Sig /T (Sig2) /V 12 0 R /Subtype /Widget /Rect ${rect} /P 3 0 R >>`)
    .obj(3, page('[7 0 R 9 0 R 13 0 R]'))
    .obj(8, '<< /Fields [7 0 R 9 0 R 13 0 R] /SigFlags 3 >>')
    .commit()
}

function fillName(w: PdfWriter) {
  return w
    .obj(16, stream('/Type /XObject /Subtype /Form /BBox [0 0 200 20]', 'BT (Bob) Tj ET'))
    .obj(9, BASE_NAME.replace('(Alice)', '(Bob)').replace('10 0 R', '16 0 R'))
    .commit()
}
const BASE_NAME =
  '<< /FT /Tx /T (Name) /V (Alice) /Subtype /Widget /Rect [100 100 300 120] /P 3 0 R ' +
  '/AP << /N 10 0 R >> >>'

function addFreeText(w: PdfWriter, rect = '[50 50 100 100]') {
  return w
    .obj(17, `<< /Type /Annot /Subtype /FreeText /Rect ${rect} /Contents (x) /P 3 0 R >>`)
    .obj(3, page('[7 0 R 9 0 R 17 0 R]'))
    .commit()
}

describe('evaluatePdfChanges', () => {
  it('reports no modification when the signed revision is the last', () => {
    const r = judge(baseDocument())
    expect(r.modifications).toBe('none')
    expect(codes(r)).toEqual(['pdf.changes.none:passed'])
    expect(r.changedObjects).toEqual([])
  })

  it('reports no modification when a later revision rewrites identical objects', () => {
    const w = baseDocument()
    const r = judge(w.obj(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>').commit())
    expect(r.modifications).toBe('none')
  })

  it('allows a new signature without DocMDP and at P2, refuses it at P1', () => {
    const free = judge(addSignature(baseDocument()))
    expect(free.modifications).toBe('allowed')
    expect(new Set(free.changedObjects.map((c) => c.kind))).toEqual(new Set(['signature']))
    expect(free.changedObjects.map((c) => c.num).sort((a, b) => a - b)).toEqual([3, 8, 12, 13])
    expect(judge(addSignature(baseDocument()), 0, { docMdp: 2 }).modifications).toBe('allowed')
    const p1 = judge(addSignature(baseDocument()), 0, { docMdp: 1 })
    expect(p1.modifications).toBe('disallowed')
    expect(p1.findings[0]).toMatchObject({
      code: 'pdf.changes.disallowed',
      params: { kind: 'signature', objects: '3, 8, 12, 13', pages: '1' },
    })
  })

  it('allows a document time-stamp and a DSS at P1', () => {
    const w = baseDocument()
      .obj(14, `<< /Certs [15 0 R] /VRI << /ABCD << /Cert [15 0 R] >> >> >>`)
      .obj(15, stream('', '0123'))
      .obj(1, '<< /Type /Catalog /Pages 2 0 R /AcroForm 8 0 R /DSS 14 0 R >>')
      .commit()
    addSignature(w, '[0 0 0 0]', '/Type /DocTimeStamp /SubFilter /ETSI.RFC3161')
    const r = judge(w, 0, { docMdp: 1 })
    expect(r.modifications).toBe('allowed')
    expect(new Set(r.changedObjects.map((c) => c.kind))).toEqual(new Set(['lta']))
    expect(codes(r)).toEqual(['pdf.changes.allowed:passed'])
  })

  it('allows form filling at P2 and refuses it at P1', () => {
    const p2 = judge(fillName(baseDocument()), 0, { docMdp: 2 })
    expect(p2.modifications).toBe('allowed')
    expect(p2.changedObjects.map((c) => [c.num, c.kind, c.change])).toEqual([
      [9, 'form-fill', 'changed'],
      [16, 'form-fill', 'added'],
    ])
    const p1 = judge(fillName(baseDocument()), 0, { docMdp: 1 })
    expect(p1.modifications).toBe('disallowed')
    expect(p1.findings[0]?.params).toMatchObject({ kind: 'form-fill', objects: '9, 16' })
  })

  it('a fill whose appearance lies over what the signed page draws is refused, even at P2', () => {
    // Known cost of refusing form-field overlays (shadow replace): the field's own underline
    // is signed content too, so a fill over it is refused like an opaque box over text would
    // be. Telling the two apart needs paint order and opacity, which the area does not keep.
    const underlined = () => {
      const w = new PdfWriter()
      const content = 'BT /F1 12 Tf 72 700 Td (Sign me) Tj ET 100 101 m 300 101 l S'
      for (const [num, body] of Object.entries({ ...BASE, 4: stream('', content) })) {
        w.obj(Number(num), body)
      }
      return w.commit()
    }
    const filled = judge(fillName(underlined()), 0, { docMdp: 2 })
    expect(filled.modifications).toBe('disallowed')
    expect(codes(filled)).toContain('pdf.changes.overlap:failed')
    // Without the underline the same fill is plain form filling.
    expect(judge(fillName(baseDocument()), 0, { docMdp: 2 }).modifications).toBe('allowed')
  })

  it('refuses a fill whose new appearance uncovers what the signed one hid (shadow hide)', () => {
    // At signing the field's appearance is a white box over the page's text.
    const w = new PdfWriter()
    const over = BASE_NAME.replace('[100 100 300 120]', '[60 690 260 710]')
    const white = stream('/Type /XObject /Subtype /Form /BBox [0 0 200 20]', '1 g 0 0 200 20 re f')
    for (const [num, body] of Object.entries({ ...BASE, 9: over, 10: white })) {
      w.obj(Number(num), body)
    }
    w.commit()
    const small = stream('/Type /XObject /Subtype /Form /BBox [0 0 200 20]', '')
    w.obj(16, small).obj(9, over.replace('(Alice)', '(Bob)').replace('10 0 R', '16 0 R')).commit()
    expect(codes(judge(w, 0, { docMdp: 2 }))).toContain('pdf.changes.overlay-removed:failed')
  })

  it('refuses filling a field locked by FieldMDP', () => {
    const lock = { action: 'Include' as const, fields: ['Name'] }
    const r = judge(fillName(baseDocument()), 0, { docMdp: 2, fieldLocks: [lock] })
    expect(r.modifications).toBe('disallowed')
    expect(r.findings.find((f) => f.code === 'pdf.changes.field-locked')?.params).toMatchObject({
      field: 'Name',
      objects: '9, 16',
    })
    const other = { action: 'Exclude' as const, fields: ['Name'] }
    const ok = judge(fillName(baseDocument()), 0, { docMdp: 2, fieldLocks: [other] })
    expect(ok.modifications).toBe('allowed')
  })

  it('matches a FieldMDP lock to its field however the name is encoded', () => {
    // The lock's /Fields entry and the field's /T hold the same bytes, read the same way.
    const names = [
      '<EFBBBF4E616D65>', // UTF-8 with its byte order mark
      '(\\215Name\\216)', // PDFDocEncoding quotation marks
      '<FEFFD8004E>', // UTF-16BE with an unpaired surrogate
      `(${'N'.repeat(250)})`, // longer than a signature field's shown value
    ]
    const judged = names.map((name) => {
      const named = (body: string) => body.replace('/T (Name)', `/T ${name}`)
      const w = new PdfWriter()
      for (const [num, body] of Object.entries(BASE)) w.obj(Number(num), named(body))
      w.obj(
        12,
        '<< /Type /Sig /Reference [<< /TransformMethod /FieldMDP /TransformParams ' +
          `<< /Action /Include /Fields [${name}] >> >>] >>`,
      ).commit()
      w.obj(16, stream('/Type /XObject /Subtype /Form /BBox [0 0 200 20]', 'BT (Bob) Tj ET'))
      w.obj(9, named(BASE_NAME).replace('(Alice)', '(Bob)').replace('10 0 R', '16 0 R')).commit()
      const pdf = readPdf(w.bytes())
      const sig = pdf.resolve({ num: 12, gen: 0 }, 0)
      if (sig?.kind !== 'dict') throw new Error('no signature dictionary')
      const locks = fieldLocks(pdf, sig.entries, undefined, 0)
      return evaluatePdfChanges(pdf, 0, { docMdp: 2, fieldLocks: locks }).modifications
    })
    expect(judged).toEqual(names.map(() => 'disallowed'))
  })

  it('allows an annotation at P3 and without DocMDP, refuses it at P2', () => {
    expect(judge(addFreeText(baseDocument()), 0, { docMdp: 3 }).modifications).toBe('allowed')
    expect(judge(addFreeText(baseDocument())).modifications).toBe('allowed')
    const p2 = judge(addFreeText(baseDocument()), 0, { docMdp: 2 })
    expect(p2.modifications).toBe('disallowed')
    expect(p2.findings[0]?.params).toMatchObject({
      kind: 'annotation',
      objects: '3, 17',
      pages: '1',
    })
  })

  it('refuses replaced page content at every level', () => {
    for (const docMdp of [undefined, 1, 2, 3] as const) {
      const w = baseDocument().obj(4, stream('', 'BT (Other text) Tj ET')).commit()
      const r = judge(w, 0, docMdp ? { docMdp } : {})
      expect(r.modifications).toBe('disallowed')
      expect(r.changedObjects).toEqual([
        {
          num: 4,
          kind: 'other',
          change: 'changed',
          revision: 1,
          page: 1,
          reason: 'page content or resources',
        },
      ])
    }
  })

  it('names an xref-only update that re-points page content to an older body', () => {
    const w = baseDocument()
    const fired = w.offsetOf(4)
    w.obj(4, stream('', 'BT (Sign me) Tj ET')).commit()
    const bytes = w.bytes().length
    w.repoint(4, fired).commit()
    expect(w.bytes().length - bytes).toBeLessThan(300)
    const r = judge(w, 1)
    expect(r.modifications).toBe('disallowed')
    expect(codes(r)).toContain('pdf.changes.xref-repointed:failed')
    const f = r.findings.find((x) => x.code === 'pdf.changes.xref-repointed')
    expect(f?.params).toEqual({ revision: 2, objects: '4' })
    expect(render(f!, 'en').message).toContain('shadow hide-and-replace')
  })

  it('flags an xref entry that points at the body of another object', () => {
    const w = baseDocument()
    w.repoint(4, w.offsetOf(11)).commit()
    const r = judge(w)
    expect(r.modifications).toBe('disallowed')
    const f = r.findings.find((x) => x.code === 'pdf.changes.object-number-mismatch')
    expect(f?.params).toMatchObject({ revision: 1, num: 4, declared: 11 })
  })

  it('refuses a swapped font, by object or by page resources', () => {
    const w = baseDocument().obj(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>').commit()
    const r = judge(w, 0, { docMdp: 3 })
    expect(r.modifications).toBe('disallowed')
    expect(r.changedObjects[0]).toMatchObject({ num: 5, kind: 'other', page: 1 })
    const v = baseDocument()
      .obj(18, '<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>')
      .obj(3, page('[7 0 R 9 0 R]').replace('/F1 5 0 R', '/F1 18 0 R'))
      .commit()
    const s = judge(v)
    expect(s.modifications).toBe('disallowed')
    expect(s.findings[0]?.params).toMatchObject({ kind: 'other', objects: '3, 18' })
    expect(String(s.findings[0]?.params?.reasons)).toContain('page entry /Resources changed')
  })

  it('notes a new signature widget that covers the page; refuses an annotation over others', () => {
    const r = judge(addSignature(baseDocument(), '[0 0 600 800]'), 0, { docMdp: 2 })
    expect(r.modifications).toBe('allowed')
    const f = r.findings.find((x) => x.code === 'pdf.changes.large-overlay')
    expect(f).toMatchObject({ status: 'warning', params: { what: 'widget', num: 13, page: 1 } })
    expect(f?.params?.percent).toBe(100)
    // Below the text line, but over the signed text field's widget [100 100 300 120].
    const a = judge(addFreeText(baseDocument(), '[0 0 600 500]'), 0, { docMdp: 3 })
    expect(a.modifications).toBe('disallowed')
    expect(a.findings.find((x) => x.code === 'pdf.changes.overlap')).toMatchObject({
      status: 'failed',
      params: { num: 17, subtype: 'FreeText', page: 1 },
      detail: { over: { annotation: 9 } },
    })
    const small = judge(addSignature(baseDocument(), '[0 0 300 800]'))
    expect(small.findings.some((x) => x.code === 'pdf.changes.large-overlay')).toBe(false)
    const margin = judge(addFreeText(baseDocument(), '[0 0 600 90]'))
    expect(margin.findings.map((x) => x.code)).toEqual(['pdf.changes.allowed'])
  })

  it('refuses a redefined signature dictionary', () => {
    const w = baseDocument()
      .obj(
        6,
        '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached ' +
          '/ByteRange [0 10 20 10] /Contents <3000> /Reason (Forged) >>',
      )
      .commit()
    const r = judge(w)
    expect(r.modifications).toBe('disallowed')
    expect(codes(r)).toContain('pdf.changes.signature-redefined:failed')
  })

  it('refuses a signed revision that does not exist', () => {
    const r = judge(baseDocument(), 3)
    expect(r.modifications).toBe('disallowed')
    expect(codes(r)).toEqual(['pdf.changes.revision:failed'])
  })

  it('renders every finding in Chinese and English', () => {
    const r = judge(addFreeText(fillName(baseDocument())), 0, { docMdp: 1 })
    for (const f of r.findings) {
      for (const lang of ['zh', 'en'] as const) {
        expect(render(f, lang).message).not.toMatch(/\{\w+\}|^pdf\./)
      }
    }
  })
})
