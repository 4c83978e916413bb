/**
 * A decoded picture: 8-bit RGBA pixels, row-major, four bytes per pixel. Every decoder of this
 * folder produces it and every comparison consumes it.
 */
import { imageFormat, imageLimit } from './errors.js'

/** Decoded pixels. `rgba.length === width * height * 4`. */
export interface Raster {
  readonly width: number
  readonly height: number
  readonly rgba: Uint8Array
}

/** Bounds on decoded pictures. */
export interface ImageLimits {
  /** Largest width or height accepted. */
  readonly maxDimension: number
  /** Largest width × height accepted. */
  readonly maxPixels: number
  /** Largest inflated size of compressed image data, in bytes. */
  readonly maxInflated: number
}

export const DEFAULT_IMAGE_LIMITS: ImageLimits = {
  maxDimension: 10_000,
  maxPixels: 16_000_000,
  maxInflated: 256 * 1024 * 1024,
}

/** Throws `limit.image.size` unless width and height are positive and within the limits. */
export function checkDimensions(width: number, height: number, limits: ImageLimits): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw imageFormat('size', `invalid picture size ${width}×${height}`)
  }
  if (width > limits.maxDimension || height > limits.maxDimension) {
    throw imageLimit('size', `picture size ${width}×${height} over the limit`)
  }
  if (width * height > limits.maxPixels) {
    throw imageLimit('size', `picture of ${width * height} pixels over the limit`)
  }
}

/** Allocates a transparent raster after checking its size. */
export function newRaster(width: number, height: number, limits: ImageLimits): Raster {
  checkDimensions(width, height, limits)
  return { width, height, rgba: new Uint8Array(width * height * 4) }
}
