/**
 * A bounded LRU of decoded and validated SM2 public keys. A key seen repeatedly (an issuer
 * key) gets a precomputed window table so that further verifications are faster. Building a
 * table costs about as much as 15–30 verifications, so it is built from the fourth use on,
 * not for keys that appear once or twice.
 */
import { toHex } from './bytes.js'
import { Sm2Point } from './sm2-curve.js'

/** A cached key. `precomputed` tells whether `point` carries its own table. */
export interface CachedSm2Key {
  readonly point: Sm2Point
  readonly uncompressed: Uint8Array
  uses: number
  precomputed: boolean
}

/** Window size of per-key tables (2^(W-1) points per window). */
const KEY_WINDOW = 6
/** Use count at which a key gets its table. */
const PRECOMPUTE_AT = 4

/** LRU cache of SM2 keys keyed by their encoding. */
export class Sm2KeyCache {
  private readonly entries = new Map<string, CachedSm2Key>()

  constructor(private readonly capacity = 64) {}

  /** Decodes (and validates) a SEC1 point, reusing a cached entry; throws on invalid points. */
  get(encoded: Uint8Array): CachedSm2Key {
    const id = toHex(encoded)
    let entry = this.entries.get(id)
    if (entry !== undefined) {
      this.entries.delete(id)
    } else {
      const point = Sm2Point.fromBytes(encoded)
      point.assertValidity()
      entry = { point, uncompressed: point.toBytes(false), uses: 0, precomputed: false }
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next()
        if (oldest.done !== true) this.entries.delete(oldest.value)
      }
    }
    this.entries.set(id, entry)
    entry.uses++
    if (!entry.precomputed && entry.uses >= PRECOMPUTE_AT) {
      entry.point.precompute(KEY_WINDOW, true)
      entry.precomputed = true
    }
    return entry
  }

  /** Number of cached keys. */
  get size(): number {
    return this.entries.size
  }

  /** Drops every cached key. */
  clear(): void {
    this.entries.clear()
  }
}
