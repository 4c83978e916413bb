/**
 * Inline images (`BI … ID … EI`) in the appearance evaluation: drawn by a page without
 * /XObject resources, inside a form XObject, by an annotation appearance or by a signature
 * widget. A red stamp drawn that way is an image-only seal like an image XObject one.
 */
import { zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { esId } from '../../fixtures/make/ofd-seals.js'
import { stampImage } from '../../fixtures/make/pdf-content.js'
import { stampPng } from '../../fixtures/make/png.js'
import { evaluatePdfAppearances } from '../../src/evaluate/pdf-appearance.js'
import { findSignatures, readPdf } from '../../src/formats/pdf/index.js'
import { decodePng } from '../../src/images/png-decode.js'
import { aggregate } from '../../src/verdict/aggregate.js'
import type { Finding } from '../../src/verdict/messages.js'
import { render } from '../../src/verdict/messages.js'
import { verify } from '../../src/verify.js'
import { buildPdf, flate, rgbOf, type Body } from '../formats/pdf/appearance/build-pdf.js'
import { AT } from './licence-helpers.js'
import { SH, SH_ISSUER_CRLS, shanghaiLicence, signAsShanghaiIssuer } from './signed-licence-pdf.js'

const codes = (fs: readonly Finding[]) => fs.map((f) => `${f.code}:${f.status}`)

const bytes = (...parts: (string | Uint8Array)[]) =>
  new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))))

/** The fixture stamp's RGB samples on white (96×96), red; `blue` swaps red and blue. */
function stampRgb(blue = false): Uint8Array {
  const rgb = rgbOf(decodePng(stampPng({ label: '310000123' })).rgba)
  if (blue) for (let i = 0; i < rgb.length; i += 3) [rgb[i], rgb[i + 2]] = [rgb[i + 2]!, rgb[i]!]
  return rgb
}

/** Content drawing `rgb` (side × side) as a Flate inline image, abbreviated keys. */
function inlineStamp(rgb = stampRgb(), side = 96): Uint8Array {
  const head = `q 100 0 0 100 400 100 cm BI /W ${side} /H ${side} /CS /RGB /BPC 8 /F /Fl ID `
  return bytes(head, zlibSync(rgb), '\nEI Q\n')
}

interface DocOptions {
  /** Page content; its resources are `pageResources` (none by default: no /XObject). */
  readonly page?: Uint8Array | string
  readonly pageResources?: string
  /** Content of the signature widget's appearance. */
  readonly widget?: Uint8Array | string
  /** Appearance content of a Stamp annotation on the page (object 8, appearance 9). */
  readonly stamp?: Uint8Array | string
  /** Objects from 10 on. */
  readonly extra?: Body[]
}

/**
 * 1 catalog, 2 pages, 3 page, 4 signature field/widget, 5 sig dict, 6 page content,
 * 7 widget appearance, 8 stamp annotation, 9 its appearance, 10… extra.
 */
function doc(o: DocOptions = {}): Uint8Array {
  const annots = o.stamp === undefined ? '[4 0 R]' : '[4 0 R 8 0 R]'
  const form = (content: Uint8Array | string) =>
    flate('<< /Type /XObject /Subtype /Form /BBox [0 0 100 100] >>', content)
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] /SigFlags 3 >> >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>',
    `<< /Type /Page /Parent 2 0 R /Contents 6 0 R /Annots ${annots} ` +
      `/Resources ${o.pageResources ?? '<< >>'} >>`,
    '<< /FT /Sig /T (Seal1) /Type /Annot /Subtype /Widget /F 4 /Rect [400 100 500 200] ' +
      '/P 3 0 R /V 5 0 R /AP << /N 7 0 R >> >>',
    '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /ByteRange [0 1 2 ' +
      '3] /Contents <3082> >>',
    flate('<< >>', o.page ?? 'BT /F1 12 Tf 72 720 Td (Licence) Tj ET'),
    form(o.widget ?? 'q Q'),
    '<< /Type /Annot /Subtype /Stamp /Rect [10 10 110 110] /AP << /N 9 0 R >> >>',
    form(o.stamp ?? ''),
    ...(o.extra ?? []),
  ])
}

function evaluate(bytes: Uint8Array) {
  const pdf = readPdf(bytes)
  return evaluatePdfAppearances(pdf, findSignatures(pdf))
}

const sealFinding = (r: ReturnType<typeof evaluate>) =>
  r.findings.find((f) => f.code === 'policy.image-only-seal')

describe('inline images on pages', () => {
  it('flags a red stamp drawn as an inline image by a page without /XObject resources', () => {
    const r = evaluate(doc({ page: inlineStamp() }))
    expect(codes(r.findings)).toEqual(['policy.image-only-seal:failed'])
    expect(sealFinding(r)).toMatchObject({
      params: { page: 1, name: 'inline#1' },
      detail: { width: 96, height: 96, source: 'content', inline: true },
    })
    const outcome = aggregate(r.findings.map((f) => render(f, 'en')))
    expect(outcome).toEqual({ status: 'rejected', indication: 'TOTAL_PASSED', subIndication: null })
  })

  it('does not flag the same picture in blue (a logo), nor a small red picture', () => {
    const blue = evaluate(doc({ page: inlineStamp(stampRgb(true)) }))
    expect(codes(blue.findings)).toEqual(['pdf.appearance.no-unbound-seal:passed'])
    expect(blue.findings[0]!.params).toMatchObject({ images: 1 })
    const small = new Uint8Array(12 * 12 * 3)
    for (let i = 0; i < small.length; i += 3) small.set([220, 20, 20], i)
    const tiny = evaluate(doc({ page: inlineStamp(small, 12) }))
    expect(codes(tiny.findings)).toEqual(['pdf.appearance.no-unbound-seal:passed'])
  })

  it('flags it inside a form XObject, and in a Stamp annotation appearance', () => {
    const inForm = evaluate(
      doc({
        page: 'q /Frm Do Q',
        pageResources: '<< /XObject << /Frm 10 0 R >> >>',
        extra: [flate('<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] >>', inlineStamp())],
      }),
    )
    expect(sealFinding(inForm)).toMatchObject({ params: { name: 'Frm/inline#1' } })
    const annotated = evaluate(doc({ stamp: inlineStamp() }))
    expect(sealFinding(annotated)).toMatchObject({ detail: { source: 'annotation', inline: true } })
  })

  it('reads a seal-like inline image not ended by EI, and reports the missing end', () => {
    const open = bytes('BI /W 96 /H 96 /CS /RGB /BPC 8 /F /Fl ID ', zlibSync(stampRgb()))
    const r = evaluate(doc({ page: open }))
    expect(codes(r.findings)).toEqual([
      'policy.image-only-seal:failed',
      'pdf.appearance.unreadable:warning',
    ])
  })

  it('reports an inline image that cannot be read rather than skipping it silently', () => {
    const r = evaluate(doc({ page: 'BI /W 96 /H 96 /CS /RGB /F /Fl ID garbage EI' }))
    expect(codes(r.findings)).toEqual([
      'pdf.appearance.unreadable:warning',
      'pdf.appearance.no-unbound-seal:passed',
    ])
  })

  it('lists a huge inline image as not analysed, without decoding it', () => {
    const huge = bytes('BI /W 2100 /H 2100 /CS /G /BPC 8 ID ', new Uint8Array(2100 * 2100), ' EI')
    const r = evaluate(doc({ page: huge }))
    expect(codes(r.findings)).toEqual([
      'pdf.appearance.images-not-analysed:warning',
      'pdf.appearance.no-unbound-seal:passed',
    ])
  })

  it('does not claim the absence of a seal past the bound of inline images', () => {
    const glyph = 'BI /W 1 /H 1 /CS /G /BPC 8 ID x EI\n'
    const r = evaluate(doc({ page: glyph.repeat(4097) }))
    expect(codes(r.findings)).toEqual([
      'pdf.appearance.unreadable:warning',
      'pdf.appearance.scan-incomplete:indeterminate',
    ])
  })
})

describe('inline images in signature appearances', () => {
  it("is the signature's picture, and binds the same picture drawn on the page", () => {
    const r = evaluate(doc({ widget: inlineStamp(), page: inlineStamp() }))
    const sig = r.perSignature.get(0)!
    expect(sig.pictures).toHaveLength(1)
    expect(sig.pictures[0]).toMatchObject({ format: 'png', width: 96, height: 96 })
    expect(sig.findings[0]).toMatchObject({
      code: 'pdf.appearance.picture',
      detail: { path: 'inline#1' },
    })
    expect(sig.shown[0]!.raster?.width).toBe(96)
    expect(codes(r.findings)).toEqual(['pdf.appearance.no-unbound-seal:passed'])
  })

  it('does not bind another picture drawn on the page', () => {
    const other = stampRgb()
    other.fill(255, 0, 96 * 3 * 20) // the top rows blanked: another picture, still seal-like
    const r = evaluate(doc({ widget: inlineStamp(), page: inlineStamp(other) }))
    expect(r.perSignature.get(0)!.pictures).toHaveLength(1)
    expect(codes(r.findings)).toEqual(['policy.image-only-seal:failed'])
  })
})

/** A Shanghai licence PDF signed by the licence issuer; its page also draws `extra`. */
function signedLicence(extra: Uint8Array): Uint8Array {
  const doc = shanghaiLicence('inline')
  const s = doc.w.alloc()
  doc.w.stream(s, {}, extra)
  doc.contents.push(s)
  signAsShanghaiIssuer(doc)
  return doc.w.bytes()
}

const crls = SH_ISSUER_CRLS

describe('a signed licence whose page draws an inline image', () => {
  const label = esId(SH.code, 91)

  it('is refused when the inline image is a red seal (Up predictor, /DP)', async () => {
    const img = stampImage(label)
    const head =
      `q 120 0 0 120 400 300 cm BI /W ${img.width} /H ${img.height} /CS /RGB /BPC 8 /F /Fl ` +
      `/DP << /Predictor 15 /Colors 3 /Columns ${img.width} >> ID `
    const v = await verify(signedLicence(bytes(head, zlibSync(img.rgbPredicted), '\nEI Q\n')), {
      time: AT,
      crls,
    })
    expect([v.status, v.indication]).toEqual(['rejected', 'TOTAL_PASSED'])
    expect(v.signatures.map((s) => s.status)).toEqual(['recognized'])
    const seal = v.checks.find((c) => c.code === 'policy.image-only-seal')
    expect(seal).toMatchObject({ status: 'failed', detail: { inline: true, source: 'content' } })
  })

  it('is recognised when the same picture is drawn in blue (a logo)', async () => {
    const rgb = rgbOf(decodePng(stampPng({ label })).rgba)
    for (let i = 0; i < rgb.length; i += 3) [rgb[i], rgb[i + 2]] = [rgb[i + 2]!, rgb[i]!]
    const v = await verify(signedLicence(inlineStamp(rgb)), { time: AT, crls, lang: 'en' })
    expect(v.status).toBe('recognized')
    // the logo was seen and analysed (the signature widget is not counted among page pictures)
    expect(v.checks.find((c) => c.code === 'pdf.appearance.no-unbound-seal')).toMatchObject({
      status: 'passed',
      message: expect.stringContaining('None of the 1 pictures') as unknown,
    })
  })
})
