/**
 * BER→DER for the outer layers of CMS messages written by streaming encoders: indefinite
 * lengths become definite and constructed OCTET STRINGs (eContent split in chunks) become one
 * primitive OCTET STRING; DER parts such as signed attributes keep their exact encoding.
 */
import { rewriteBer } from '../../asn1/ber.js'

/** Deepest nesting followed. */
export const MAX_BER_DEPTH = 48
/** Most elements visited in one message. */
export const MAX_BER_ELEMENTS = 500_000

/** The normalised element and where the original one ended in the input. */
export interface Normalised {
  /** The element in definite-length form (the input slice itself when nothing changed). */
  readonly bytes: Uint8Array
  /** Offset just past the element in the input (after end-of-contents for indefinite). */
  readonly end: number
}

/**
 * Normalises the element that starts at offset 0 of `input`. Bytes after it are not read;
 * `end` says where it stopped. Throws FormatError ('format.der') or LimitError ('limit.cms').
 * @example
 * const { bytes, end } = normaliseBer(contents) // end < contents.length: padding follows
 */
export function normaliseBer(input: Uint8Array): Normalised {
  const r = rewriteBer(input, {
    maxDepth: MAX_BER_DEPTH,
    maxElements: MAX_BER_ELEMENTS,
    flattenOctetStrings: true,
    limitCode: 'limit.cms',
  })
  return { bytes: r.bytes, end: r.end }
}
