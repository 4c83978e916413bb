/**
 * Area-averaging downscale of a raster onto a fixed grid, with transparency composited over
 * white (how a picture looks on paper). Used by the comparison and the seal heuristic.
 */
import type { Raster } from './raster.js'

/** An opaque RGB grid of floating-point channel means in 0..255. */
export interface Grid {
  readonly width: number
  readonly height: number
  /** `width * height * 3` values, row-major RGB. */
  readonly rgb: Float32Array
}

/**
 * Averages `raster` onto a `width` × `height` grid (each grid cell takes the mean of the
 * source pixels whose centres fall in it; cells with none take the nearest source pixel).
 */
export function toGrid(raster: Raster, width: number, height: number): Grid {
  const sums = new Float64Array(width * height * 3)
  const counts = new Uint32Array(width * height)
  const { rgba } = raster
  for (let y = 0; y < raster.height; y++) {
    const gy = Math.min(height - 1, Math.floor(((y + 0.5) * height) / raster.height))
    for (let x = 0; x < raster.width; x++) {
      const gx = Math.min(width - 1, Math.floor(((x + 0.5) * width) / raster.width))
      const i = (y * raster.width + x) * 4
      const a = rgba[i + 3]! / 255
      const cell = gy * width + gx
      for (let c = 0; c < 3; c++) {
        sums[cell * 3 + c] = sums[cell * 3 + c]! + rgba[i + c]! * a + 255 * (1 - a)
      }
      counts[cell]! += 1
    }
  }
  const rgb = new Float32Array(width * height * 3)
  for (let gy = 0; gy < height; gy++) {
    for (let gx = 0; gx < width; gx++) {
      const cell = gy * width + gx
      const n = counts[cell]!
      if (n > 0) {
        for (let c = 0; c < 3; c++) rgb[cell * 3 + c] = sums[cell * 3 + c]! / n
        continue
      }
      const sx = Math.min(raster.width - 1, Math.floor(((gx + 0.5) * raster.width) / width))
      const sy = Math.min(raster.height - 1, Math.floor(((gy + 0.5) * raster.height) / height))
      const i = (sy * raster.width + sx) * 4
      const a = rgba[i + 3]! / 255
      for (let c = 0; c < 3; c++) rgb[cell * 3 + c] = rgba[i + c]! * a + 255 * (1 - a)
    }
  }
  return { width, height, rgb }
}
