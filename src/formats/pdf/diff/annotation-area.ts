/**
 * Where an annotation shows on its page (ISO 32000-1 §12.5): nothing when it is hidden (or
 * not viewable and not printed) or a closed pop-up; otherwise what its normal appearance
 * paints, mapped into /Rect by the appearance matrix (§12.5.5, algorithm 8.1). Without an
 * appearance a viewer may draw one of its own, so the whole /Rect counts; an appearance that
 * cannot be read counts as its whole /Rect too.
 */
import { intersection, readRect, type Rect } from '../appearance/geometry.js'
import { formResources, normalAppearance } from '../appearance/widget.js'
import type { PdfFile, PdfObject } from '../types.js'
import { IDENTITY, mapRect, matrixOf, multiply, type Matrix } from './affine.js'
import type { Area } from './area.js'
import { contentArea } from './content-area.js'
import { nameOf, numbersOf } from './objects.js'

type Dict = ReadonlyMap<string, PdfObject>

/** Annotation flags (§12.5.3). */
const HIDDEN = 2
const PRINT = 4
const NO_VIEW = 32

const NONE: Area = { known: true, rects: [] }

/** Whether the flags let the annotation show on screen or on paper. */
function shown(pdf: PdfFile, annot: Dict, rev: number): boolean {
  const f = pdf.deref(annot.get('F'), rev)
  const flags = f?.kind === 'number' && Number.isInteger(f.value) ? f.value : 0
  if (flags & HIDDEN) return false
  return !(flags & NO_VIEW) || (flags & PRINT) !== 0
}

/** The matrix that fits the transformed appearance box into `rect` (algorithm 8.1). */
function fitMatrix(box: Rect, rect: Rect): Matrix | undefined {
  const w = box[2] - box[0]
  const h = box[3] - box[1]
  if (!(w > 0) || !(h > 0)) return undefined
  const sx = (rect[2] - rect[0]) / w
  const sy = (rect[3] - rect[1]) / h
  return [sx, 0, 0, sy, rect[0] - box[0] * sx, rect[1] - box[1] * sy]
}

/** The annotation's subtype name, or `?`. */
export function subtypeOf(pdf: PdfFile, annot: Dict, rev: number): string {
  return nameOf(pdf.deref(annot.get('Subtype'), rev)) ?? '?'
}

/**
 * What annotation `annot` shows in revision `rev`, clipped to the visible page area `page`
 * when known. The area is always known (unreadable appearances count as the /Rect, and so
 * does every appearance when `rectOnly`).
 */
export function annotationArea(
  pdf: PdfFile,
  annot: Dict,
  rev: number,
  page: Rect | undefined,
  rectOnly = false,
): Area {
  if (!shown(pdf, annot, rev)) return NONE
  if (subtypeOf(pdf, annot, rev) === 'Popup') {
    const open = pdf.deref(annot.get('Open'), rev)
    if (open?.kind !== 'bool' || !open.value) return NONE
  }
  const rect = readRect(pdf, annot.get('Rect'), rev)
  const visible = rect && (page ? intersection(rect, page) : intersection(rect, rect))
  if (!rect || !visible) return NONE
  const whole: Area = { known: true, rects: [visible] }
  const ap = rectOnly ? undefined : normalAppearance(pdf, annot, rev)
  if (!ap) return whole
  const bbox = readRect(pdf, ap.dict.get('BBox'), rev)
  if (!bbox) return whole
  const m = matrixOf(numbersOf(pdf.deref(ap.dict.get('Matrix'), rev))) ?? IDENTITY
  const fit = fitMatrix(mapRect(m, bbox), rect)
  if (!fit) return whole
  const area = contentArea(pdf, [ap], formResources(pdf, ap, rev), rev, {
    ctm: multiply(m, fit),
    clip: visible,
  })
  return area.known ? area : whole
}
