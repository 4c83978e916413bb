/**
 * Annotations a revision after the signed one adds, changes or removes, judged by what they
 * show against what the signed revision shows on the same page (Evil Annotation, and the
 * overlay of the shadow attacks): a new or changed appearance over signed content can cover
 * or repaint it; a removed or moved one that covered signed content can uncover what was
 * hidden under it. Signature widgets are left to the appearance checks; a new one, like a new
 * annotation over empty space, is only noted when it covers most of its page.
 */
import { coverage as share, type Rect } from '../appearance/geometry.js'
import type { PdfFile, PdfObject } from '../types.js'
import { annotationArea, subtypeOf } from './annotation-area.js'
import { coveredBy, firstOverlap } from './area.js'
import type { Classified } from './classify.js'
import { entriesOf, numbersOf, objectAt } from './objects.js'
import type { RoleIndex } from './roles.js'
import { annotationsByNumber, type SignedContent } from './signed-content.js'

/** An added or changed annotation whose appearance lies over signed content. */
export interface Overlap {
  readonly num: number
  /** 0-based page index. */
  readonly page: number
  readonly subtype: string
  readonly change: 'added' | 'changed'
  /** Where it overlaps, and what lies there: page content or an earlier annotation. */
  readonly at: Rect
  readonly over: 'content' | number
}

/** An annotation of the signed revision, over signed content, removed or moved away. */
export interface OverlayRemoved {
  readonly num: number
  readonly page: number
  readonly subtype: string
  readonly at: Rect
}

/** An annotation whose overlap cannot be decided: the page content cannot be read. */
export interface OverlapUnknown {
  readonly num: number
  readonly page: number
  readonly subtype: string
  readonly reason: string
}

/** A new widget or annotation covering most of its page without hiding signed content. */
export interface LargeOverlay {
  readonly num: number
  readonly page: number
  readonly what: 'widget' | 'annotation'
  /** Covered share of the page box, in percent (rounded). */
  readonly percent: number
}

/** Everything the annotation walk of one revision found. */
export interface OverlapReport {
  readonly overlaps: Overlap[]
  readonly removed: OverlayRemoved[]
  readonly unknown: OverlapUnknown[]
  readonly large: LargeOverlay[]
}

/** Share of the page box above which a new annotation is noted. */
export const OVERLAP_THRESHOLD = 0.5

/** Covered fraction of `page` by `rect` (0 when either is unusable). */
export function coverage(rect: number[] | undefined, page: number[] | undefined): number {
  const r = boxOf(rect)
  const p = boxOf(page)
  return r && p ? share(r, p) : 0
}

function boxOf(r: number[] | undefined): Rect | undefined {
  if (!r || r.length !== 4 || !r.every(Number.isFinite)) return undefined
  const [a, b, c, d] = r as [number, number, number, number]
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)]
}

/** The two revisions compared and the signed content they are judged against. */
export interface OverlapContext {
  readonly pdf: PdfFile
  /** The later revision; `ib` indexes the one before it, `ia` this one. */
  readonly rev: number
  readonly ib: RoleIndex
  readonly ia: RoleIndex
  readonly signed: SignedContent
}

const VISUAL = new Set(['annotation', 'widget', 'annotation-part', 'appearance'])

function isSigWidget(ctx: OverlapContext, num: number): boolean {
  for (const idx of [ctx.ia, ctx.ib]) {
    const field = idx.widgetField.get(num)
    if (field !== undefined && idx.fields.get(field)?.isSig) return true
  }
  return false
}

/** Annotations whose object, parts, appearance or field value the changes touch. */
function touchedOwners(ctx: OverlapContext, changed: readonly Classified[]): Set<number> {
  const widgetsOf = new Map<number, number[]>()
  for (const idx of [ctx.ib, ctx.ia]) {
    for (const [w, f] of idx.widgetField) widgetsOf.set(f, [...(widgetsOf.get(f) ?? []), w])
  }
  const out = new Set<number>()
  for (const c of changed) {
    const roles = [
      ...(c.change !== 'added' ? (ctx.ib.roles.get(c.num) ?? []) : []),
      ...(c.change !== 'removed' ? (ctx.ia.roles.get(c.num) ?? []) : []),
    ]
    for (const r of roles) {
      if (r.owner === undefined) continue
      if (VISUAL.has(r.name)) out.add(r.owner)
      else if (r.name === 'field-value') for (const w of widgetsOf.get(r.owner) ?? []) out.add(w)
    }
  }
  return out
}

/** Judges the annotations revision `ctx.rev` adds, changes or removes. */
export function findOverlaps(ctx: OverlapContext, changed: readonly Classified[]): OverlapReport {
  const out: OverlapReport = { overlaps: [], removed: [], unknown: [], large: [] }
  const before = annotationsByNumber(ctx.ib)
  const after = annotationsByNumber(ctx.ia)
  const touched = touchedOwners(ctx, changed)
  const shownNow = new Map<number, readonly Rect[]>()
  for (const [num, page] of after) {
    const added = before.get(num) !== page
    if (!added && !touched.has(num)) continue
    const d = entriesOf(objectAt(ctx.pdf, num, ctx.rev))
    if (!d) continue
    if (isSigWidget(ctx, num)) {
      if (added) noteLarge(ctx, out, num, page, 'widget', d.get('Rect'))
      continue
    }
    const subtype = subtypeOf(ctx.pdf, d, ctx.rev)
    const area = annotationArea(ctx.pdf, d, ctx.rev, ctx.signed.box(page))
    // annotationArea falls back to the whole /Rect; an unknown area is never "shows nothing".
    if (!area.known) {
      out.unknown.push({ num, page, subtype, reason: area.reason })
      continue
    }
    const rects = area.rects
    shownNow.set(num, rects)
    if (rects.length === 0) continue
    const hit = overSigned(ctx, out, num, page, subtype, rects)
    if (hit) out.overlaps.push({ num, page, subtype, change: added ? 'added' : 'changed', ...hit })
    else if (added && hit === undefined) noteLarge(ctx, out, num, page, 'annotation', d.get('Rect'))
  }
  for (const [num, page] of before) {
    const gone = after.get(num) !== page
    if ((!gone && !touched.has(num)) || !ctx.signed.hadAnnotation(num, page)) continue
    if (isSigWidget(ctx, num)) continue
    const old = ctx.signed.annotationsOf(page).get(num) ?? []
    if (old.length === 0) continue
    const d = entriesOf(objectAt(ctx.pdf, num, ctx.signed.rev))
    const subtype = d ? subtypeOf(ctx.pdf, d, ctx.signed.rev) : '?'
    const hit = overSigned(ctx, out, num, page, subtype, old)
    if (!hit || (!gone && coveredBy(hit.at, shownNow.get(num) ?? []))) continue
    out.removed.push({ num, page, subtype, at: hit.at })
  }
  return out
}

/**
 * Where `rects` (what annotation `num` shows) lie over what the signed revision shows on
 * `page`: undefined when nowhere, null when the page content cannot be read (noted).
 */
function overSigned(
  ctx: OverlapContext,
  out: OverlapReport,
  num: number,
  page: number,
  subtype: string,
  rects: readonly Rect[],
): { at: Rect; over: 'content' | number } | null | undefined {
  const content = ctx.signed.contentOf(page)
  if (content.known) {
    const at = firstOverlap(rects, content.rects)
    if (at) return { at, over: 'content' }
  }
  for (const [other, shown] of ctx.signed.annotationsOf(page)) {
    if (other === num) continue
    const at = firstOverlap(rects, shown)
    if (at) return { at, over: other }
  }
  if (content.known) return undefined
  out.unknown.push({ num, page, subtype, reason: content.reason })
  return null
}

function noteLarge(
  ctx: OverlapContext,
  out: OverlapReport,
  num: number,
  page: number,
  what: LargeOverlay['what'],
  rect: PdfObject | undefined,
): void {
  const r = numbersOf(ctx.pdf.deref(rect, ctx.rev))
  const s = coverage(r, ctx.ia.pageBoxes.get(page))
  if (s > OVERLAP_THRESHOLD) out.large.push({ num, page, what, percent: Math.round(s * 100) })
}
