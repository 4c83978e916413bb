/**
 * Decoding of picture files for comparison and analysis: PNG and sequential JPEG are decoded;
 * other formats (and progressive or arithmetic JPEG) are not, so they compare by digest only.
 */
import { YrdError } from '../errors.js'
import { decodeJpeg, isJpeg } from './jpeg-decode.js'
import { decodePng, isPng } from './png-decode.js'
import { DEFAULT_IMAGE_LIMITS, type ImageLimits, type Raster } from './raster.js'

/**
 * Decodes a picture file when its format is supported, else returns undefined.
 * Malformed PNG or JPEG data throws `format.image.*`; data over the limits `limit.image.*`.
 * @example
 * const raster = decodePicture(seal.picture.data) // undefined for a GIF seal picture
 */
export function decodePicture(
  data: Uint8Array,
  limits: ImageLimits = DEFAULT_IMAGE_LIMITS,
): Raster | undefined {
  if (isPng(data)) return decodePng(data, limits)
  if (!isJpeg(data)) return undefined
  try {
    return decodeJpeg(data, limits)
  } catch (e) {
    if (e instanceof YrdError && e.code === 'format.image.jpeg-unsupported') return undefined
    throw e
  }
}
