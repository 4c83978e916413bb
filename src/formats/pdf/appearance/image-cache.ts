/**
 * Decoded seal pictures remembered across documents. The licences of one issuer draw the same
 * stamp image, so a verifier decodes it once. The key covers everything decoding reads (see
 * image-key.ts): a small input is stored with the entry and compared in full on a hit, a large
 * one is keyed by its SHA-256, so a hit means equal inputs and equal pixels. A hit is charged
 * to the file's decode budget as the decode was, and is taken only when that budget would have
 * allowed the decode: the verdict is the one a miss gives.
 */
import type { BoundedCache } from '../../../pki/cache.js'
import type { PdfFile, PdfStream } from '../types.js'
import { sameBytes } from '../../../crypto/bytes.js'
import { imageKeyOf } from './image-key.js'
import { decodeImageXObject } from './image-xobject.js'
import { toPicture, type DecodedPicture } from './picture.js'

export { imageKey } from './image-key.js'

/** A cached decode: the picture, what it cost the budget, the per-stream bound it met. */
export interface CachedPicture {
  readonly picture: DecodedPicture
  readonly charged: number
  readonly perStream: number
  /** The key input, for keys that keep it (image-key.ts). */
  readonly input?: Uint8Array
}

/** Where a verifier keeps decoded pictures. */
export type PictureCache = BoundedCache<CachedPicture>

/** Largest raster kept (RGBA bytes): seal pictures, not page scans. */
export const MAX_CACHED_RASTER = 1024 * 1024

/**
 * The picture of an image XObject, decoded or taken from `cache` (see the file comment).
 * Throws what decoding throws.
 */
export function pictureOfImage(
  pdf: PdfFile,
  stream: PdfStream,
  rev: number,
  cache?: PictureCache,
): DecodedPicture {
  // The key is computed with or without a cache: reading the objects it covers may note reader
  // problems, and a verifier and a plain verify() must note the same ones.
  const key = imageKeyOf(pdf, stream, rev)
  if (!cache || key === undefined) return toPicture(decodeImageXObject(pdf, stream, rev))
  const budget = pdf.decodeBudget
  const hit = cache.get(key.id)
  if (
    hit &&
    (key.input === undefined || (hit.input !== undefined && sameBytes(hit.input, key.input))) &&
    budget.perStream >= hit.perStream &&
    budget.remaining >= hit.charged
  ) {
    pdf.chargeDecoded(hit.charged)
    return hit.picture
  }
  const input = key.input?.slice()
  const image = decodeImageXObject(pdf, stream, rev)
  const charged = budget.remaining - pdf.decodeBudget.remaining
  const picture = toPicture(image)
  if (image.kind === 'raster' && image.raster.rgba.length <= MAX_CACHED_RASTER) {
    const perStream = budget.perStream
    cache.set(
      key.id,
      input ? { picture, charged, perStream, input } : { picture, charged, perStream },
    )
  }
  return picture
}
