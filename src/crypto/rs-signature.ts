/**
 * Encoding and decoding of (r, s) signature pairs used by ECDSA, DSA and SM2: DER
 * `SEQUENCE { INTEGER r, INTEGER s }` or fixed-width raw `r || s`.
 */
import { bigIntToBytes, bytesToBigInt, concatBytes } from './bytes.js'
import {
  children,
  encodeElement,
  encodeUnsignedInteger,
  readInteger,
  readWhole,
  TAG,
} from './der.js'

/** A decoded signature pair. */
export interface RsPair {
  readonly r: bigint
  readonly s: bigint
}

/**
 * Decodes a DER `SEQUENCE { INTEGER r, INTEGER s }` that must parse completely into exactly
 * two positive INTEGERs. Returns undefined for anything else.
 */
export function decodeDerRs(signature: Uint8Array): RsPair | undefined {
  if (signature[0] !== TAG.SEQUENCE) return undefined
  try {
    const seq = readWhole(signature, TAG.SEQUENCE)
    const parts = children(signature, seq, 3)
    const [re, se] = parts
    if (parts.length !== 2 || re === undefined || se === undefined) return undefined
    return { r: readInteger(signature, re, true), s: readInteger(signature, se, true) }
  } catch {
    return undefined
  }
}

/** Decodes raw `r || s` of exactly `2 * width` bytes. Returns undefined otherwise. */
export function decodeRawRs(signature: Uint8Array, width: number): RsPair | undefined {
  if (signature.length !== width * 2) return undefined
  return {
    r: bytesToBigInt(signature.subarray(0, width)),
    s: bytesToBigInt(signature.subarray(width)),
  }
}

/** Encodes a pair as DER. */
export function encodeDerRs(pair: RsPair): Uint8Array {
  return encodeElement(
    TAG.SEQUENCE,
    concatBytes(encodeUnsignedInteger(pair.r), encodeUnsignedInteger(pair.s)),
  )
}

/** Encodes a pair as raw `r || s`; undefined when a value does not fit `width` bytes. */
export function encodeRawRs(pair: RsPair, width: number): Uint8Array | undefined {
  try {
    return concatBytes(bigIntToBytes(pair.r, width), bigIntToBytes(pair.s, width))
  } catch {
    return undefined
  }
}
