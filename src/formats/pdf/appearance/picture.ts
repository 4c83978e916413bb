/**
 * Turns a decoded image XObject into a displayable picture: rasters are re-encoded as PNG
 * (lazily, on first read of the bytes; their digest is that of the pixels), JPEG data is kept
 * as it is (and decoded for analysis when it is sequential JPEG), other codecs are kept raw.
 */
import { YrdError } from '../../../errors.js'
import { pictureDigest, rasterDigest } from '../../../images/compare.js'
import { lazyPicture, type Picture } from '../../../images/picture.js'
import { encodePng } from '../../../images/png.js'
import { decodePicture } from '../../../images/decode.js'
import type { Raster } from '../../../images/raster.js'
import type { DecodedImage } from './image-xobject.js'

/** A picture with the decoded pixels when there are any. */
export interface DecodedPicture {
  readonly picture: Picture
  readonly raster: Raster | undefined
}

/**
 * Builds the display picture of a decoded image (undecodable JPEG: no raster). A raster's PNG
 * is encoded only when `picture.data` is first read.
 */
export function toPicture(image: DecodedImage): DecodedPicture {
  if (image.kind === 'raster') {
    const raster = image.raster
    const { width, height } = raster
    const head = { format: 'png' as const, width, height, sha256: rasterDigest(raster) }
    return { picture: lazyPicture(head, () => encodePng(raster)), raster }
  }
  const { data, width, height } = image
  const sha256 = pictureDigest(data)
  if (image.kind === 'raw') {
    return { picture: { format: 'raw', width, height, sha256, data }, raster: undefined }
  }
  let raster: Raster | undefined
  try {
    raster = decodePicture(data)
  } catch (e) {
    // The JPEG bytes are still shown as they are; they are just not analysed.
    if (!(e instanceof YrdError)) throw e
  }
  return { picture: { format: 'jpeg', width, height, sha256, data }, raster }
}
