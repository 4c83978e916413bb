/**
 * DSA signature verification (FIPS 186-4 §4.7) in portable code.
 */
import { bytesToBigInt } from './bytes.js'
import { hash } from './hash.js'
import type { HashName } from './hash-types.js'
import { invert, modPow } from './modular.js'

/** Verifies a DSA signature; r and s must already be in [1, q-1]. */
export function dsaVerifyPure(
  params: { p: bigint; q: bigint; g: bigint; y: bigint },
  hashName: HashName,
  data: Uint8Array,
  r: bigint,
  s: bigint,
): boolean {
  const { p, q, g, y } = params
  if (r <= 0n || r >= q || s <= 0n || s >= q) return false
  const digest = hash(hashName, data)
  const qBits = q.toString(2).length
  let z = bytesToBigInt(digest)
  const excess = digest.length * 8 - qBits
  if (excess > 0) z >>= BigInt(excess)
  const w = invert(s, q)
  const u1 = (z * w) % q
  const u2 = (r * w) % q
  const v = ((modPow(g, u1, p) * modPow(y, u2, p)) % p) % q
  return v === r
}
