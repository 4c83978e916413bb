/**
 * Decoding of picture files for comparison: PNG is decoded; JPEG and other formats are not
 * (no JPEG decoder is included), so they compare by digest only.
 */
import { decodePng, isPng } from './png-decode.js'
import { DEFAULT_IMAGE_LIMITS, type ImageLimits, type Raster } from './raster.js'

/**
 * Decodes a picture file when its format is supported (PNG), else returns undefined.
 * Malformed PNG data throws `format.image.*`; data over the limits throws `limit.image.*`.
 * @example
 * const raster = decodePicture(seal.picture.data) // undefined for a JPEG seal picture
 */
export function decodePicture(
  data: Uint8Array,
  limits: ImageLimits = DEFAULT_IMAGE_LIMITS,
): Raster | undefined {
  return isPng(data) ? decodePng(data, limits) : undefined
}
