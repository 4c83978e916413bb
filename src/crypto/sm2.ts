/**
 * SM2 digital signatures (GB/T 32918.2-2016) over the recommended curve, with SM3.
 * Verification is the textbook algorithm; signing uses a deterministic nonce
 * (see `hmac-drbg.ts`) and exists for tests and the fixture generator.
 */
import { bigIntToBytes, bytesEqual, bytesToBigInt, concatBytes, utf8 } from './bytes.js'
import { createHasher, hash } from './hash.js'
import { rfc6979Nonces } from './hmac-drbg.js'
import { decodeDerRs, decodeRawRs, encodeDerRs, encodeRawRs, type RsPair } from './rs-signature.js'
import { invert, mod } from './modular.js'
import { SM2_CURVE, SM2_Z_CURVE_BYTES, Sm2Point } from './sm2-curve.js'
import { Sm2KeyCache, type CachedSm2Key } from './sm2-key-cache.js'
import { FixedWindowTable, mulAddTables, mulAddVar } from './sm2-jacobian.js'
import { parseSpki } from './spki.js'
import { CryptoError } from './errors.js'

/** Internal copy of the default ID, safe from callers mutating the exported array. */
const DEFAULT_ID = utf8('1234567812345678')

/** The GM/T 0009 default user ID, ASCII `1234567812345678`. */
export const SM2_DEFAULT_USER_ID: Uint8Array = DEFAULT_ID.slice()

/** Longest user ID whose bit length fits the 16-bit ENTL field. */
const MAX_USER_ID_BYTES = 8191

const N = SM2_CURVE.n
const keyCache = new Sm2KeyCache(64)

/** Extracts the SEC1 point from raw point bytes or an SM2 SubjectPublicKeyInfo. */
function pointBytesOf(publicKey: Uint8Array): Uint8Array {
  if (publicKey[0] !== 0x30) return publicKey
  const parsed = parseSpki(publicKey)
  if (parsed.key.type !== 'ec' || parsed.key.curve !== 'SM2') {
    throw new CryptoError('CRYPTO_KEY_INVALID', 'not an SM2 public key')
  }
  return parsed.key.point
}

function loadKey(publicKey: Uint8Array): CachedSm2Key {
  return keyCache.get(pointBytesOf(publicKey))
}

function checkUserId(userId: Uint8Array): void {
  if (userId.length > MAX_USER_ID_BYTES) {
    throw new CryptoError('CRYPTO_ARGUMENT_INVALID', 'SM2 user ID longer than 8191 bytes')
  }
}

function zOfPoint(uncompressed: Uint8Array, userId: Uint8Array): Uint8Array {
  checkUserId(userId)
  const bits = userId.length * 8
  const h = createHasher('SM3')
  h.update(Uint8Array.of(bits >>> 8, bits & 0xff))
  h.update(userId)
  h.update(SM2_Z_CURVE_BYTES)
  h.update(uncompressed.subarray(1))
  return h.digest()
}

function zOfKey(key: CachedSm2Key, userId: Uint8Array): Uint8Array {
  if (!bytesEqual(userId, DEFAULT_ID)) return zOfPoint(key.uncompressed, userId)
  key.defaultZ ??= zOfPoint(key.uncompressed, DEFAULT_ID)
  return key.defaultZ
}

function digestE(key: CachedSm2Key, message: Uint8Array, userId: Uint8Array): bigint {
  const h = createHasher('SM3')
  h.update(zOfKey(key, userId))
  h.update(message)
  return bytesToBigInt(h.digest())
}

/**
 * Computes Z = SM3(ENTL || ID || a || b || Gx || Gy || Px || Py) for a public key
 * (65-byte point or SPKI DER). Throws {@link CryptoError} on an invalid key.
 */
export function sm2Z(publicKey: Uint8Array, userId: Uint8Array = DEFAULT_ID): Uint8Array {
  try {
    return zOfPoint(loadKey(publicKey).uncompressed, userId)
  } catch (e) {
    if (e instanceof CryptoError) throw e
    throw new CryptoError('CRYPTO_KEY_INVALID', 'invalid SM2 public key', { cause: e })
  }
}

function decodeSignature(signature: Uint8Array): RsPair | undefined {
  if (signature[0] === 0x30) {
    const der = decodeDerRs(signature)
    if (der !== undefined) return der
  }
  return decodeRawRs(signature, 32)
}

let baseTable: FixedWindowTable | undefined

/** The generator's table, built on first use (about 2,400 affine points). */
function generatorTable(): FixedWindowTable {
  baseTable ??= new FixedWindowTable(Sm2Point.BASE.toAffine(), 7)
  return baseTable
}

/** x coordinate of s*G + t*P, or undefined at infinity. */
function mulAddX(s: bigint, t: bigint, key: CachedSm2Key): bigint | undefined {
  const g = generatorTable()
  return key.table === undefined ? mulAddVar(key.point, t, g, s) : mulAddTables(g, s, key.table, t)
}

/**
 * Verifies an SM2 signature (GB/T 32918.2 §7). `signature` is DER `SEQUENCE { r, s }` (only if
 * it starts with 0x30 and parses completely as two positive INTEGERs) or raw 64-byte r || s.
 * `publicKey` is a SEC1 point (65-byte uncompressed; 33-byte compressed also accepted) or an
 * SM2 SubjectPublicKeyInfo. Returns false for every malformed input; never throws.
 * @example
 * sm2Verify(spkiDer, message, signatureDer) // default user ID 1234567812345678
 */
export function sm2Verify(
  publicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
  userId: Uint8Array = DEFAULT_ID,
): boolean {
  try {
    const sig = decodeSignature(signature)
    if (sig === undefined) return false
    const { r, s } = sig
    if (r < 1n || r >= N || s < 1n || s >= N) return false
    if (userId.length > MAX_USER_ID_BYTES) return false
    const key = loadKey(publicKey)
    const e = digestE(key, message, userId)
    const t = mod(r + s, N)
    if (t === 0n) return false
    const x1 = mulAddX(s, t, key)
    if (x1 === undefined) return false
    return mod(e + x1, N) === r
  } catch {
    return false
  }
}

function privateScalar(privateKey: Uint8Array): bigint {
  if (privateKey.length !== 32) {
    throw new CryptoError('CRYPTO_KEY_INVALID', 'SM2 private key must be 32 bytes')
  }
  const d = bytesToBigInt(privateKey)
  if (d < 1n || d > N - 2n)
    throw new CryptoError('CRYPTO_KEY_INVALID', 'SM2 private key out of range')
  return d
}

/** Derives the 65-byte uncompressed public point of a 32-byte SM2 private key. */
export function sm2PublicKeyFromPrivate(privateKey: Uint8Array): Uint8Array {
  return Sm2Point.BASE.multiply(privateScalar(privateKey)).toBytes(false)
}

/** Options of {@link sm2Sign}. */
export interface Sm2SignOptions {
  /** Signer ID; default ASCII `1234567812345678`. */
  readonly userId?: Uint8Array
  /** DER `SEQUENCE { r, s }` (default) or raw 64-byte r || s. */
  readonly der?: boolean
}

/**
 * Signs `message` with SM2 (GB/T 32918.2 §6). The nonce is deterministic (RFC 6979-style
 * HMAC-DRBG with SM3 over the private key and e), so equal inputs give equal signatures.
 * Intended for tests and fixture generation.
 */
export function sm2Sign(
  privateKey: Uint8Array,
  message: Uint8Array,
  opts: Sm2SignOptions = {},
): Uint8Array {
  const d = privateScalar(privateKey)
  const userId = opts.userId ?? DEFAULT_ID
  const pub = Sm2Point.BASE.multiply(d).toBytes(false)
  const h = createHasher('SM3')
  h.update(zOfPoint(pub, userId))
  h.update(message)
  const e = bytesToBigInt(h.digest())
  const dInv = invert(1n + d, N)
  for (const k of rfc6979Nonces(privateKey, bigIntToBytes(mod(e, N), 32), N)) {
    const x1 = Sm2Point.BASE.multiply(k).toAffine().x
    const r = mod(e + x1, N)
    if (r === 0n || r + k === N) continue
    const s = mod(dInv * (k - r * d), N)
    if (s === 0n) continue
    if (opts.der === false) {
      const raw = encodeRawRs({ r, s }, 32)
      if (raw !== undefined) return raw
    } else {
      return encodeDerRs({ r, s })
    }
  }
  throw new CryptoError('CRYPTO_ARGUMENT_INVALID', 'SM2 signing found no usable nonce')
}

/** Drops the cached SM2 keys (and their tables). */
export function sm2ClearKeyCache(): void {
  keyCache.clear()
}

/** Computes e = SM3(Z || M) as 32 bytes, for callers that need the digest itself. */
export function sm2MessageDigest(
  publicKey: Uint8Array,
  message: Uint8Array,
  userId: Uint8Array = DEFAULT_ID,
): Uint8Array {
  return hash('SM3', concatBytes(sm2Z(publicKey, userId), message))
}
