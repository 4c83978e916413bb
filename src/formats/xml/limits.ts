import { PLAIN } from '../../shape.js'
/**
 * Bounds applied by the XML parser.
 */

/** Configurable bounds for {@link parseXml}; omitted fields take the documented defaults. */
export interface XmlLimits {
  /** Largest input, in bytes. Default 16 MB. */
  readonly maxBytes: number
  /** Deepest element nesting. Default 64. */
  readonly maxDepth: number
  /** Most nodes (elements, attributes and text runs). Default 200 000. */
  readonly maxNodes: number
  /** Most attributes on one element. Default 256. */
  readonly maxAttributes: number
}

/** The default XML bounds. */
export const DEFAULT_XML_LIMITS: XmlLimits = Object.freeze({
  maxBytes: 16 * 1024 * 1024,
  maxDepth: 64,
  maxNodes: 200_000,
  maxAttributes: 256,
})

/** Fills omitted fields with defaults and rejects nonsensical values. */
export function resolveXmlLimits(limits?: Partial<XmlLimits>): XmlLimits {
  const out = { ...PLAIN, ...DEFAULT_XML_LIMITS, ...limits }
  for (const [key, value] of Object.entries(out)) {
    if (!Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(`XML limit ${key} must be a positive safe integer`)
    }
  }
  return out
}
