/**
 * Rewriting BER indefinite-length encodings as definite lengths, so that bundles written by
 * streaming encoders (BouncyCastle, Java) can go through the strict DER reader. Elements that
 * need no change are kept byte for byte, so certificates inside keep their signed encoding.
 */
import { rewriteBer } from '../../asn1/ber.js'
import { FormatError } from '../../errors.js'

/** The input with every indefinite length made definite; the same array when none occurs. */
export function toDefiniteLength(input: Uint8Array): Uint8Array {
  const r = rewriteBer(input, { maxDepth: 32, maxElements: 1_000_000, flattenOctetStrings: false })
  if (r.end !== input.length) {
    throw new FormatError(
      'format.der',
      'BER: trailing data after the element / BER 编码错误：元素后有多余数据',
    )
  }
  return r.changed ? r.bytes : input
}
