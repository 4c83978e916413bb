import { PLAIN } from '../../shape.js'
/**
 * Bounds applied while reading a zip archive. Every bound is checked before the work it
 * protects, so a hostile archive is refused without inflating it.
 */

/** Configurable bounds for {@link readZip}; omitted fields take the documented defaults. */
export interface ZipLimits {
  /** Most entries (files and folders) accepted in the central directory. Default 10 000. */
  readonly maxEntries: number
  /** Largest declared uncompressed size of one entry, in bytes. Default 100 MB. */
  readonly maxEntrySize: number
  /** Largest sum of declared uncompressed sizes, in bytes. Default 200 MB. */
  readonly maxTotalSize: number
  /** Largest uncompressed / compressed ratio for an entry beyond `ratioThreshold`. Default 200. */
  readonly maxRatio: number
  /** Uncompressed size from which `maxRatio` applies, in bytes. Default 1 MB. */
  readonly ratioThreshold: number
  /** Longest entry name, in UTF-8 bytes. Default 512. */
  readonly maxNameLength: number
  /** Most path segments in an entry name. Default 32. */
  readonly maxNameDepth: number
}

/** The default zip bounds. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = Object.freeze({
  maxEntries: 10_000,
  maxEntrySize: 100 * 1024 * 1024,
  maxTotalSize: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioThreshold: 1024 * 1024,
  maxNameLength: 512,
  maxNameDepth: 32,
})

/** Fills omitted fields with defaults and rejects nonsensical values. */
export function resolveZipLimits(limits?: Partial<ZipLimits>): ZipLimits {
  const out = { ...PLAIN, ...DEFAULT_ZIP_LIMITS, ...limits }
  for (const [key, value] of Object.entries(out)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`zip limit ${key} must be a non-negative safe integer`)
    }
  }
  return out
}
