/**
 * Bounds applied while reading a PDF. Each bound is checked before the work it protects.
 */
import type { PdfLimits } from './types.js'
import { PLAIN } from '../../shape.js'

/** The default PDF bounds. */
export const DEFAULT_PDF_LIMITS: PdfLimits = Object.freeze({
  maxFileSize: 1024 * 1024 * 1024,
  maxRevisions: 256,
  maxObjects: 1_000_000,
  maxStreamOutput: 64 * 1024 * 1024,
  maxTotalOutput: 512 * 1024 * 1024,
  maxDepth: 64,
  maxRefChain: 32,
  maxSignatures: 1_000,
  maxPages: 100_000,
})

function hasOwnKeys(o: object): boolean {
  for (const key in o) if (Object.hasOwn(o, key)) return true
  return false
}

/** Fills omitted fields with defaults and rejects nonsensical values. */
export function resolvePdfLimits(limits?: Partial<PdfLimits>): PdfLimits {
  if (limits === undefined || !hasOwnKeys(limits)) return DEFAULT_PDF_LIMITS
  const out = { ...PLAIN, ...DEFAULT_PDF_LIMITS, ...limits }
  for (const [key, value] of Object.entries(out)) {
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new RangeError(`pdf limit ${key} must be a non-negative safe integer`)
    }
  }
  return out
}
