import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { stampPng } from '../../fixtures/make/png.js'
import { evaluatePdfAppearances } from '../../src/evaluate/pdf-appearance.js'
import { findSignatures, readPdf } from '../../src/formats/pdf/index.js'
import { rasterDigest } from '../../src/images/compare.js'
import { decodePng } from '../../src/images/png-decode.js'
import { looksLikeSeal } from '../../src/images/seal-like.js'
import type { Finding } from '../../src/verdict/messages.js'
import { aggregate } from '../../src/verdict/aggregate.js'
import { render } from '../../src/verdict/messages.js'
import { writeJpeg } from '../images/jpeg-writer.js'
import { alphaOf, buildPdf, flate, rgbOf, type Body } from '../formats/pdf/appearance/build-pdf.js'
import { SHARED } from '../shared-dir.js'

const SAMPLES = `${SHARED}/samples/pdf/`

function evaluateFile(bytes: Uint8Array) {
  const pdf = readPdf(bytes)
  const signatures = findSignatures(pdf)
  return { signatures, result: evaluatePdfAppearances(pdf, signatures) }
}

const codes = (fs: readonly Finding[]) => fs.map((f) => `${f.code}:${f.status}`)

describe('evaluatePdfAppearances on the sample PDFs', () => {
  it('extracts the three signature pictures of the PAdES-LT sample, drawn through /FRM /n2', () => {
    const { signatures, result } = evaluateFile(readFileSync(`${SAMPLES}dss-pades-lt-xrefstm.pdf`))
    expect(signatures).toHaveLength(4)
    const sizes = [...result.perSignature.values()].map((s) =>
      s.pictures.map((p) => `${p.format} ${p.width}x${p.height}`),
    )
    expect(sizes).toEqual([['png 461x312'], ['png 300x288'], [], ['png 461x376']])
    const first = result.perSignature.get(0)!
    expect(first.findings[0]).toMatchObject({
      code: 'pdf.appearance.picture',
      status: 'passed',
      detail: { path: 'FRM/n2/img1' },
    })
    expect(decodePng(first.pictures[0]!.data).width).toBe(461)
    // a decoded raster's digest is that of its pixels, and its PNG carries the same pixels
    expect(first.pictures[0]!.sha256).toBe(rasterDigest(decodePng(first.pictures[0]!.data)))
    expect(first.shown[0]!.raster?.width).toBe(461)
    expect(codes(result.perSignature.get(2)!.findings)).toEqual(['pdf.appearance.invisible:passed'])
    expect(codes(result.findings)).toEqual(['pdf.appearance.no-unbound-seal:passed'])
  })

  it('reports a text-only appearance, missing appearances and invisible signatures', () => {
    const pades = evaluateFile(readFileSync(`${SAMPLES}dss-pades-b-original.pdf`)).result
    expect(codes(pades.perSignature.get(0)!.findings)).toEqual(['pdf.appearance.no-picture:passed'])
    const signpdf = evaluateFile(readFileSync(`${SAMPLES}signpdf-signed-twice.pdf`)).result
    expect(codes(signpdf.perSignature.get(1)!.findings)).toEqual(['pdf.appearance.missing:warning'])
    for (const f of [
      'dss-two-sigs-incsave.pdf',
      'pyhanko-ecdsa-signed-twice.pdf',
      'pyhanko-no-signed-attrs.pdf',
    ]) {
      const r = evaluateFile(readFileSync(SAMPLES + f)).result
      for (const s of r.perSignature.values()) {
        expect(s.pictures).toEqual([])
        expect(codes(s.findings)).toEqual(['pdf.appearance.invisible:passed'])
      }
      expect(codes(r.findings)).toEqual(['pdf.appearance.no-unbound-seal:passed'])
    }
  })
})

describe('evaluatePdfAppearances on the PDF fixtures', () => {
  const dir = 'fixtures/pdf/'
  const licences = readdirSync(dir).filter((f) => /^3[1-4]0000-licence-.*\.pdf$/.test(f))

  it('shows the seal picture of every licence, with no image-only seal', () => {
    expect(licences.length).toBeGreaterThanOrEqual(12)
    for (const f of licences) {
      const { result } = evaluateFile(readFileSync(dir + f))
      const pictures = [...result.perSignature.values()].flatMap((s) => s.pictures)
      expect(pictures.length, f).toBeGreaterThanOrEqual(1)
      expect(looksLikeSeal(decodePng(pictures[0]!.data)).sealLike, f).toBe(true)
      expect(codes(result.findings), f).toEqual(['pdf.appearance.no-unbound-seal:passed'])
    }
  })

  it('flags the image-only seal and the sneaky full-page widget fixtures', () => {
    const imageOnly = evaluateFile(readFileSync(`${dir}image-only-seal.pdf`)).result
    expect(codes(imageOnly.findings)).toContain('policy.image-only-seal:failed')
    const sneaky = evaluateFile(readFileSync(`${dir}sneaky-full-page-widget.pdf`)).result
    const all = [...sneaky.perSignature.values()].flatMap((s) => codes(s.findings))
    expect(all).toContain('pdf.appearance.full-page-widget:failed')
  })
})

/** The red round stamp as an RGB image stream with an SMask (objects `num` and `num + 1`). */
function stampImage(num: number, label = '310000123'): Body[] {
  const r = decodePng(stampPng({ label }))
  const head = `<< /Type /XObject /Subtype /Image /Width ${r.width} /Height ${r.height}`
  const dict = `${head} /ColorSpace /DeviceRGB /BitsPerComponent 8 /SMask ${num + 1} 0 R >>`
  const mask = `${head} /ColorSpace /DeviceGray /BitsPerComponent 8 >>`
  return [flate(dict, rgbOf(r.rgba)), flate(mask, alphaOf(r.rgba))]
}

interface DocOptions {
  /** Content of the page. */
  readonly pageContent?: string
  /** Widget rectangle. */
  readonly rect?: string
  /** Whether the signature appearance draws the stamp (through /FRM → /n2 → /Im0). */
  readonly stampInWidget?: boolean
  /** An extra annotation object text (object 12) listed in the page's /Annots. */
  readonly annotation?: string
  /** Object 13, free for the annotation's appearance. */
  readonly extra?: Body
}

/**
 * 1 catalog, 2 pages, 3 page, 4 signature field/widget, 5 sig dict, 6 page content,
 * 7 widget appearance (/FRM), 8 inner form (/n2), 9–10 stamp image + mask, 11 spare form,
 * 12 optional annotation, 13 optional extra object.
 */
function doc(o: DocOptions = {}): Uint8Array {
  const annots = o.annotation ? '[4 0 R 12 0 R]' : '[4 0 R]'
  const objects: Body[] = [
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>',
    `<< /Type /Page /Parent 2 0 R /Contents 6 0 R /Annots ${annots} ` +
      '/Resources << /XObject << /Seal 9 0 R /Spare 11 0 R >> >> >>',
    '<< /FT /Sig /T (Seal1) /Type /Annot /Subtype /Widget /F 4 ' +
      `/Rect ${o.rect ?? '[400 100 500 200]'} /P 3 0 R /V 5 0 R /AP << /N 7 0 R >> >>`,
    '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 1 2 ' +
      '3] /Contents <3082> >>',
    flate('<< >>', o.pageContent ?? 'BT /F1 12 Tf 72 720 Td (Licence) Tj ET'),
    flate(
      '<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /FRM 8 ' +
        '0 R >> >> >>',
      'q /FRM Do Q',
    ),
    flate(
      '<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /n2 11 ' +
        '0 R >> >> >>',
      'q /n2 Do Q',
    ),
    ...stampImage(9),
    flate(
      '<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /Im0 9 ' +
        '0 R /Loop 11 0 R >> >> >>',
      o.stampInWidget === false ? 'q /Loop Do Q' : 'q 100 0 0 100 0 0 cm /Im0 Do Q /Loop Do',
    ),
    o.annotation ?? '<< >>',
    o.extra ?? '<< >>',
  ]
  return buildPdf(objects)
}

/** Rebuilds `text` (a buildPdf output) with object 12 replaced by `body`. */
function buildFrom(text: string, body: Body): Uint8Array {
  return appendObjects(text, 12, [body])
}

/**
 * Rebuilds the document of `text` with objects numbered from `first` replaced or added: the
 * object bodies of `text` are recovered from its `N 0 obj` sections.
 */
function appendObjects(text: string, first: number, extra: readonly Body[]): Uint8Array {
  const bodies: Body[] = []
  const re = /(\d+) 0 obj\n([\s\S]*?)\nendobj\n/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2]!
    const at = body.indexOf('\nstream\n')
    if (at < 0) {
      bodies.push(body)
      continue
    }
    const dict = body.slice(0, at).replace(/ \/Length \d+ >>$/, ' >>')
    const data = body.slice(at + 8, body.length - '\nendstream'.length)
    bodies.push({ dict, data: new Uint8Array(Buffer.from(data, 'latin1')) })
  }
  const all = bodies.slice(0, first - 1)
  while (all.length < first - 1) all.push('<< >>')
  return buildPdf([...all, ...extra, ...bodies.slice(first - 1 + extra.length)])
}

describe('evaluatePdfAppearances on hand-built PDFs', () => {
  it('finds the stamp through nested forms and a form that draws itself, and binds it', () => {
    const { result } = evaluateFile(doc({ pageContent: 'q 100 0 0 100 400 100 cm /Seal Do Q' }))
    const sig = result.perSignature.get(0)!
    expect(sig.pictures).toHaveLength(1)
    expect(sig.pictures[0]).toMatchObject({ format: 'png', width: 96, height: 96 })
    expect(sig.findings[0]).toMatchObject({ detail: { path: 'FRM/n2/Im0' } })
    const shown = decodePng(sig.pictures[0]!.data).rgba
    const original = decodePng(stampPng({ label: '310000123' })).rgba
    expect(Buffer.from(alphaOf(shown)).equals(Buffer.from(alphaOf(original)))).toBe(true)
    // the image samples are the stamp flattened on white; the soft mask restores the alpha
    const samples = rgbOf(shown.map((v, i) => (i % 4 === 3 ? 255 : v)))
    expect(Buffer.from(samples).equals(Buffer.from(rgbOf(original)))).toBe(true)
    // the page draws the same image object: it is bound to the signature
    expect(codes(result.findings)).toEqual(['pdf.appearance.no-unbound-seal:passed'])
  })

  it('flags a red stamp drawn by page content that no signature binds (image-only seal)', () => {
    const { result } = evaluateFile(
      doc({ stampInWidget: false, pageContent: 'q 100 0 0 100 400 100 cm /Seal Do Q' }),
    )
    expect(result.perSignature.get(0)!.pictures).toEqual([])
    const f = result.findings.find((x) => x.code === 'policy.image-only-seal')
    expect(f).toMatchObject({ status: 'failed', params: { page: 1, name: 'Seal' } })
    const outcome = aggregate(result.findings.map((x) => render(x, 'en')))
    expect(outcome).toEqual({ status: 'rejected', indication: 'TOTAL_PASSED', subIndication: null })
    expect(render(f!, 'zh').message).toContain('不予互认')
  })

  it('flags a red stamp drawn as a JPEG (DCTDecode) picture', () => {
    const seal = decodePng(stampPng({ label: '310000123' }))
    const jpeg = {
      dict:
        '<< /Type /XObject /Subtype /Image /Width 96 /Height 96 /ColorSpace /DeviceRGB ' +
        '/BitsPerComponent 8 /Filter /DCTDecode >>',
      data: writeJpeg(seal, { quality: 80, subsample: 2 }),
    }
    const bytes = doc({ stampInWidget: false, pageContent: '/J Do' })
    const text = Buffer.from(bytes).toString('latin1').replace('/Spare 11 0 R', '/J 13 0 R')
    const { result } = evaluateFile(appendObjects(text, 13, [jpeg]))
    expect(codes(result.findings)).toEqual(['policy.image-only-seal:failed'])
  })

  it('flags a red stamp shown by a Stamp annotation', () => {
    const annotation =
      '<< /Type /Annot /Subtype /Stamp /Rect [10 10 110 110] /AP << /N 13 0 R >> >>'
    const extra = flate(
      '<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] /Resources << /XObject << /S 9 0 ' +
        'R >> >> >>',
      '/S Do',
    )
    const { result } = evaluateFile(doc({ stampInWidget: false, annotation, extra }))
    expect(result.findings.find((x) => x.code === 'policy.image-only-seal')).toMatchObject({
      detail: { source: 'annotation' },
    })
  })

  it('does not flag a stamp that the page merely lists without drawing it', () => {
    const { result } = evaluateFile(doc({ stampInWidget: false }))
    expect(codes(result.findings)).toEqual(['pdf.appearance.no-unbound-seal:passed'])
  })

  it('flags a widget covering more than half of the page as FORMAT_FAILURE', () => {
    const { result } = evaluateFile(doc({ rect: '[0 0 595 842]' }))
    const f = result.perSignature
      .get(0)!
      .findings.find((x) => x.code === 'pdf.appearance.full-page-widget')
    expect(f).toMatchObject({
      status: 'failed',
      subIndication: 'FORMAT_FAILURE',
      params: { field: 'Seal1', page: 1, percent: 100 },
    })
    const half = evaluateFile(doc({ rect: '[0 0 595 421]' })).result.perSignature.get(0)!
    expect(half.findings.some((x) => x.code === 'pdf.appearance.full-page-widget')).toBe(false)
    const most = evaluateFile(doc({ rect: '[0 0 595 430]' })).result.perSignature.get(0)!
    expect(most.findings.some((x) => x.code === 'pdf.appearance.full-page-widget')).toBe(true)
  })

  it('turns an undecodable picture into a warning, never an exception', () => {
    const bytes = doc({ pageContent: 'q /Seal Do Q' })
    const text = Buffer.from(bytes).toString('latin1')
    // break the stamp's image data: the declared width no longer fits the samples
    const broken = Buffer.from(
      text.replace(
        '/Width 96 /Height 96 /ColorSpace /DeviceRGB',
        '/Width 97 /Height 96 /ColorSpace /DeviceRGB',
      ),
      'latin1',
    )
    const { result } = evaluateFile(new Uint8Array(broken))
    expect(codes(result.perSignature.get(0)!.findings)).toContain(
      'pdf.appearance.image-unreadable:warning',
    )
  })

  it('binds a copy of the signature picture in another object by its digest', () => {
    // object 13 is a second image object with the same pixels (and the same soft mask)
    const [copy] = stampImage(9)
    const bytes = doc({ pageContent: 'q /Copy Do Q' })
    const text = Buffer.from(bytes).toString('latin1').replace('/Spare 11 0 R', '/Copy 13 0 R')
    const { result } = evaluateFile(appendObjects(text, 13, [copy!]))
    const page = result.findings[0]!
    expect(page.params).toMatchObject({ images: 1 })
    expect(result.perSignature.get(0)!.pictures).toHaveLength(1)
    expect(codes(result.findings)).toEqual(['pdf.appearance.no-unbound-seal:passed'])
  })

  it('does not flag a page picture that is not seal-like, and counts JPEGs as not analysed', () => {
    const blue = new Uint8Array(64 * 64 * 3)
    for (let i = 0; i < 64 * 64; i++) blue.set([16, 48, 208], i * 3)
    const photo = flate(
      '<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceRGB ' +
        '/BitsPerComponent 8 >>',
      blue,
    )
    const jpeg = {
      dict:
        '<< /Type /XObject /Subtype /Image /Width 40 /Height 40 /ColorSpace /DeviceRGB ' +
        '/BitsPerComponent 8 /Filter /DCTDecode >>',
      data: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]),
    }
    const bytes = doc({ stampInWidget: false, pageContent: '/Spare Do /J Do', extra: jpeg })
    const text = Buffer.from(bytes)
      .toString('latin1')
      .replace('/Spare 11 0 R', '/Spare 12 0 R /J 13 0 R')
    const withPhoto = buildFrom(text, photo)
    const { result } = evaluateFile(withPhoto)
    expect(codes(result.findings)).toEqual([
      'pdf.appearance.images-not-analysed:warning',
      'pdf.appearance.no-unbound-seal:passed',
    ])
    expect(result.findings[0]!.params).toMatchObject({ count: 1, page: 1, name: 'J' })
  })

  it('treats hidden widgets as invisible', () => {
    const bytes = doc({ rect: '[0 0 595 842]' })
    const text = Buffer.from(bytes).toString('latin1').replace('/Widget /F 4', '/Widget /F 2')
    const { result } = evaluateFile(new Uint8Array(Buffer.from(text, 'latin1')))
    expect(codes(result.perSignature.get(0)!.findings)).toEqual(['pdf.appearance.invisible:passed'])
  })

  it('bounds deeply nested forms and reports the bound', () => {
    // forms 20..39 each draw the next one: deeper than the walk's depth bound of 12
    const objects: Body[] = []
    for (let i = 0; i < 20; i++) {
      const next = 20 + i + 1
      objects.push(
        flate(
          '<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] ' +
            `/Resources << /XObject << /F ${next} 0 R /Im0 9 0 R >> >> >>`,
          i === 19 ? '/Im0 Do' : '/F Do',
        ),
      )
    }
    const bytes = doc({ stampInWidget: false, pageContent: '/Deep Do' })
    const text = Buffer.from(bytes).toString('latin1').replace('/Spare 11 0 R', '/Deep 20 0 R')
    const { result } = evaluateFile(appendObjects(text, 20, objects))
    const unreadable = result.findings.find((f) => f.code === 'pdf.appearance.unreadable')
    expect(unreadable).toMatchObject({ status: 'warning' })
    // the scan could not see everything: it does not claim that there is no unbound seal
    expect(codes(result.findings)).toEqual([
      'pdf.appearance.unreadable:warning',
      'pdf.appearance.scan-incomplete:indeterminate',
    ])
  })

  it('does not decode huge page pictures but lists them as not analysed', () => {
    const huge = {
      dict:
        '<< /Type /XObject /Subtype /Image /Width 2100 /Height 2100 /ColorSpace /DeviceRGB ' +
        '/BitsPerComponent 8 >>',
      data: new Uint8Array(10),
    }
    const bytes = doc({ stampInWidget: false, pageContent: '/H Do' })
    const text = Buffer.from(bytes).toString('latin1').replace('/Spare 11 0 R', '/H 13 0 R')
    const { result } = evaluateFile(appendObjects(text, 13, [huge]))
    expect(codes(result.findings)).toEqual([
      'pdf.appearance.images-not-analysed:warning',
      'pdf.appearance.no-unbound-seal:passed',
    ])
  })

  it('never throws on corrupted files that the reader still opens', () => {
    const good = doc({ pageContent: 'q /Seal Do Q' })
    let seed = 11
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff)
    let evaluated = 0
    for (let round = 0; round < 150; round++) {
      const bad = good.slice()
      for (let k = 0; k < 12; k++) bad[next() % bad.length] = next() & 255
      let pdf: ReturnType<typeof readPdf>
      let sigs: ReturnType<typeof findSignatures>
      try {
        pdf = readPdf(bad)
        sigs = findSignatures(pdf)
      } catch {
        continue
      }
      const r = evaluatePdfAppearances(pdf, sigs)
      expect(r.perSignature.size).toBe(sigs.length)
      evaluated++
    }
    expect(evaluated).toBeGreaterThan(50)
  })
})
