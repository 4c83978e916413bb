/**
 * SubjectPublicKeyInfo parsing into typed public keys, with strict validation.
 */
import { CURVES, KEY_ALGORITHMS, type CurveName } from './algorithms.js'
import { concatBytes } from './bytes.js'
import {
  children,
  encodeElement,
  encodeOid,
  encodingOf,
  readBitStringBytes,
  readInteger,
  readOid,
  readWhole,
  TAG,
} from './der.js'
import { CryptoError } from './errors.js'

/** A parsed public key. */
export type PublicKey =
  | {
      readonly type: 'rsa' | 'rsa-pss'
      readonly modulus: bigint
      readonly exponent: bigint
      readonly bits: number
    }
  | { readonly type: 'ec'; readonly curve: CurveName; readonly point: Uint8Array }
  | { readonly type: 'ed25519'; readonly key: Uint8Array }
  | {
      readonly type: 'dsa'
      readonly p: bigint
      readonly q: bigint
      readonly g: bigint
      readonly y: bigint
      readonly bits: number
    }

/** A parsed SubjectPublicKeyInfo. */
export interface ParsedSpki {
  readonly algorithmOid: string
  /** DER of the AlgorithmIdentifier parameters, if present. */
  readonly parameters?: Uint8Array
  readonly key: PublicKey
}

const MAX_RSA_BITS = 16384
/** Public exponents above 64 bits are refused, as OpenSSL does for large moduli. */
const MAX_RSA_EXPONENT_BITS = 64
const MAX_DSA_BITS = 4096

function bad(message: string): never {
  throw new CryptoError('CRYPTO_KEY_INVALID', message)
}

function bitLength(n: bigint): number {
  return n.toString(2).length
}

function isNull(bytes: Uint8Array | undefined): boolean {
  return bytes !== undefined && bytes.length === 2 && bytes[0] === TAG.NULL && bytes[1] === 0
}

function parseRsa(type: 'rsa' | 'rsa-pss', keyBytes: Uint8Array): PublicKey {
  const seq = readWhole(keyBytes, TAG.SEQUENCE)
  const [n, e, extra] = children(keyBytes, seq, 3)
  if (n === undefined || e === undefined || extra !== undefined) bad('RSA key: bad structure')
  const modulus = readInteger(keyBytes, n, true)
  const exponent = readInteger(keyBytes, e, true)
  const bits = bitLength(modulus)
  if (bits < 512 || bits > MAX_RSA_BITS) bad('RSA key: unsupported modulus size')
  if ((modulus & 1n) === 0n) bad('RSA key: even modulus')
  if (exponent < 3n || (exponent & 1n) === 0n || exponent >= modulus) bad('RSA key: bad exponent')
  if (bitLength(exponent) > MAX_RSA_EXPONENT_BITS) bad('RSA key: public exponent too large')
  return { type, modulus, exponent, bits }
}

function parseDsa(params: Uint8Array | undefined, keyBytes: Uint8Array): PublicKey {
  if (params === undefined || isNull(params)) bad('DSA key: missing domain parameters')
  const seq = readWhole(params, TAG.SEQUENCE)
  const [pe, qe, ge, extra] = children(params, seq, 4)
  if (pe === undefined || qe === undefined || ge === undefined || extra !== undefined) {
    bad('DSA key: bad domain parameters')
  }
  const p = readInteger(params, pe, true)
  const q = readInteger(params, qe, true)
  const g = readInteger(params, ge, true)
  const y = readInteger(keyBytes, readWhole(keyBytes, TAG.INTEGER), true)
  const bits = bitLength(p)
  const qBits = bitLength(q)
  if (bits < 512 || bits > MAX_DSA_BITS || qBits < 160 || qBits > 512 || q >= p) {
    bad('DSA key: bad sizes')
  }
  if (g <= 1n || g >= p || y <= 1n || y >= p) bad('DSA key: value out of range')
  return { type: 'dsa', p, q, g, y, bits }
}

function parseEc(oid: string, params: Uint8Array | undefined, keyBytes: Uint8Array): PublicKey {
  let curve: CurveName | undefined
  if (oid === '1.2.156.10197.1.301' && (params === undefined || isNull(params))) curve = 'SM2'
  else if (params !== undefined && params[0] === TAG.OID) {
    curve = CURVES.get(readOid(params, readWhole(params, TAG.OID)))
  }
  if (curve === undefined) bad('EC key: unsupported or missing named curve')
  if (keyBytes.length === 0) bad('EC key: empty point')
  return { type: 'ec', curve, point: keyBytes }
}

/**
 * Parses a DER SubjectPublicKeyInfo. Throws {@link CryptoError} (`CRYPTO_KEY_INVALID` or
 * `CRYPTO_DER_INVALID`) on malformed or unknown keys. EC points are not yet validated here.
 */
export function parseSpki(spki: Uint8Array): ParsedSpki {
  const known = parsedKeys.get(spki)
  if (known) return known
  const parsed = parseSpkiUncached(spki)
  parsedKeys.set(spki, parsed)
  return parsed
}

/**
 * Parsed keys by the very byte array they came from (certificates are parsed once and their
 * `spki` arrays reused, so one key is checked for several purposes per document). Identity,
 * not content, is the key: nothing is kept alive by this map.
 */
const parsedKeys = new WeakMap<Uint8Array, ParsedSpki>()

function parseSpkiUncached(spki: Uint8Array): ParsedSpki {
  const top = readWhole(spki, TAG.SEQUENCE)
  const [algEl, keyEl, extra] = children(spki, top, 3)
  if (algEl === undefined || keyEl === undefined || extra !== undefined) bad('SPKI: bad structure')
  if (algEl.tag !== TAG.SEQUENCE) bad('SPKI: bad AlgorithmIdentifier')
  const [oidEl, paramEl, extraParam] = children(spki, algEl, 3)
  if (oidEl === undefined || extraParam !== undefined) bad('SPKI: bad AlgorithmIdentifier')
  const algorithmOid = readOid(spki, oidEl)
  const parameters = paramEl === undefined ? undefined : encodingOf(spki, paramEl)
  const keyBytes = readBitStringBytes(spki, keyEl)
  const known = KEY_ALGORITHMS.get(algorithmOid)
  if (known === undefined) bad(`SPKI: unknown key algorithm ${algorithmOid}`)
  let key: PublicKey
  switch (known.type) {
    case 'rsa':
      if (parameters !== undefined && !isNull(parameters)) bad('RSA key: parameters must be NULL')
      key = parseRsa('rsa', keyBytes)
      break
    case 'rsa-pss':
      key = parseRsa('rsa-pss', keyBytes)
      break
    case 'ec':
      key = parseEc(algorithmOid, parameters, keyBytes)
      break
    case 'ed25519':
      if (parameters !== undefined) bad('Ed25519 key: parameters must be absent')
      if (keyBytes.length !== 32) bad('Ed25519 key: must be 32 bytes')
      key = { type: 'ed25519', key: keyBytes }
      break
    case 'dsa':
      key = parseDsa(parameters, keyBytes)
      break
  }
  return parameters === undefined ? { algorithmOid, key } : { algorithmOid, parameters, key }
}

const CURVE_OID: Readonly<Record<CurveName, string>> = {
  'P-256': '1.2.840.10045.3.1.7',
  'P-384': '1.3.132.0.34',
  'P-521': '1.3.132.0.35',
  SM2: '1.2.156.10197.1.301',
}

/** Builds an id-ecPublicKey SubjectPublicKeyInfo for a SEC1 point on a named curve. */
export function encodeEcSpki(curve: CurveName, point: Uint8Array): Uint8Array {
  const algorithm = encodeElement(
    TAG.SEQUENCE,
    concatBytes(encodeOid('1.2.840.10045.2.1'), encodeOid(CURVE_OID[curve])),
  )
  const key = encodeElement(TAG.BIT_STRING, concatBytes(Uint8Array.of(0), point))
  return encodeElement(TAG.SEQUENCE, concatBytes(algorithm, key))
}
