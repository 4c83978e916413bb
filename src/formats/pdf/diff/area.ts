/**
 * The painted area of some content as a bounded list of rectangles in page space, each a
 * superset of what it stands for; and whether two such areas overlap.
 */
import { intersection, type Rect } from '../appearance/geometry.js'
import { union } from './affine.js'

/** What some content paints: rectangles, or unknown with the reason. */
export type Area =
  | { readonly known: true; readonly rects: readonly Rect[] }
  | { readonly known: false; readonly reason: string }

/** Thrown while computing an area that cannot be bounded; `fatal` ends the whole walk. */
export class AreaUnknown extends Error {
  constructor(
    message: string,
    readonly fatal = false,
  ) {
    super(message)
  }
}

/** Most rectangles kept; past it they are merged into their bounding box (still a superset). */
export const MAX_RECTS = 4096

/** The whole plane (shadings with no clip paint everything). */
export const EVERYWHERE: Rect = [-Infinity, -Infinity, Infinity, Infinity]

/** A growing set of painted rectangles. */
export class RectSet {
  private list: Rect[] = []

  /** Adds `r` clipped to `clip`; an empty intersection paints nothing. */
  add(r: Rect, clip: Rect | undefined): void {
    if (r.some(Number.isNaN)) throw new AreaUnknown('coordinates out of range', true)
    const shown = clip ? intersection(r, clip) : r[2] > r[0] && r[3] > r[1] ? r : undefined
    if (!shown) return
    if (this.list.length >= MAX_RECTS) this.list = [this.list.reduce(union)]
    this.list.push(shown)
  }

  get rects(): readonly Rect[] {
    return this.list
  }
}

/** The first place where a rectangle of `a` and one of `b` overlap (positive area). */
export function firstOverlap(a: readonly Rect[], b: readonly Rect[]): Rect | undefined {
  for (const x of a) {
    for (const y of b) {
      const i = intersection(x, y)
      if (i) return i
    }
  }
  return undefined
}

/** Whether `inner` lies inside one rectangle of `outer`. */
export function coveredBy(inner: Rect, outer: readonly Rect[]): boolean {
  return outer.some(
    (o) => o[0] <= inner[0] && o[1] <= inner[1] && o[2] >= inner[2] && o[3] >= inner[3],
  )
}
