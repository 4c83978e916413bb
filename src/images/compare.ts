/**
 * Comparison of two seal pictures: exact (SHA-256 of the bytes) and perceptual (decoded
 * pixels on a common grid). The perceptual measure and its threshold are documented in
 * docs/seal-pictures.md.
 */
import { toHex } from '../asn1/der.js'
import { createHasher, hash } from '../crypto/hash.js'
import type { Raster } from './raster.js'
import { toGrid } from './resample.js'

/** Largest side of the square grid both pictures are averaged onto. */
export const COMPARE_GRID = 128

/** A cell differs when its colours in the two pictures are further apart than this
 *  (0..1, mean absolute difference of R, G and B). */
export const CELL_TOLERANCE = 0.3

/**
 * Largest share of differing cells (among cells with ink in either picture) at which two
 * pictures are the same picture. Re-encoding and rescaling stay at 0; one changed digit of
 * a 96-pixel seal's 3×5-pixel label gives about 0.0017.
 */
export const PERCEPTUAL_THRESHOLD = 0.001

/** The outcome of {@link comparePictures}. */
export interface PictureComparison {
  /** `exact`: same bytes; `perceptual`: decoded pixels within the threshold; else `none`. */
  readonly match: 'exact' | 'perceptual' | 'none'
  /** The perceptual distance (0 = same pixels), or null when not computed. */
  readonly distance: number | null
  readonly threshold: number
}

/** Lower-case hex SHA-256 of picture bytes. */
export function pictureDigest(data: Uint8Array): string {
  return toHex(hash('SHA-256', data))
}

/** Prefix of the bytes {@link rasterDigest} hashes, so a pixel digest never equals a file's. */
const RASTER_DIGEST_TAG = new TextEncoder().encode('yrd-raster-rgba8\0')

/**
 * Lower-case hex SHA-256 of decoded pixels: the ASCII tag `yrd-raster-rgba8`, a zero byte, the
 * width and height as 32-bit big-endian integers, then the RGBA samples row by row. Two
 * pictures with this digest equal show the same pixels, whatever file format carried them.
 */
export function rasterDigest(r: Raster): string {
  const head = new Uint8Array(8)
  const view = new DataView(head.buffer)
  view.setUint32(0, r.width)
  view.setUint32(4, r.height)
  const h = createHasher('SHA-256')
  h.update(RASTER_DIGEST_TAG)
  h.update(head)
  h.update(r.rgba)
  return toHex(h.digest())
}

function isInk(rgb: Float32Array, cell: number): boolean {
  return Math.min(rgb[cell * 3]!, rgb[cell * 3 + 1]!, rgb[cell * 3 + 2]!) < 200
}

/**
 * Perceptual distance of two decoded pictures. Both are averaged over white paper onto a
 * square grid whose side is the smallest picture side (16 to 128 cells), so that neither is
 * upsampled; a cell differs when its two colours are more than {@link CELL_TOLERANCE} apart.
 * The distance is the share of differing cells among cells with ink (a channel under 200) in
 * either picture: 0 for the same picture, close to 1 for unrelated ones.
 */
export function perceptualDistance(a: Raster, b: Raster): number {
  const side = Math.max(16, Math.min(COMPARE_GRID, a.width, a.height, b.width, b.height))
  const ga = toGrid(a, side, side)
  const gb = toGrid(b, side, side)
  let differing = 0
  let inked = 0
  for (let y = 0; y < side; y++) {
    for (let x = 0; x < side; x++) {
      const cell = y * side + x
      if (!isInk(ga.rgb, cell) && !isInk(gb.rgb, cell)) continue
      inked++
      let d = 0
      for (let c = 0; c < 3; c++) d += Math.abs(ga.rgb[cell * 3 + c]! - gb.rgb[cell * 3 + c]!)
      if (d / (3 * 255) > CELL_TOLERANCE) differing++
    }
  }
  return inked === 0 ? 0 : differing / inked
}

/**
 * Compares two pictures: equal bytes match exactly; otherwise, when both are decoded, the
 * perceptual distance decides against {@link PERCEPTUAL_THRESHOLD}. Pictures that cannot be
 * decoded (progressive JPEG, GIF, …: see `decodePicture`) compare by digest only.
 */
export function comparePictures(
  a: { readonly data: Uint8Array; readonly raster?: Raster | undefined },
  b: { readonly data: Uint8Array; readonly raster?: Raster | undefined },
): PictureComparison {
  const threshold = PERCEPTUAL_THRESHOLD
  if (pictureDigest(a.data) === pictureDigest(b.data)) {
    return { match: 'exact', distance: 0, threshold }
  }
  if (!a.raster || !b.raster) return { match: 'none', distance: null, threshold }
  const distance = perceptualDistance(a.raster, b.raster)
  return { match: distance <= threshold ? 'perceptual' : 'none', distance, threshold }
}
