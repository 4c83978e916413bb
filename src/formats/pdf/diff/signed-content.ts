/**
 * What the signed revision shows on each page: the area its content streams paint and the
 * areas of the annotations it already had, computed on demand and kept for the revisions
 * that follow. This is what a later annotation must not cover.
 */
import { inherited, pageBox, type Rect } from '../appearance/geometry.js'
import type { PdfFile, PdfObject, PdfStream } from '../types.js'
import { annotationArea } from './annotation-area.js'
import type { Area } from './area.js'
import { contentArea } from './content-area.js'
import { entriesOf, objectAt } from './objects.js'
import type { RoleIndex } from './roles.js'

type Dict = ReadonlyMap<string, PdfObject>

/** Most content streams of one page followed; more make its area unknown. */
const MAX_CONTENT_STREAMS = 10_000
/** Annotations of one page measured through their appearance; the others count as /Rect. */
const MAX_MEASURED = 200

/** Annotation and widget numbers of each page of a revision, by the role index. */
export function annotationsByNumber(index: RoleIndex): Map<number, number> {
  const out = new Map<number, number>()
  for (const [num, roles] of index.roles) {
    for (const r of roles) {
      const own = r.name === 'annotation' || r.name === 'widget'
      if (own && r.owner === num && r.page !== undefined && !out.has(num)) out.set(num, r.page)
    }
  }
  return out
}

/** Object number of each page of a revision, by 0-based index. */
export function pageNumbers(index: RoleIndex): Map<number, number> {
  const out = new Map<number, number>()
  for (const [num, roles] of index.roles) {
    for (const r of roles) if (r.name === 'page' && r.page !== undefined) out.set(r.page, num)
  }
  return out
}

/** The page's content streams, or undefined when they cannot all be followed. */
function contents(pdf: PdfFile, page: Dict, rev: number): PdfStream[] | undefined {
  const c = pdf.deref(page.get('Contents'), rev)
  if (c === undefined || c.kind === 'null') return []
  if (c.kind === 'stream') return [c]
  if (c.kind !== 'array' || c.items.length > MAX_CONTENT_STREAMS) return undefined
  const out: PdfStream[] = []
  for (const item of c.items) {
    const s = pdf.deref(item, rev)
    // A viewer skips what is not a stream: it draws nothing.
    if (s?.kind === 'stream') out.push(s)
  }
  return out
}

/** The signed revision's pages as a later revision's changes are judged against them. */
export class SignedContent {
  private readonly pages: Map<number, number>
  private readonly annots: Map<number, number>
  private readonly areas = new Map<number, Area>()
  private readonly annotAreas = new Map<number, Map<number, readonly Rect[]>>()

  constructor(
    readonly pdf: PdfFile,
    readonly rev: number,
    index: RoleIndex,
  ) {
    this.pages = pageNumbers(index)
    this.annots = annotationsByNumber(index)
  }

  /** The page dictionary at 0-based index `page`. */
  pageDict(page: number): Dict | undefined {
    const num = this.pages.get(page)
    return num === undefined ? undefined : entriesOf(objectAt(this.pdf, num, this.rev))
  }

  /** The visible page area (CropBox within MediaBox), when the page has one. */
  box(page: number): Rect | undefined {
    const d = this.pageDict(page)
    return d ? pageBox(this.pdf, d, this.rev) : undefined
  }

  /** Whether annotation `num` was on `page` in the signed revision. */
  hadAnnotation(num: number, page: number): boolean {
    return this.annots.get(num) === page
  }

  /** What the page's content streams paint (unknown when they cannot be read). */
  contentOf(page: number): Area {
    const known = this.areas.get(page)
    if (known) return known
    const d = this.pageDict(page)
    let area: Area
    if (!d) area = { known: true, rects: [] }
    else {
      const streams = contents(this.pdf, d, this.rev)
      const res = entriesOf(inherited(this.pdf, d, 'Resources', this.rev))
      area = streams
        ? contentArea(this.pdf, streams, res, this.rev, { ...clipOf(this.box(page)) })
        : { known: false, reason: 'the page lists too many content streams' }
    }
    this.areas.set(page, area)
    return area
  }

  /** What each annotation the signed revision had on `page` shows, by object number. */
  annotationsOf(page: number): Map<number, readonly Rect[]> {
    const known = this.annotAreas.get(page)
    if (known) return known
    const out = new Map<number, readonly Rect[]>()
    const box = this.box(page)
    let measured = 0
    for (const [num, p] of this.annots) {
      if (p !== page) continue
      const d = entriesOf(objectAt(this.pdf, num, this.rev))
      if (!d) continue
      const area = annotationArea(this.pdf, d, this.rev, box, ++measured > MAX_MEASURED)
      out.set(num, area.known ? area.rects : [])
    }
    this.annotAreas.set(page, out)
    return out
  }
}

function clipOf(box: Rect | undefined): { clip?: Rect } {
  return box ? { clip: box } : {}
}
