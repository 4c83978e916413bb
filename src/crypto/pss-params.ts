/**
 * RSASSA-PSS-params (RFC 4055 §3.1 / RFC 8017 A.2.3) decoding.
 */
import {
  children,
  readElement,
  readInteger,
  readOid,
  readWhole,
  TAG,
  type DerElement,
} from './der.js'
import { CryptoError } from './errors.js'
import { hashNameFromOid } from './hash.js'
import type { HashName } from './hash-types.js'

/** Decoded PSS parameters with defaults applied. */
export interface PssParams {
  readonly hash: HashName
  readonly mgfHash: HashName
  readonly saltLength: number
  readonly trailerField: number
}

const MGF1 = '1.2.840.113549.1.1.8'

function bad(message: string): never {
  throw new CryptoError('CRYPTO_DER_INVALID', message)
}

/** Reads `AlgorithmIdentifier` of a hash: OID with absent or NULL parameters. */
function readHashAlgorithm(der: Uint8Array, el: DerElement): HashName {
  if (el.tag !== TAG.SEQUENCE) bad('PSS: bad hash AlgorithmIdentifier')
  const [oidEl, param, extra] = children(der, el, 3)
  if (oidEl === undefined || extra !== undefined) bad('PSS: bad hash AlgorithmIdentifier')
  if (param !== undefined && (param.tag !== TAG.NULL || param.end !== param.valueStart)) {
    bad('PSS: hash parameters must be NULL')
  }
  const name = hashNameFromOid(readOid(der, oidEl))
  if (name === undefined || name === 'MD5') bad('PSS: unsupported hash')
  return name
}

/** Unwraps an explicit context tag `[n]` that must hold exactly one element. */
function explicit(der: Uint8Array, el: DerElement): DerElement {
  const inner = readElement(der, el.valueStart, el.end)
  if (inner.end !== el.end) bad('PSS: trailing data in tagged field')
  return inner
}

/**
 * Decodes DER RSASSA-PSS-params. Absent `parameters` are rejected (RFC 4055 requires them in
 * signatures). Throws {@link CryptoError} on anything malformed or unsupported.
 */
export function parsePssParams(der: Uint8Array): PssParams {
  const seq = readWhole(der, TAG.SEQUENCE)
  let hash: HashName = 'SHA-1'
  let mgfHash: HashName = 'SHA-1'
  let saltLength = 20
  let trailerField = 1
  let lastTag = -1
  for (const field of children(der, seq, 4)) {
    const n = field.tag - 0xa0
    if (n < 0 || n > 3 || n <= lastTag) bad('PSS: unexpected or out-of-order field')
    lastTag = n
    const inner = explicit(der, field)
    if (n === 0) hash = readHashAlgorithm(der, inner)
    else if (n === 1) {
      if (inner.tag !== TAG.SEQUENCE) bad('PSS: bad mask generation algorithm')
      const [oidEl, hashEl, extra] = children(der, inner, 3)
      if (oidEl === undefined || hashEl === undefined || extra !== undefined) bad('PSS: bad MGF')
      if (readOid(der, oidEl) !== MGF1) bad('PSS: only MGF1 is supported')
      mgfHash = readHashAlgorithm(der, hashEl)
    } else if (n === 2) {
      const v = readInteger(der, inner)
      if (v < 0n || v > 1024n) bad('PSS: salt length out of range')
      saltLength = Number(v)
    } else {
      trailerField = Number(readInteger(der, inner))
      if (trailerField !== 1) bad('PSS: trailer field must be 1')
    }
  }
  return { hash, mgfHash, saltLength, trailerField }
}
