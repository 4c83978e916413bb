/**
 * The "looks like a seal" heuristic (documented in docs/seal-pictures.md): a Chinese official
 * seal is red ink on paper, round, oval or square, with an outline closing around its centre.
 */
import type { Raster } from './raster.js'
import { toGrid } from './resample.js'

/** Side of the analysis grid (the picture is averaged onto it first). */
const GRID = 96
/** Rays cast from the centre of the red ink's bounding box. */
const RAYS = 32

/** The measurements behind a {@link looksLikeSeal} decision. */
export interface SealLikeness {
  readonly sealLike: boolean
  /** Share of grid cells holding ink (any non-white colour). */
  readonly inkShare: number
  /** Share of the ink cells that are red. */
  readonly redShare: number
  /** Width / height of the red ink's bounding box (0 when there is no red). */
  readonly aspect: number
  /** Share of the rays that meet red ink near the outline (0..1). */
  readonly outline: number
}

/** A red cell: strong red channel clearly above green and blue. */
function isRed(r: number, g: number, b: number): boolean {
  return r >= 120 && r - g >= 50 && r - b >= 50
}

function isInk(r: number, g: number, b: number): boolean {
  return Math.min(r, g, b) < 200
}

/**
 * Decides whether a picture looks like a seal: at least 16×16 pixels, a picture aspect
 * between 1:2 and 2:1, ink on 2–90% of the area, at least 60% of the ink red, the red ink's
 * bounding box between 2:3 and 3:2, and on at least 28 of 32 rays from its centre the
 * outermost red lies within the outer fifth of the inscribed ellipse or beyond it.
 */
export function looksLikeSeal(raster: Raster): SealLikeness {
  const none = (inkShare = 0, redShare = 0) =>
    ({ sealLike: false, inkShare, redShare, aspect: 0, outline: 0 }) as const
  const pictureAspect = raster.width / raster.height
  if (raster.width < 16 || raster.height < 16 || pictureAspect < 0.5 || pictureAspect > 2) {
    return none()
  }
  const grid = toGrid(raster, GRID, GRID)
  const red = new Uint8Array(GRID * GRID)
  let inkCells = 0
  let redCells = 0
  let x0 = GRID
  let y0 = GRID
  let x1 = -1
  let y1 = -1
  for (let y = 0; y < GRID; y++) {
    for (let x = 0; x < GRID; x++) {
      const cell = y * GRID + x
      const r = grid.rgb[cell * 3]!
      const g = grid.rgb[cell * 3 + 1]!
      const b = grid.rgb[cell * 3 + 2]!
      if (!isInk(r, g, b)) continue
      inkCells++
      if (!isRed(r, g, b)) continue
      redCells++
      red[cell] = 1
      x0 = Math.min(x0, x)
      y0 = Math.min(y0, y)
      x1 = Math.max(x1, x)
      y1 = Math.max(y1, y)
    }
  }
  const inkShare = inkCells / (GRID * GRID)
  const redShare = inkCells === 0 ? 0 : redCells / inkCells
  if (inkShare < 0.02 || inkShare > 0.9 || redShare < 0.6) return none(inkShare, redShare)
  // Aspect on the picture's own proportions, not the square grid's.
  const boxW = ((x1 - x0 + 1) * raster.width) / GRID
  const boxH = ((y1 - y0 + 1) * raster.height) / GRID
  const aspect = boxW / boxH
  const outline = outlineShare(red, x0, y0, x1, y1)
  const sealLike = aspect >= 2 / 3 && aspect <= 1.5 && outline >= 28 / RAYS
  return { sealLike, inkShare, redShare, aspect, outline }
}

/** Share of rays whose outermost red cell reaches 80% of the inscribed ellipse's radius. */
function outlineShare(red: Uint8Array, x0: number, y0: number, x1: number, y1: number): number {
  const cx = (x0 + x1 + 1) / 2
  const cy = (y0 + y1 + 1) / 2
  const rx = (x1 - x0 + 1) / 2
  const ry = (y1 - y0 + 1) / 2
  if (rx < 3 || ry < 3) return 0
  let closed = 0
  for (let k = 0; k < RAYS; k++) {
    const angle = (2 * Math.PI * k) / RAYS
    const dx = Math.cos(angle)
    const dy = Math.sin(angle)
    let outermost = 0
    const steps = 2 * Math.ceil(Math.max(rx, ry) * 1.5)
    for (let s = 0; s <= steps; s++) {
      const t = (s / steps) * 1.5
      const x = Math.floor(cx + dx * rx * t)
      const y = Math.floor(cy + dy * ry * t)
      if (x < x0 || x > x1 || y < y0 || y > y1) break
      if (red[y * GRID + x]) outermost = t
    }
    if (outermost >= 0.8) closed++
  }
  return closed / RAYS
}
