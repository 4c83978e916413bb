/**
 * The images a page shows outside signature widgets: those drawn by its content streams and
 * by the appearances of its other annotations (stamps, free text, non-signature widgets),
 * image XObjects and inline images alike.
 */
import type { PdfFile, PdfObject, PdfRef, PdfStream } from '../types.js'
import { inherited } from './geometry.js'
import { imagesDrawn, type DrawnImage, type WalkLimits, DEFAULT_WALK_LIMITS } from './walk.js'
import { formResources, normalAppearance } from './widget.js'
import { PLAIN } from '../../../shape.js'

/** An image shown on a page, and where it comes from. */
export type PageImage = DrawnImage & {
  readonly pageIndex: number
  /** `content`, or the annotation that draws it. */
  readonly source: 'content' | { readonly annotation: PdfRef | null }
}

/** The page's content streams (/Contents: one stream or an array of them). */
export function pageContents(
  pdf: PdfFile,
  page: ReadonlyMap<string, PdfObject>,
  rev: number,
): PdfStream[] {
  const c = pdf.deref(page.get('Contents'), rev)
  if (c?.kind === 'stream') return [c]
  if (c?.kind !== 'array') return []
  const out: PdfStream[] = []
  for (const item of c.items.slice(0, 1000)) {
    const s = pdf.deref(item, rev)
    if (s?.kind === 'stream') out.push(s)
  }
  return out
}

const refKey = (r: PdfRef) => `${r.num} ${r.gen}`

/**
 * Images shown on page `pageIndex` by its content and by annotations whose reference is not
 * in `skipAnnotations` (the signature widgets), with the problems met.
 */
export function pageImages(
  pdf: PdfFile,
  page: ReadonlyMap<string, PdfObject>,
  pageIndex: number,
  skipAnnotations: ReadonlySet<string>,
  rev: number,
  limits: WalkLimits = DEFAULT_WALK_LIMITS,
): { images: PageImage[]; problems: { code: string; message: string }[] } {
  const images: PageImage[] = []
  const problems: { code: string; message: string }[] = []
  const res = inherited(pdf, page, 'Resources', rev)
  const content = imagesDrawn(
    pdf,
    pageContents(pdf, page, rev),
    res?.kind === 'dict' ? res.entries : undefined,
    rev,
    limits,
  )
  for (const img of content.images) images.push({ ...PLAIN, ...img, pageIndex, source: 'content' })
  problems.push(...content.problems)
  const annots = pdf.deref(page.get('Annots'), rev)
  if (annots?.kind !== 'array') return { images, problems }
  for (const item of annots.items.slice(0, 1000)) {
    const ref = item.kind === 'ref' ? item.ref : null
    if (ref && skipAnnotations.has(refKey(ref))) continue
    const annot = pdf.deref(item, rev)
    if (annot?.kind !== 'dict') continue
    const ap = normalAppearance(pdf, annot.entries, rev)
    if (!ap) continue
    const walk = imagesDrawn(pdf, [ap], formResources(pdf, ap, rev), rev, limits)
    for (const img of walk.images) {
      images.push({ ...PLAIN, ...img, pageIndex, source: { annotation: ref } })
    }
    problems.push(...walk.problems)
  }
  return { images, problems }
}
