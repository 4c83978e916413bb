/**
 * Decoding of a drawn image, whichever way it is drawn: an image XObject from its stream (its
 * picture through the verifier's cache), an inline image from the data its content held.
 */
import { pdfLimit } from '../errors.js'
import type { PdfFile } from '../types.js'
import { pictureOfImage, type PictureCache } from './image-cache.js'
import { decodeImage, decodeImageXObject, type DecodedImage } from './image-xobject.js'
import { toPicture, type DecodedPicture } from './picture.js'
import type { DrawnImage } from './walk.js'

/**
 * Decodes a drawn image. Throws what image decoding throws, and `limit.pdf.inline-image-size`
 * for an inline image whose data was too large to keep.
 */
export function decodeDrawn(pdf: PdfFile, img: DrawnImage, rev: number): DecodedImage {
  if (img.kind === 'xobject') return decodeImageXObject(pdf, img.stream, rev)
  if (img.data === null) {
    throw pdfLimit(
      'inline-image-size',
      'inline image data too large to analyse',
      '内嵌图片数据过大，无法分析',
    )
  }
  return decodeImage(pdf, img.dict, img.data, rev)
}

/** The picture of a drawn image (image XObjects through `cache`, see image-cache.ts). */
export function pictureOfDrawn(
  pdf: PdfFile,
  img: DrawnImage,
  rev: number,
  cache?: PictureCache,
): DecodedPicture {
  if (img.kind === 'xobject') return pictureOfImage(pdf, img.stream, rev, cache)
  return toPicture(decodeDrawn(pdf, img, rev))
}
