/**
 * The state of the content-area interpreter and the operators that only change it (ISO
 * 32000-1 §8.4, §8.5.2, §9.3, §9.4.2): graphics state save and restore, CTM, line style, path
 * construction, clip marks, and the text state and text positioning operators. Painting and
 * showing operators are in `content-area.ts`.
 */
import { intersection, type Rect } from '../appearance/geometry.js'
import type { PdfObject } from '../types.js'
import { IDENTITY, matrixOf, multiply, type Matrix } from './affine.js'
import { AreaUnknown } from './area.js'
import type { ContentOp } from './content-tokens.js'
import type { FontMetrics } from './font-metrics.js'
import { PathArea } from './path-area.js'
import { moveLine, newPen, setMatrix, type Pen } from './text-extent.js'

type Dict = ReadonlyMap<string, PdfObject>

/** Deepest nesting of `q` in one content stream. */
const MAX_SAVE_DEPTH = 1024

/** A clip that shows nothing. */
export const NOTHING: Rect = [0, 0, 0, 0]

/** The graphics state parts that decide where things are painted. */
export interface GState {
  ctm: Matrix
  clip: Rect | undefined
  lineWidth: number
  join: number
  miter: number
  font: FontMetrics | undefined
  size: number
  tc: number
  tw: number
  th: number
  tl: number
  rise: number
}

/** The initial graphics state (ISO 32000-1 Table 52) under `ctm` and `clip`. */
export function initialState(ctm: Matrix = IDENTITY, clip?: Rect): GState {
  return {
    ctm,
    clip,
    lineWidth: 1,
    join: 0,
    miter: 10,
    font: undefined,
    size: 0,
    tc: 0,
    tw: 0,
    th: 1,
    tl: 0,
    rise: 0,
  }
}

/** One content stream being interpreted. */
export interface Frame {
  gs: GState
  readonly stack: GState[]
  readonly pen: Pen
  readonly path: PathArea
  readonly res: Dict | undefined
  readonly depth: number
  readonly onPath: ReadonlySet<string>
  clipPending: boolean
}

/** A frame for content drawn from `gs` with `res`. */
export function newFrame(gs: GState, res: Dict | undefined, depth: number, on: Set<string>) {
  const f: Frame = {
    gs: { ...gs },
    stack: [],
    pen: newPen(),
    path: new PathArea(gs.ctm),
    res,
    depth,
    onPath: on,
    clipPending: false,
  }
  return f
}

/** The last `n` operands as numbers, or undefined when they are not all numbers. */
export function nums(o: ContentOp, n: number): number[] | undefined {
  if (o.operands.length < n) return undefined
  const out: number[] = []
  for (const x of o.operands.slice(-n)) {
    if (x.kind !== 'number') return undefined
    out.push(x.value)
  }
  return out
}

/** `clip` narrowed to `r`. */
export const clipTo = (clip: Rect | undefined, r: Rect): Rect =>
  clip ? (intersection(clip, r) ?? NOTHING) : r

function graphics(f: Frame, o: ContentOp): boolean {
  const gs = f.gs
  const n1 = () => nums(o, 1)?.[0]
  switch (o.op) {
    case 'q':
      if (f.stack.length >= MAX_SAVE_DEPTH) throw new AreaUnknown('graphics states nest too deeply')
      f.stack.push({ ...gs })
      return true
    case 'Q':
      if (f.stack.length) f.gs = f.stack.pop()!
      f.path.setMatrix(f.gs.ctm)
      return true
    case 'cm': {
      const m = matrixOf(nums(o, 6))
      if (m) gs.ctm = multiply(m, gs.ctm)
      f.path.setMatrix(gs.ctm)
      return true
    }
    case 'w':
      gs.lineWidth = Math.abs(n1() ?? gs.lineWidth)
      return true
    case 'j':
      gs.join = n1() ?? gs.join
      return true
    case 'M':
      gs.miter = n1() ?? gs.miter
      return true
  }
  return false
}

function path(f: Frame, o: ContentOp): boolean {
  switch (o.op) {
    case 'm':
    case 'l':
    case 'c':
    case 'y': {
      const v = nums(o, { m: 2, l: 2, c: 6, y: 4 }[o.op])
      if (!v) return true
      if (o.op === 'm') f.path.moveTo(v[0]!, v[1]!)
      else if (o.op === 'y') f.path.segment([v[0]!, v[1]!, v[2]!, v[3]!, v[2]!, v[3]!])
      else f.path.segment(v)
      return true
    }
    case 'v': {
      const v = nums(o, 4)
      if (v) f.path.curveFromCurrent(v[0]!, v[1]!, v[2]!, v[3]!)
      return true
    }
    case 're': {
      const v = nums(o, 4)
      if (v) f.path.rect(v[0]!, v[1]!, v[2]!, v[3]!)
      return true
    }
    case 'h':
      f.path.close()
      return true
    case 'W':
    case 'W*':
      f.clipPending = true
      return true
  }
  return false
}

function text(f: Frame, o: ContentOp): boolean {
  const gs = f.gs
  const x = nums(o, 1)?.[0]
  switch (o.op) {
    case 'BT':
      setMatrix(f.pen, IDENTITY)
      return true
    case 'Tc':
      gs.tc = x ?? gs.tc
      return true
    case 'Tw':
      gs.tw = x ?? gs.tw
      return true
    case 'TL':
      gs.tl = x ?? gs.tl
      return true
    case 'Ts':
      gs.rise = x ?? gs.rise
      return true
    case 'Tz':
      gs.th = x === undefined ? gs.th : x / 100
      return true
    case 'Td':
    case 'TD': {
      const t = nums(o, 2)
      if (!t) return true
      if (o.op === 'TD') gs.tl = -t[1]!
      moveLine(f.pen, t[0]!, t[1]!)
      return true
    }
    case 'Tm': {
      const m = matrixOf(nums(o, 6))
      if (m) setMatrix(f.pen, m)
      return true
    }
    case 'T*':
      moveLine(f.pen, 0, -gs.tl)
      return true
  }
  return false
}

/** Applies `o` when it only changes the state; returns whether it did. */
export function stateStep(f: Frame, o: ContentOp): boolean {
  return graphics(f, o) || path(f, o) || text(f, o)
}
