/**
 * Turns a decoded image XObject into a displayable picture: rasters are re-encoded as PNG,
 * JPEG data is kept as it is, other codecs are kept raw.
 */
import { pictureDigest } from '../../../images/compare.js'
import type { Picture } from '../../../images/picture.js'
import { encodePng } from '../../../images/png.js'
import type { Raster } from '../../../images/raster.js'
import type { DecodedImage } from './image-xobject.js'

/** A picture with the decoded pixels when there are any. */
export interface DecodedPicture {
  readonly picture: Picture
  readonly raster: Raster | undefined
}

/** Builds the display picture of a decoded image. */
export function toPicture(image: DecodedImage): DecodedPicture {
  if (image.kind === 'raster') {
    const data = encodePng(image.raster)
    const { width, height } = image.raster
    return {
      picture: { format: 'png', width, height, sha256: pictureDigest(data), data },
      raster: image.raster,
    }
  }
  const { data, width, height } = image
  const format = image.kind === 'jpeg' ? 'jpeg' : 'raw'
  return {
    picture: { format, width, height, sha256: pictureDigest(data), data },
    raster: undefined,
  }
}
