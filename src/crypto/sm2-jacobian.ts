/**
 * Fast variable-time point arithmetic on the SM2 curve for signature verification (public
 * data only): Jacobian coordinates with the a = −3 doubling, mixed additions against affine
 * tables, signed fixed-window tables for the base point and for cached keys, and width-5 wNAF
 * for keys seen once. Inputs are points already validated by @noble/curves.
 */
import { invert } from './modular.js'
import { SM2_CURVE } from './sm2-curve.js'

const P = SM2_CURVE.p

/** An affine point (never infinity here). */
export interface Affine {
  readonly x: bigint
  readonly y: bigint
}

/** A Jacobian point; z = 0 is infinity. */
export interface Jac {
  x: bigint
  y: bigint
  z: bigint
}

const INF = (): Jac => ({ x: 1n, y: 1n, z: 0n })

function dbl(a: Jac): Jac {
  if (a.z === 0n || a.y === 0n) return INF()
  const delta = (a.z * a.z) % P
  const gamma = (a.y * a.y) % P
  const beta = (a.x * gamma) % P
  const alpha = (3n * (((a.x - delta) * (a.x + delta)) % P)) % P
  let x = (alpha * alpha - 8n * beta) % P
  if (x < 0n) x += P
  let z = ((a.y + a.z) * (a.y + a.z) - gamma - delta) % P
  if (z < 0n) z += P
  let y = (alpha * (4n * beta - x) - 8n * ((gamma * gamma) % P)) % P
  if (y < 0n) y += P
  return { x, y, z }
}

/** a + (x2, y2), with y2 given explicitly so that negation costs nothing. */
function addMixed(a: Jac, x2: bigint, y2: bigint): Jac {
  if (a.z === 0n) return { x: x2, y: y2, z: 1n }
  const z1z1 = (a.z * a.z) % P
  const u2 = (x2 * z1z1) % P
  const s2 = (((y2 * a.z) % P) * z1z1) % P
  let h = (u2 - a.x) % P
  if (h < 0n) h += P
  let r = (2n * (s2 - a.y)) % P
  if (r < 0n) r += P
  if (h === 0n) return r === 0n ? dbl({ x: x2, y: y2, z: 1n }) : INF()
  const hh = (h * h) % P
  const i = (4n * hh) % P
  const j = (h * i) % P
  const v = (a.x * i) % P
  let x = (r * r - j - 2n * v) % P
  if (x < 0n) x += P
  let y = (r * (v - x) - 2n * ((a.y * j) % P)) % P
  if (y < 0n) y += P
  let z = ((a.z + h) * (a.z + h) - z1z1 - hh) % P
  if (z < 0n) z += P
  return { x, y, z }
}

/** Converts many finite Jacobian points to affine with one inversion (Montgomery's trick). */
function normalizeAll(points: readonly Jac[]): Affine[] {
  const prefix: bigint[] = new Array<bigint>(points.length)
  let acc = 1n
  for (let i = 0; i < points.length; i++) {
    prefix[i] = acc
    acc = (acc * (points[i]?.z ?? 1n)) % P
  }
  let inv = invert(acc, P)
  const out: Affine[] = new Array<Affine>(points.length)
  for (let i = points.length - 1; i >= 0; i--) {
    const pt = points[i] as Jac
    const zInv = (inv * (prefix[i] ?? 1n)) % P
    inv = (inv * pt.z) % P
    const z2 = (zInv * zInv) % P
    out[i] = { x: (pt.x * z2) % P, y: (((pt.y * z2) % P) * zInv) % P }
  }
  return out
}

/** A signed fixed-window table: entry [w][j−1] = j · 2^(W·w) · Q for j = 1..2^(W−1). */
export class FixedWindowTable {
  private readonly rows: Affine[][]

  constructor(
    q: Affine,
    readonly window: number,
  ) {
    const half = 1 << (window - 1)
    const windows = Math.ceil(256 / window) + 1
    const all: Jac[] = []
    let base: Jac = { x: q.x, y: q.y, z: 1n }
    for (let w = 0; w < windows; w++) {
      const [b] = normalizeAll([base])
      if (b === undefined) throw new RangeError('table base at infinity')
      let acc: Jac = { x: b.x, y: b.y, z: 1n }
      all.push(acc)
      for (let j = 2; j <= half; j++) {
        acc = addMixed(acc, b.x, b.y)
        all.push(acc)
      }
      for (let d = 0; d < window; d++) base = dbl(base)
    }
    const flat = normalizeAll(all)
    this.rows = []
    for (let w = 0; w < windows; w++) this.rows.push(flat.slice(w * half, (w + 1) * half))
  }

  /** Adds k · Q to `acc` (0 <= k < 2^256). */
  addMultiple(acc: Jac, k: bigint): Jac {
    const W = this.window
    const mask = BigInt((1 << W) - 1)
    const wBig = BigInt(W)
    const full = 1 << W
    const half = full >> 1
    let rest = k
    let out = acc
    for (let w = 0; rest > 0n; w++) {
      let d = Number(rest & mask)
      rest >>= wBig
      if (d > half) {
        d -= full
        rest += 1n
      }
      if (d === 0) continue
      const row = this.rows[w]
      const e = row?.[Math.abs(d) - 1]
      if (e === undefined) throw new RangeError('scalar too large for table')
      out = addMixed(out, e.x, d > 0 ? e.y : P - e.y)
    }
    return out
  }
}

/** Width-5 NAF digits of k > 0, least significant first (each odd, |d| < 16, or 0). */
function wnaf(k: bigint): Int8Array {
  const digits = new Int8Array(258)
  let rest = k
  for (let i = 0; rest > 0n; i++) {
    if ((rest & 1n) === 1n) {
      let d = Number(rest & 31n)
      if (d >= 16) d -= 32
      digits[i] = d
      rest -= BigInt(d)
    }
    rest >>= 1n
  }
  return digits
}

/** x coordinate of k·Q + (the table's multiple m), or undefined at infinity. */
export function mulAddVar(
  q: Affine,
  k: bigint,
  table: FixedWindowTable,
  m: bigint,
): bigint | undefined {
  const odd: Jac[] = [{ x: q.x, y: q.y, z: 1n }]
  const q2 = dbl({ x: q.x, y: q.y, z: 1n })
  const [q2a] = normalizeAll([q2])
  if (q2a === undefined) return undefined
  for (let i = 1; i < 8; i++) odd.push(addMixed(odd[i - 1] as Jac, q2a.x, q2a.y))
  const pre = normalizeAll(odd)
  const digits = wnaf(k)
  let acc = INF()
  for (let i = digits.length - 1; i >= 0; i--) {
    acc = dbl(acc)
    const d = digits[i] ?? 0
    if (d !== 0) {
      const e = pre[(Math.abs(d) - 1) >> 1] as Affine
      acc = addMixed(acc, e.x, d > 0 ? e.y : P - e.y)
    }
  }
  return xOf(table.addMultiple(acc, m))
}

/** x coordinate of a·A + b·B using two tables, or undefined at infinity. */
export function mulAddTables(
  ta: FixedWindowTable,
  a: bigint,
  tb: FixedWindowTable,
  b: bigint,
): bigint | undefined {
  return xOf(tb.addMultiple(ta.addMultiple(INF(), a), b))
}

function xOf(j: Jac): bigint | undefined {
  if (j.z === 0n) return undefined
  const zInv = invert(j.z, P)
  return (j.x * ((zInv * zInv) % P)) % P
}
