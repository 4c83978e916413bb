/**
 * Where text shows paint (ISO 32000-1 §9.4): the text and line matrices moved by Td, TD, T*,
 * Tm, and the box a string covers from the font's widest advance and glyph box, with
 * character spacing, word spacing, horizontal scaling and rise. Glyph widths are bounded,
 * not looked up, so the pen position after a show is an interval (`slack` wide).
 */
import type { Rect } from '../appearance/geometry.js'
import { IDENTITY, multiply, translation, type Matrix } from './affine.js'
import { AreaUnknown } from './area.js'
import type { FontMetrics } from './font-metrics.js'

/** The text state parameters (part of the graphics state). */
export interface TextParams {
  readonly font: FontMetrics
  readonly size: number
  /** Character and word spacing, horizontal scaling (Tz / 100), leading, rise. */
  readonly tc: number
  readonly tw: number
  readonly th: number
  readonly tl: number
  readonly rise: number
}

/** The text object's matrices; `slack` is how far right of `tm` the pen may really be. */
export interface Pen {
  tm: Matrix
  tlm: Matrix
  slack: number
}

/** A pen at the start of a text object (BT). */
export function newPen(): Pen {
  return { tm: IDENTITY, tlm: IDENTITY, slack: 0 }
}

/** Td: a new line offset from the start of the current one. */
export function moveLine(pen: Pen, tx: number, ty: number): void {
  pen.tlm = multiply(translation(tx, ty), pen.tlm)
  pen.tm = pen.tlm
  pen.slack = 0
}

/** Tm: sets both matrices. */
export function setMatrix(pen: Pen, m: Matrix): void {
  pen.tm = m
  pen.tlm = m
  pen.slack = 0
}

/** One element of a show: a string's bytes, or a TJ adjustment in thousandths of an em. */
export type ShowPart = Uint8Array | number

/**
 * Moves the pen over `parts` and returns the box they paint in text space (before `tm`),
 * or undefined when no glyph is shown.
 */
export function showText(t: TextParams, pen: Pen, parts: readonly ShowPart[]): Rect | undefined {
  if (t.font.vertical) throw new AreaUnknown('text in vertical writing mode')
  let lo = 0
  let hi = pen.slack
  let first = Infinity
  let last = -Infinity
  const step = t.font.codeBytes
  const narrow = t.font.minAdvance * t.size
  const wide = t.font.maxAdvance * t.size
  for (const part of parts) {
    if (typeof part === 'number') {
      const adj = (-part / 1000) * t.size * t.th
      lo += adj
      hi += adj
      continue
    }
    for (let i = 0; i < part.length; i += step) {
      const space = step === 1 && part[i] === 0x20 ? t.tw : 0
      const a = (narrow + t.tc + space) * t.th
      const b = (wide + t.tc + space) * t.th
      first = Math.min(first, lo)
      last = Math.max(last, hi)
      lo += Math.min(a, b)
      hi += Math.max(a, b)
    }
  }
  pen.tm = multiply(translation(lo, 0), pen.tm)
  pen.slack = hi - lo
  if (first === Infinity) return undefined
  const [bx0, by0, bx1, by1] = t.font.bbox
  const x0 = bx0 * t.size * t.th
  const x1 = bx1 * t.size * t.th
  const y0 = by0 * t.size
  const y1 = by1 * t.size
  return [
    first + Math.min(x0, x1),
    t.rise + Math.min(y0, y1),
    last + Math.max(x0, x1),
    t.rise + Math.max(y0, y1),
  ]
}
