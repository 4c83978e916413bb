/**
 * A picture extracted for display: PNG or JPEG bytes a browser can show, its size in pixels
 * and the SHA-256 of those bytes. `raw` is used when the pixels could not be re-encoded.
 */

/** Display format of a {@link Picture}. */
export type PictureFormat = 'png' | 'jpeg' | 'raw'

/** A picture as reported in verdicts and shown to people. */
export interface Picture {
  readonly format: PictureFormat
  readonly width: number
  readonly height: number
  /** Lower-case hex SHA-256 of `data`. */
  readonly sha256: string
  /** PNG or JPEG file bytes for display (`raw`: the undecoded stream bytes). */
  readonly data: Uint8Array
}
