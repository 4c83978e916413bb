/**
 * Deterministic nonce generation for SM2 signing, following RFC 6979 §3.2 with HMAC-SM3 as
 * the HMAC-DRBG: the nonce k is derived from the private key and the message digest e, so the
 * same key and message always give the same signature (fixtures regenerate byte-identically).
 */
import { concatBytes } from './bytes.js'
import { hash } from './hash.js'

const BLOCK = 64

/** HMAC (RFC 2104) with SM3, keys longer than one block hashed first. */
export function hmacSm3(key: Uint8Array, ...parts: Uint8Array[]): Uint8Array {
  const k = key.length > BLOCK ? hash('SM3', key) : key
  const ipad = new Uint8Array(BLOCK).fill(0x36)
  const opad = new Uint8Array(BLOCK).fill(0x5c)
  for (let i = 0; i < k.length; i++) {
    ipad[i] = (ipad[i] ?? 0) ^ (k[i] ?? 0)
    opad[i] = (opad[i] ?? 0) ^ (k[i] ?? 0)
  }
  const inner = hash('SM3', concatBytes(ipad, ...parts))
  return hash('SM3', concatBytes(opad, inner))
}

/**
 * Yields candidate nonces in [1, n-1] for a 256-bit order `n` (RFC 6979 §3.2 steps b–h with
 * qlen = hlen = 256). `privateKey` and `digest` are 32-byte big-endian octet strings, the
 * digest already reduced modulo n. The caller stops iterating once a candidate works.
 */
export function* rfc6979Nonces(
  privateKey: Uint8Array,
  digest: Uint8Array,
  n: bigint,
  maxCandidates = 64,
): Generator<bigint> {
  let v: Uint8Array = new Uint8Array(32).fill(0x01)
  let k: Uint8Array = new Uint8Array(32)
  k = hmacSm3(k, v, Uint8Array.of(0x00), privateKey, digest)
  v = hmacSm3(k, v)
  k = hmacSm3(k, v, Uint8Array.of(0x01), privateKey, digest)
  v = hmacSm3(k, v)
  for (let i = 0; i < maxCandidates; i++) {
    v = hmacSm3(k, v)
    let candidate = 0n
    for (const b of v) candidate = (candidate << 8n) | BigInt(b)
    if (candidate >= 1n && candidate < n) yield candidate
    k = hmacSm3(k, v, Uint8Array.of(0x00))
    v = hmacSm3(k, v)
  }
}
