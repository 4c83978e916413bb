/**
 * Bounds of the OFD reader, on top of the zip and XML bounds.
 */
import type { XmlLimits } from '../xml/limits.js'
import type { ZipLimits } from '../zip/limits.js'
import { PLAIN } from '../../shape.js'

/** Configurable bounds for {@link readOfd}. */
export interface OfdLimits {
  /** Most `DocBody` elements. Default 16. */
  readonly maxDocuments: number
  /** Most signatures per document. Default 256. */
  readonly maxSignatures: number
  /** Most references per signature. Default 10 000. */
  readonly maxReferences: number
  /** Most pages per document. Default 10 000. */
  readonly maxPages: number
  readonly zip: Partial<ZipLimits>
  readonly xml: Partial<XmlLimits>
}

/** The default OFD bounds (zip and XML defaults apply underneath). */
export const DEFAULT_OFD_LIMITS: OfdLimits = Object.freeze({
  maxDocuments: 16,
  maxSignatures: 256,
  maxReferences: 10_000,
  maxPages: 10_000,
  zip: {},
  xml: {},
})

/** Fills omitted fields with defaults and rejects nonsensical counts. */
export function resolveOfdLimits(limits?: Partial<OfdLimits>): OfdLimits {
  const out = { ...PLAIN, ...DEFAULT_OFD_LIMITS, ...limits }
  const counts = [out.maxDocuments, out.maxSignatures, out.maxReferences, out.maxPages]
  if (!counts.every((n) => Number.isSafeInteger(n) && n >= 0)) {
    throw new RangeError('OFD count limits must be non-negative safe integers')
  }
  return out
}
