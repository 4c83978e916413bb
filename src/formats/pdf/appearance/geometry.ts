/**
 * Page and annotation geometry: inherited page attributes, page boxes, rectangles and the
 * share of a page a rectangle covers.
 */
import type { PdfFile, PdfObject } from '../types.js'

/** A normalised rectangle: x0 < x1, y0 < y1 (in default user space units). */
export type Rect = readonly [number, number, number, number]

const MAX_PARENTS = 64

/** Looks `key` up in a page dictionary, then in its /Parent chain (bounded, cycle-safe). */
export function inherited(
  pdf: PdfFile,
  page: ReadonlyMap<string, PdfObject>,
  key: string,
  rev: number,
): PdfObject | undefined {
  let node: ReadonlyMap<string, PdfObject> | undefined = page
  for (let i = 0; node && i < MAX_PARENTS; i++) {
    const v = node.get(key)
    if (v !== undefined) return pdf.deref(v, rev)
    const parent = pdf.deref(node.get('Parent'), rev)
    node = parent?.kind === 'dict' ? parent.entries : undefined
  }
  return undefined
}

/** Reads a rectangle array, normalising corner order; undefined unless four finite numbers. */
export function readRect(pdf: PdfFile, obj: PdfObject | undefined, rev: number): Rect | undefined {
  const a = pdf.deref(obj, rev)
  if (a?.kind !== 'array' || a.items.length !== 4) return undefined
  const v: number[] = []
  for (const item of a.items) {
    const n = pdf.deref(item, rev)
    if (n?.kind !== 'number' || !Number.isFinite(n.value)) return undefined
    v.push(n.value)
  }
  const [x0, y0, x1, y1] = v as [number, number, number, number]
  return [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)]
}

/** The visible page area: the CropBox clipped to the MediaBox (either inherited). */
export function pageBox(
  pdf: PdfFile,
  page: ReadonlyMap<string, PdfObject>,
  rev: number,
): Rect | undefined {
  const media = readRect(pdf, inherited(pdf, page, 'MediaBox', rev), rev)
  const crop = readRect(pdf, inherited(pdf, page, 'CropBox', rev), rev)
  if (!media) return crop
  if (!crop) return media
  return intersection(media, crop) ?? media
}

/** The intersection of two rectangles, or undefined when they do not overlap. */
export function intersection(a: Rect, b: Rect): Rect | undefined {
  const r: Rect = [
    Math.max(a[0], b[0]),
    Math.max(a[1], b[1]),
    Math.min(a[2], b[2]),
    Math.min(a[3], b[3]),
  ]
  return r[2] > r[0] && r[3] > r[1] ? r : undefined
}

/** Area of a rectangle. */
export const area = (r: Rect): number => (r[2] - r[0]) * (r[3] - r[1])

/** Share (0..1) of `box` that `rect` covers. */
export function coverage(rect: Rect, box: Rect): number {
  const i = intersection(rect, box)
  const total = area(box)
  return i && total > 0 ? area(i) / total : 0
}
