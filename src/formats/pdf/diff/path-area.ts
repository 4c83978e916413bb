/**
 * Path construction and painting for the content area (ISO 32000-1 §8.5): points are mapped
 * to page space as they are given; a fill paints inside the boxes of its subpaths (a point
 * of nonzero winding lies inside some subpath's hull), a stroke paints along its segments
 * (each segment's control-point box grown by half the line width) and at its vertices
 * (grown by the miter length for miter joins).
 */
import type { Rect } from '../appearance/geometry.js'
import { apply, grow, stretch, union, type Matrix } from './affine.js'

/** Most segments, vertices or subpaths kept per path before they are merged into one box. */
const MAX_PATH_ITEMS = 50_000

function push(list: Rect[], r: Rect): Rect[] {
  if (list.length < MAX_PATH_ITEMS) {
    list.push(r)
    return list
  }
  return [list.reduce(union, r)]
}

/** What the stroke of a path depends on in the graphics state. */
export interface StrokeStyle {
  readonly ctm: Matrix
  readonly lineWidth: number
  /** Line join: 0 miter, 1 round, 2 bevel. */
  readonly join: number
  readonly miter: number
}

/** The path being built, in page space. */
export class PathArea {
  private segments: Rect[] = []
  private vertices: Rect[] = []
  private subpaths: Rect[] = []
  private box: Rect | undefined
  /** Current point and subpath start, in user space. */
  private at: [number, number] | undefined
  private start: [number, number] = [0, 0]

  constructor(private ctm: Matrix) {}

  /** Uses `ctm` for the points that follow (a path is built under one CTM). */
  setMatrix(ctm: Matrix): void {
    this.ctm = ctm
  }

  private point(x: number, y: number): Rect {
    const [u, v] = apply(this.ctm, x, y)
    return [u, v, u, v]
  }

  moveTo(x: number, y: number): void {
    this.endSubpath()
    const p = this.point(x, y)
    this.at = [x, y]
    this.start = [x, y]
    this.box = p
    this.vertices = push(this.vertices, p)
  }

  /** A segment from the current point through `pts` (user space x, y pairs). */
  segment(pts: readonly number[]): void {
    if (!this.at) {
      this.moveTo(pts[pts.length - 2]!, pts[pts.length - 1]!)
      return
    }
    let box = this.point(this.at[0], this.at[1])
    for (let i = 0; i + 1 < pts.length; i += 2) box = union(box, this.point(pts[i]!, pts[i + 1]!))
    const end = this.point(pts[pts.length - 2]!, pts[pts.length - 1]!)
    this.segments = push(this.segments, box)
    this.vertices = push(this.vertices, end)
    this.box = this.box ? union(this.box, box) : box
    this.at = [pts[pts.length - 2]!, pts[pts.length - 1]!]
  }

  /** The `v` curve: its first control point is the current point. */
  curveFromCurrent(x2: number, y2: number, x3: number, y3: number): void {
    const [x, y] = this.at ?? [x2, y2]
    this.segment([x, y, x2, y2, x3, y3])
  }

  close(): void {
    if (!this.at) return
    this.segment([this.start[0], this.start[1]])
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y)
    this.segment([x + w, y])
    this.segment([x + w, y + h])
    this.segment([x, y + h])
    this.close()
    this.at = [x, y]
  }

  private endSubpath(): void {
    if (this.box) this.subpaths = push(this.subpaths, this.box)
    this.box = undefined
    this.at = undefined
  }

  /** Boxes a fill paints (subpaths are implicitly closed). */
  fillBoxes(): readonly Rect[] {
    this.endSubpath()
    return this.subpaths
  }

  /** Boxes a stroke paints with `style`. */
  strokeBoxes(style: StrokeStyle): Rect[] {
    this.endSubpath()
    const half = Math.max(style.lineWidth * stretch(style.ctm), 1) / 2
    const corner = style.join === 0 ? half * Math.max(1, style.miter) : half
    return [
      ...this.segments.map((s) => grow(s, half)),
      ...this.vertices.map((v) => grow(v, corner)),
    ]
  }

  /** The box of the whole path (for a clip), or undefined when it is empty. */
  bounds(): Rect | undefined {
    const all = this.fillBoxes()
    return all.length ? all.reduce(union) : undefined
  }

  /** Starts a new, empty path. */
  clear(): void {
    this.segments = []
    this.vertices = []
    this.subpaths = []
    this.box = undefined
    this.at = undefined
  }
}
