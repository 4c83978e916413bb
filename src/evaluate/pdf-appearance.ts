/**
 * Seal pictures in PDFs: for every signature widget, the pictures its normal appearance draws
 * and the checks on the widget (a rectangle covering most of the page); for the document,
 * seal-like images drawn by page content that no signature appearance binds.
 */
import { YrdError } from '../errors.js'
import { coverage, pageBox, readRect, type Rect } from '../formats/pdf/appearance/geometry.js'
import { pictureOfDrawn } from '../formats/pdf/appearance/drawn-picture.js'
import type { PictureCache } from '../formats/pdf/appearance/image-cache.js'
import type { DecodedPicture } from '../formats/pdf/appearance/picture.js'
import { imagesDrawn } from '../formats/pdf/appearance/walk.js'
import { formResources, normalAppearance } from '../formats/pdf/appearance/widget.js'
import type { PdfFile, PdfObject, PdfRef, PdfSignatureRef } from '../formats/pdf/types.js'
import type { Picture } from '../images/picture.js'
import type { Finding } from '../verdict/messages.js'
import './pdf-appearance-codes.js'
import { unboundSealFindings } from './pdf-appearance-pages.js'

export type { Picture } from '../images/picture.js'

/** A picture a signature widget shows, with its decoded pixels and its page. */
export interface ShownPicture extends DecodedPicture {
  /** 1-based page number, or `?` when the widget's page is unknown. */
  readonly page: number | '?'
}

/** What the appearance evaluation found for one signature. */
export interface SignatureAppearance {
  /** Pictures drawn by the signature's widget appearances, in drawing order, deduplicated. */
  readonly pictures: Picture[]
  /** The same pictures with their decoded pixels (for the comparison with a seal picture). */
  readonly shown: ShownPicture[]
  /** Images the visible widgets draw that could not be decoded. */
  readonly unreadable: number
  /** Checks on the widgets (`pdf.appearance.*`). */
  readonly findings: Finding[]
}

/** The result of {@link evaluatePdfAppearances}. */
export interface PdfAppearanceResult {
  /** Keyed by the index of the signature in the `signatures` argument. */
  readonly perSignature: Map<number, SignatureAppearance>
  /** Document-level checks, e.g. seal-like images bound to no signature. */
  readonly findings: Finding[]
}

/** A widget covering more than this share of its page is a sneaky full-page widget. */
export const FULL_PAGE_SHARE = 0.5

/** Annotation flags that keep a widget from being shown (Hidden, NoView). */
const HIDDEN_FLAGS = 2 | 32

const refKey = (r: PdfRef) => `${r.num} ${r.gen}`

/** Images the signature widgets draw (by object and digest), and the verifier's picture cache. */
interface Bound {
  readonly refs: Set<string>
  readonly digests: Set<string>
  readonly pictures: PictureCache | undefined
}

interface Page {
  readonly ref: PdfRef
  readonly dict: ReadonlyMap<string, PdfObject>
}

function pageOf(
  pdf: PdfFile,
  widget: ReadonlyMap<string, PdfObject>,
  declared: number | null,
  pages: readonly Page[],
): number | null {
  if (declared !== null && pages[declared]) return declared
  const p = widget.get('P')
  if (p?.kind !== 'ref') return null
  const i = pages.findIndex((page) => page.ref.num === p.ref.num && page.ref.gen === p.ref.gen)
  return i >= 0 ? i : null
}

function hidden(pdf: PdfFile, widget: ReadonlyMap<string, PdfObject>, rev: number): boolean {
  const f = pdf.deref(widget.get('F'), rev)
  return f?.kind === 'number' && (Math.trunc(f.value) & HIDDEN_FLAGS) !== 0
}

function shownAlready(shown: readonly ShownPicture[], sha256: string): boolean {
  for (const p of shown) if (p.picture.sha256 === sha256) return true
  return false
}

/** Evaluates one widget; returns whether it is visible. */
function widgetAppearance(
  pdf: PdfFile,
  w: PdfSignatureRef['widgets'][number],
  field: string,
  pages: readonly Page[],
  rev: number,
  bound: Bound,
  out: { shown: ShownPicture[]; unreadable: number },
  findings: Finding[],
): boolean {
  const obj = pdf.resolve(w.ref, rev)
  if (obj?.kind !== 'dict') return false
  const widget = obj.entries
  const rect: Rect | undefined =
    readRect(pdf, widget.get('Rect'), rev) ??
    (w.rect && w.rect.length === 4 ? readRect(pdf, arrayOf(w.rect), rev) : undefined)
  if (!rect || rect[2] - rect[0] <= 0 || rect[3] - rect[1] <= 0 || hidden(pdf, widget, rev)) {
    return false
  }
  const pageIndex = pageOf(pdf, widget, w.pageIndex, pages)
  const page = pageIndex === null ? undefined : pages[pageIndex]
  const pageNo = pageIndex === null ? '?' : pageIndex + 1
  const box = page ? pageBox(pdf, page.dict, rev) : undefined
  const share = box ? coverage(rect, box) : 0
  if (share > FULL_PAGE_SHARE) {
    findings.push({
      code: 'pdf.appearance.full-page-widget',
      status: 'failed',
      subIndication: 'FORMAT_FAILURE',
      params: { field, page: pageNo, percent: Math.round(share * 100) },
      detail: { rect: [...rect], pageBox: box ? [...box] : null },
    })
  }
  const ap = normalAppearance(pdf, widget, rev)
  if (!ap) {
    findings.push({
      code: 'pdf.appearance.missing',
      status: 'warning',
      params: { field, page: pageNo },
    })
    return true
  }
  const walk = imagesDrawn(pdf, [ap], formResources(pdf, ap, rev), rev)
  if (walk.images.length === 0) {
    findings.push({
      code: 'pdf.appearance.no-picture',
      status: 'passed',
      params: { field, page: pageNo },
    })
  }
  for (const img of walk.images) {
    if (img.ref) bound.refs.add(refKey(img.ref))
    try {
      const decoded = pictureOfDrawn(pdf, img, rev, bound.pictures)
      const { picture } = decoded
      bound.digests.add(picture.sha256)
      if (shownAlready(out.shown, picture.sha256)) continue
      out.shown.push({ picture, raster: decoded.raster, page: pageNo })
      const { format, width, height, sha256 } = picture
      findings.push({
        code: 'pdf.appearance.picture',
        status: 'passed',
        params: { page: pageNo, format, width, height, sha256 },
        detail: { path: img.path },
      })
    } catch (e) {
      if (!(e instanceof YrdError)) throw e
      out.unreadable++
      findings.push({
        code: 'pdf.appearance.image-unreadable',
        status: 'warning',
        params: { page: pageNo, name: img.path, reason: e.message },
        detail: { code: e.code },
      })
    }
  }
  const first = walk.problems[0]
  if (first) {
    findings.push({
      code: 'pdf.appearance.unreadable',
      status: 'warning',
      params: { count: walk.problems.length, reason: first.message },
    })
  }
  return true
}

/** Evaluates the widgets of one signature, adding its image refs and digests to `bound`. */
function evaluateWidgets(
  pdf: PdfFile,
  sig: PdfSignatureRef,
  pages: readonly Page[],
  rev: number,
  bound: Bound,
): SignatureAppearance {
  const out = { shown: [] as ShownPicture[], unreadable: 0 }
  const findings: Finding[] = []
  const field = sig.fieldName ?? (sig.sigRef ? `${sig.sigRef.num} ${sig.sigRef.gen} R` : '?')
  let visible = 0
  for (const w of sig.widgets.slice(0, 64)) {
    try {
      if (widgetAppearance(pdf, w, field, pages, rev, bound, out, findings)) visible++
    } catch (e) {
      if (!(e instanceof YrdError)) throw e
      findings.push({
        code: 'pdf.appearance.unreadable',
        status: 'warning',
        params: { count: 1, reason: e.message },
        detail: { code: e.code },
      })
    }
  }
  if (visible === 0) {
    findings.push({ code: 'pdf.appearance.invisible', status: 'passed', params: { field } })
  }
  const pictures = out.shown.map((p) => p.picture)
  return { pictures, shown: out.shown, unreadable: out.unreadable, findings }
}

function arrayOf(values: readonly number[]): PdfObject {
  return { kind: 'array', items: values.map((value) => ({ kind: 'number', value })) }
}

/**
 * Extracts the seal pictures of every signature widget and checks widgets and page images.
 * Malformed appearances and pictures become findings; only unexpected errors propagate.
 *
 * @param pdf the read file
 * @param signatures the signatures found in it (`findSignatures(pdf)`)
 * @param rev the revision whose objects are read (default: the last one)
 * @param pictures a verifier's cache of decoded pictures (see image-cache.ts)
 */
export function evaluatePdfAppearances(
  pdf: PdfFile,
  signatures: PdfSignatureRef[],
  rev?: number,
  pictures?: PictureCache,
): PdfAppearanceResult {
  const r = rev ?? pdf.revisions.length - 1
  let pages: Page[] = []
  const findings: Finding[] = []
  try {
    pages = pdf.pages(r)
  } catch (e) {
    if (!(e instanceof YrdError)) throw e
    findings.push({
      code: 'pdf.appearance.unreadable',
      status: 'warning',
      params: { count: 1, reason: e.message },
      detail: { code: e.code },
    })
  }
  const bound: Bound = { refs: new Set<string>(), digests: new Set<string>(), pictures }
  const widgets = new Set<string>()
  const perSignature = new Map<number, SignatureAppearance>()
  for (let i = 0; i < signatures.length; i++) {
    const sig = signatures[i]!
    for (const w of sig.widgets) widgets.add(refKey(w.ref))
    perSignature.set(i, evaluateWidgets(pdf, sig, pages, r, bound))
  }
  findings.push(...unboundSealFindings(pdf, pages, widgets, bound, r))
  return { perSignature, findings }
}
