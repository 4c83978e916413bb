/**
 * A bounded LRU of decoded and validated SM2 public keys. A key used repeatedly (an issuer
 * key) gets its own fixed-window table so that further verifications are several times
 * faster. Building a table costs about five cold verifications, so it is built on the third
 * use, not for keys that appear once or twice.
 */
import { toHex } from './bytes.js'
import { Sm2Point } from './sm2-curve.js'
import { FixedWindowTable, type Affine } from './sm2-jacobian.js'

/** A cached key. */
export interface CachedSm2Key {
  readonly point: Affine
  readonly uncompressed: Uint8Array
  uses: number
  table?: FixedWindowTable
  /** Z for the default user ID, filled in by the first verification that needs it. */
  defaultZ?: Uint8Array
}

/** Window width of per-key tables: 65 windows of 8 affine points. */
const KEY_WINDOW = 4
/** Use count at which a key gets its table. */
const TABLE_AT_USE = 3

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
      entry = { point: point.toAffine(), uncompressed: point.toBytes(false), uses: 0 }
      if (this.entries.size >= this.capacity) {
        const oldest = this.entries.keys().next()
        if (oldest.done !== true) this.entries.delete(oldest.value)
      }
    }
    this.entries.set(id, entry)
    entry.uses++
    if (entry.table === undefined && entry.uses >= TABLE_AT_USE) {
      entry.table = new FixedWindowTable(entry.point, KEY_WINDOW)
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
