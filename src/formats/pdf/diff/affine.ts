/**
 * Affine transformations of PDF user space (ISO 32000-1 §8.3.3): matrices `[a b c d e f]`
 * mapping (x, y) to (a·x + c·y + e, b·x + d·y + f), and rectangles carried through them.
 */
import type { Rect } from '../appearance/geometry.js'

/** A transformation matrix `[a b c d e f]`. */
export type Matrix = readonly [number, number, number, number, number, number]

export const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0]

/** `m` then `n`: the matrix of applying `m` first (PDF writes it `m × n`). */
export function multiply(m: Matrix, n: Matrix): Matrix {
  const [a, b, c, d, e, f] = m
  const [A, B, C, D, E, F] = n
  return [
    a * A + b * C,
    a * B + b * D,
    c * A + d * C,
    c * B + d * D,
    e * A + f * C + E,
    e * B + f * D + F,
  ]
}

/** The translation by (tx, ty). */
export const translation = (tx: number, ty: number): Matrix => [1, 0, 0, 1, tx, ty]

/** Where `m` maps the point (x, y). */
export function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]]
}

/** The bounding box of `r` mapped through `m` (the image of a box is a parallelogram). */
export function mapRect(m: Matrix, r: Rect): Rect {
  const xs: number[] = []
  const ys: number[] = []
  for (const [x, y] of [
    [r[0], r[1]],
    [r[2], r[1]],
    [r[0], r[3]],
    [r[2], r[3]],
  ] as const) {
    const [u, v] = apply(m, x, y)
    xs.push(u)
    ys.push(v)
  }
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)]
}

/** How much `m` stretches a length at most: its largest singular value. */
export function stretch(m: Matrix): number {
  const [a, b, c, d] = m
  const sum = a * a + b * b + c * c + d * d
  const det = a * d - b * c
  return Math.sqrt((sum + Math.sqrt(Math.max(0, sum * sum - 4 * det * det))) / 2)
}

/** The box spanned by two corners, in any order. */
export function boxOf(x0: number, y0: number, x1: number, y1: number): Rect {
  return [Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1)]
}

/** The smallest box holding both. */
export function union(a: Rect, b: Rect): Rect {
  return [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])]
}

/** `r` grown by `by` on every side. */
export function grow(r: Rect, by: number): Rect {
  return [r[0] - by, r[1] - by, r[2] + by, r[3] + by]
}

/** Whether every coordinate of `r` is a number (infinite ones included, NaN not). */
export function isNumeric(r: Rect): boolean {
  return !r.some(Number.isNaN)
}

/** Reads six finite numbers as a matrix, or undefined. */
export function matrixOf(values: readonly number[] | undefined): Matrix | undefined {
  if (!values || values.length !== 6 || !values.every(Number.isFinite)) return undefined
  return values as unknown as Matrix
}
