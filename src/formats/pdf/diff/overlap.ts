/**
 * Flags new annotations and signature widgets that cover most of their page: the overlay
 * of the shadow, Evil Annotation and Sneaky Signature attacks. The page content itself is
 * not rendered; more than half of the page box stands for "covers the content".
 */
import type { PdfFile } from '../types.js'
import type { Classified } from './classify.js'
import { entriesOf, numbersOf } from './objects.js'
import type { RoleIndex } from './roles.js'

/** A new annotation or widget that covers a large part of its page. */
export interface Overlap {
  readonly num: number
  /** 0-based page index. */
  readonly page: number
  readonly what: 'widget' | 'annotation'
  /** Covered share of the page box, in percent (rounded). */
  readonly percent: number
}

/** Share of the page box above which a new annotation is flagged. */
export const OVERLAP_THRESHOLD = 0.5

function box(r: number[] | undefined): [number, number, number, number] | undefined {
  if (!r || r.length !== 4 || !r.every(Number.isFinite)) return undefined
  const [a, b, c, d] = r as [number, number, number, number]
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)]
}

/** Covered fraction of `page` by `rect` (0 when either is unusable). */
export function coverage(rect: number[] | undefined, page: number[] | undefined): number {
  const r = box(rect)
  const p = box(page)
  if (!r || !p) return 0
  const area = (p[2] - p[0]) * (p[3] - p[1])
  if (!(area > 0)) return 0
  const w = Math.min(r[2], p[2]) - Math.max(r[0], p[0])
  const h = Math.min(r[3], p[3]) - Math.max(r[1], p[1])
  return w > 0 && h > 0 ? (w * h) / area : 0
}

/** Overlaps among the objects added in revision `rev` (with `index` its role index). */
export function findOverlaps(
  pdf: PdfFile,
  rev: number,
  index: RoleIndex,
  changed: readonly Classified[],
): Overlap[] {
  const out: Overlap[] = []
  for (const c of changed) {
    if (c.change !== 'added') continue
    const role = index.roles
      .get(c.num)
      ?.find((r) => (r.name === 'widget' || r.name === 'annotation') && r.page !== undefined)
    if (!role || role.page === undefined) continue
    const d = entriesOf(pdf.resolve({ num: c.num, gen: 0 }, rev))
    const rect = numbersOf(pdf.deref(d?.get('Rect'), rev))
    const share = coverage(rect, index.pageBoxes.get(role.page))
    if (share > OVERLAP_THRESHOLD) {
      const what = role.name === 'widget' ? 'widget' : 'annotation'
      out.push({ num: c.num, page: role.page, what, percent: Math.round(share * 100) })
    }
  }
  return out
}
