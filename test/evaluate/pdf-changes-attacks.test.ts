import { describe, expect, it } from 'vitest'
import { evaluatePdfChanges } from '../../src/evaluate/pdf-changes.js'
import type { PdfChangesOptions } from '../../src/evaluate/pdf-changes-types.js'
import { readPdf } from '../../src/formats/pdf/index.js'
import { render } from '../../src/verdict/messages.js'
import { BASE, PdfWriter, baseDocument, page, stream } from '../formats/pdf/diff/pdf-writer.js'

// The base page draws "Sign me to get a reward" in 12 pt Helvetica at (72, 700): the text
// box reaches from about (70, 696) to (376, 713). Signature widget 7 is invisible; text
// field 9 sits at [100 100 300 120].

function judge(w: PdfWriter, signed = 0, opts: PdfChangesOptions = {}) {
  return evaluatePdfChanges(readPdf(w.bytes()), signed, opts)
}

const codes = (r: ReturnType<typeof judge>) => r.findings.map((f) => `${f.code}:${f.status}`)
const finding = (r: ReturnType<typeof judge>, code: string) =>
  r.findings.find((f) => f.code === code)

const WHITE_BOX = 'q 1 g 0 0 100 16 re f Q BT /F1 12 Tf 0 4 Td (You are fired) Tj ET'
const OVER_TEXT = '[72 696 172 712]'
const MARGIN = '[10 740 60 790]'

/** Queues an appearance (object 16) and an annotation (17) listed on the page. */
function annotation(
  w: PdfWriter,
  opts: { rect?: string; subtype?: string; ap?: string | null; extra?: string } = {},
): PdfWriter {
  const { rect = OVER_TEXT, subtype = 'FreeText', ap = WHITE_BOX, extra = '' } = opts
  if (ap !== null) {
    const res = '/Resources << /Font << /F1 5 0 R >> >>'
    w.obj(16, stream(`/Type /XObject /Subtype /Form /BBox [0 0 100 16] ${res}`, ap))
  }
  const apEntry = ap === null ? '' : '/AP << /N 16 0 R >>'
  return w
    .obj(17, `<< /Type /Annot /Subtype /${subtype} /Rect ${rect} /P 3 0 R ${apEntry} ${extra}>>`)
    .obj(3, page('[7 0 R 9 0 R 17 0 R]'))
}

describe('Evil Annotation: annotations over signed content', () => {
  it('refuses a new annotation that paints over the signed text, without DocMDP and at P3', () => {
    for (const opts of [{}, { docMdp: 3 as const }]) {
      const r = judge(annotation(baseDocument()).commit(), 0, opts)
      expect(r.modifications).toBe('disallowed')
      expect(codes(r)).toEqual(['pdf.changes.overlap:failed'])
      const f = finding(r, 'pdf.changes.overlap')!
      expect(f).toMatchObject({
        subIndication: 'FORMAT_FAILURE',
        params: { num: 17, subtype: 'FreeText', page: 1, revision: 1 },
        detail: { change: 'added', over: 'content' },
      })
      expect(render(f, 'en').message).toContain('Evil Annotation')
      expect(render(f, 'zh').message).toContain('FreeText 注释（对象 17）')
    }
  })

  it('names the overlap at P2 too, beside the disallowed annotation', () => {
    const r = judge(annotation(baseDocument()).commit(), 0, { docMdp: 2 })
    expect(codes(r)).toEqual(['pdf.changes.disallowed:failed', 'pdf.changes.overlap:failed'])
  })

  it('allows an annotation in an empty margin, without DocMDP and at P3', () => {
    for (const opts of [{}, { docMdp: 3 as const }]) {
      const r = judge(annotation(baseDocument(), { rect: MARGIN }).commit(), 0, opts)
      expect(r.modifications).toBe('allowed')
      expect(codes(r)).toEqual(['pdf.changes.allowed:passed'])
    }
  })

  it('judges what the appearance paints, not only its rectangle', () => {
    const empty = judge(annotation(baseDocument(), { ap: '' }).commit())
    expect(empty.modifications).toBe('allowed')
    // The rectangle reaches the bottom of the text line (y 680–700, fitted from 16 to 20).
    const rect = '[300 680 400 700]'
    const low = annotation(baseDocument(), { rect, ap: 'q 1 g 0 0 100 8 re f Q' }).commit()
    expect(judge(low).modifications).toBe('allowed')
    const full = annotation(baseDocument(), { rect, ap: 'q 1 g 0 0 100 16 re f Q' }).commit()
    expect(judge(full).modifications).toBe('disallowed')
  })

  it('counts the whole rectangle without an appearance, and honours the hidden flags', () => {
    expect(judge(annotation(baseDocument(), { ap: null }).commit()).modifications).toBe(
      'disallowed',
    )
    const flags = (f: number) =>
      judge(annotation(baseDocument(), { extra: `/F ${f} ` }).commit()).modifications
    expect(flags(2)).toBe('allowed')
    expect(flags(32)).toBe('allowed')
    expect(flags(36)).toBe('disallowed')
    expect(flags(4)).toBe('disallowed')
    const popup = (open: string) =>
      judge(annotation(baseDocument(), { subtype: 'Popup', ap: null, extra: open }).commit())
        .modifications
    expect(popup('')).toBe('allowed')
    expect(popup('/Open true ')).toBe('disallowed')
  })

  it('refuses a new annotation over an annotation of the signed revision', () => {
    const w = annotation(baseDocument(), { rect: MARGIN }).commit()
    w.obj(18, `<< /Type /Annot /Subtype /Stamp /Rect [20 750 40 770] /P 3 0 R >>`)
      .obj(3, page('[7 0 R 9 0 R 17 0 R 18 0 R]'))
      .commit()
    const r = judge(w, 1)
    expect(finding(r, 'pdf.changes.overlap')).toMatchObject({
      params: { num: 18, subtype: 'Stamp' },
      detail: { over: { annotation: 17 } },
    })
  })

  it('refuses filling a form field whose widget lies over signed text, even at P2', () => {
    const w = new PdfWriter()
    for (const [n, body] of Object.entries(BASE)) w.obj(Number(n), body)
    w.obj(9, BASE[9]!.replace('[100 100 300 120]', OVER_TEXT)).commit()
    w.obj(16, stream('/Type /XObject /Subtype /Form /BBox [0 0 100 16]', 'q 1 g 0 0 100 16 re f Q'))
      .obj(9, BASE[9]!.replace('[100 100 300 120]', OVER_TEXT).replace('10 0 R', '16 0 R'))
      .commit()
    const r = judge(w, 0, { docMdp: 2 })
    expect(r.modifications).toBe('disallowed')
    expect(finding(r, 'pdf.changes.overlap')?.params).toMatchObject({ num: 9, subtype: 'Widget' })
  })

  it('leaves signature widgets to the appearance checks, noting one that covers the page', () => {
    const sig = (rect: string) =>
      baseDocument()
        .obj(12, '<< /Type /Sig /ByteRange [0 1 2 3] /Contents <3000> >>')
        .obj(13, `<< /FT /Sig /T (Sig2) /V 12 0 R /Subtype /Widget /Rect ${rect} /P 3 0 R >>`)
        .obj(3, page('[7 0 R 9 0 R 13 0 R]'))
        .obj(8, '<< /Fields [7 0 R 9 0 R 13 0 R] /SigFlags 3 >>')
        .commit()
    expect(codes(judge(sig(OVER_TEXT)))).toEqual(['pdf.changes.allowed:passed'])
    const full = judge(sig('[0 0 600 800]'), 0, { docMdp: 2 })
    expect(full.modifications).toBe('allowed')
    expect(finding(full, 'pdf.changes.large-overlay')).toMatchObject({
      status: 'warning',
      params: { what: 'widget', num: 13, page: 1, percent: 100 },
    })
  })

  it('is indeterminate, never allowed, when the signed page content cannot be read', () => {
    const w = new PdfWriter()
    for (const [n, body] of Object.entries(BASE)) w.obj(Number(n), body)
    w.obj(4, stream('', 'BT /F1 12 Tf 72 700 Td (never closed')).commit()
    const r = judge(annotation(w, { rect: MARGIN }).commit())
    expect(codes(r)).toEqual(['pdf.changes.overlap-unknown:indeterminate'])
    expect(finding(r, 'pdf.changes.overlap-unknown')?.params).toMatchObject({
      num: 17,
      page: 1,
      reason: expect.stringContaining('unterminated string'),
    })
  })
})

describe('Shadow hide by annotation: a covering annotation taken away', () => {
  /** Signed at revision 1 with annotation 17 covering the text. */
  const covered = () => annotation(baseDocument()).commit()

  it('refuses removing it from the page', () => {
    const w = covered().obj(3, page('[7 0 R 9 0 R]')).commit()
    const r = judge(w, 1)
    expect(r.modifications).toBe('disallowed')
    expect(finding(r, 'pdf.changes.overlay-removed')?.params).toMatchObject({
      num: 17,
      subtype: 'FreeText',
      page: 1,
      revision: 2,
    })
  })

  it('refuses emptying its appearance, and notes a change that still covers the text', () => {
    const emptied = judge(covered().obj(16, stream('/BBox [0 0 100 16]', '')).commit(), 1)
    expect(codes(emptied)).toEqual(['pdf.changes.overlay-removed:failed'])
    const comment = covered()
      .obj(
        17,
        `<< /Type /Annot /Subtype /FreeText /Rect ${OVER_TEXT} /P 3 0 R ` +
          '/AP << /N 16 0 R >> /Contents (new) >>',
      )
      .commit()
    expect(codes(judge(comment, 1))).toEqual(['pdf.changes.overlap:failed'])
  })
})

describe('page changes are named by the attack they stand for', () => {
  it('ISA: a content stream added to the page', () => {
    const w = baseDocument()
      .obj(18, stream('', 'BT /F1 12 Tf 72 700 Td (You are fired) Tj ET'))
      .obj(3, page('[7 0 R 9 0 R]').replace('/Contents 4 0 R', '/Contents [4 0 R 18 0 R]'))
      .commit()
    const r = judge(w)
    expect(codes(r)).toContain('pdf.changes.content-added:failed')
    const f = finding(r, 'pdf.changes.content-added')!
    expect(f.params).toEqual({ revision: 1, page: 1, objects: '3, 18' })
    expect(render(f, 'en').message).toContain('(ISA)')
  })

  it('shadow hide: a stream drawn at signing changed or dropped from the page', () => {
    const changed = judge(baseDocument().obj(4, stream('', 'BT ET')).commit())
    expect(finding(changed, 'pdf.changes.content-altered')?.params).toEqual({
      revision: 1,
      page: 1,
      objects: '4',
    })
    const two = page('[7 0 R 9 0 R]').replace('/Contents 4 0 R', '/Contents [4 0 R 11 0 R]')
    const w = baseDocument().obj(3, two).commit().obj(3, page('[7 0 R 9 0 R]')).commit()
    const dropped = judge(w, 1)
    expect(codes(dropped)).toContain('pdf.changes.content-altered:failed')
    expect(finding(dropped, 'pdf.changes.content-altered')?.params?.objects).toBe('3, 11')
  })

  it('shadow replace: a font swapped in place or through the page resources', () => {
    const inPlace = baseDocument()
      .obj(5, '<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>')
      .commit()
    expect(finding(judge(inPlace), 'pdf.changes.resources-swapped')?.params?.objects).toBe('5')
    const byPage = baseDocument()
      .obj(18, '<< /Type /Font /Subtype /Type1 /BaseFont /Symbol >>')
      .obj(3, page('[7 0 R 9 0 R]').replace('/F1 5 0 R', '/F1 18 0 R'))
      .commit()
    const f = finding(judge(byPage), 'pdf.changes.resources-swapped')!
    expect(f.params).toEqual({ revision: 1, page: 1, objects: '3, 18' })
    expect(render(f, 'zh').message).toContain('影子“替换”攻击')
  })

  it('hide-and-replace: a re-pointed content stream is named twice', () => {
    const w = baseDocument()
    w.repoint(4, w.offsetOf(11)).commit()
    const c = codes(judge(w))
    expect(c).toContain('pdf.changes.content-altered:failed')
    expect(c).toContain('pdf.changes.object-number-mismatch:failed')
  })

  it('renders every new finding in Chinese and English', () => {
    const w = annotation(baseDocument()).commit().obj(4, stream('', 'BT ET')).commit()
    const r = judge(w)
    expect(r.findings.length).toBeGreaterThan(2)
    for (const f of r.findings) {
      for (const lang of ['zh', 'en'] as const) {
        expect(render(f, lang).message).not.toMatch(/\{\w+\}|^pdf\./)
      }
    }
  })
})
