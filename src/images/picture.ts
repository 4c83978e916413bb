import { PLAIN } from '../shape.js'
/**
 * A picture extracted for display: PNG or JPEG bytes a browser can show, its size in pixels
 * and its digest. The bytes of a decoded raster are encoded only when first read, so that a
 * verification that never shows pictures never pays for the PNG encoding.
 */

/** Display format of a {@link Picture}. */
export type PictureFormat = 'png' | 'jpeg' | 'raw'

/** A picture as reported in verdicts and shown to people. */
export interface Picture {
  readonly format: PictureFormat
  readonly width: number
  readonly height: number
  /**
   * Lower-case hex picture digest: for `png` (a decoded raster) the {@link rasterDigest} of its
   * pixels, for `jpeg` and `raw` the SHA-256 of `data` (the stream bytes as stored).
   */
  readonly sha256: string
  /** PNG or JPEG file bytes for display (`raw`: the undecoded stream bytes). */
  readonly data: Uint8Array
}

/**
 * A picture whose `data` is computed by `encode` on first read and then kept. The property is
 * an enumerable getter, so copying the object with a spread reads (and encodes) it: pass the
 * picture itself, or use {@link withLazyData}, where the bytes may not be needed.
 */
export function lazyPicture(head: Omit<Picture, 'data'>, encode: () => Uint8Array): Picture {
  let data: Uint8Array | undefined
  return Object.freeze(
    Object.defineProperty({ ...head }, 'data', {
      enumerable: true,
      get: (): Uint8Array => (data ??= encode()),
    }) as Picture,
  )
}

/**
 * Copies `fields` into a new object and adds `picture`'s fields, keeping its `data` lazy (read
 * from `picture` on first access).
 * @example
 * const shown = withLazyData({ signatureId: 's1', role: 'displayed' }, picture)
 */
export function withLazyData<T extends object>(
  fields: T,
  picture: { readonly format: string; readonly width: number; readonly height: number } & {
    readonly data: Uint8Array
  },
): T & { readonly format: string; readonly width: number; readonly height: number } & {
  readonly data: Uint8Array
} {
  const { format, width, height } = picture
  // A getter in the literal is an own enumerable property, as one defined afterwards would be,
  // without turning the object into a slow dictionary.
  return {
    ...PLAIN,
    ...fields,
    format,
    width,
    height,
    get data(): Uint8Array {
      return picture.data
    },
  }
}
