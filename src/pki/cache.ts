/**
 * Caches that a verifier instance shares across validations: results that depend only on the
 * bytes they are keyed by (certificate and CRL signatures, parsed CRLs) and structurally valid
 * paths (which also depend on the validation time, through the validity periods only). Every
 * map is bounded; the oldest entry is dropped first. Work bounds still count a cached result
 * as if it had been computed, so a hit never changes a verdict.
 */
import { toHex } from '../crypto/bytes.js'
import { hash } from '../crypto/hash.js'
import type { Crl } from './crl/parse.js'

/** A map holding at most `max` entries; reading an entry makes it the newest. */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>()
  /** The key of the newest entry, which a read need not move. */
  private newest: string | undefined

  constructor(readonly max: number) {}

  /** Number of entries held. */
  get size(): number {
    return this.map.size
  }

  get(key: string): V | undefined {
    const v = this.map.get(key)
    if (v !== undefined && key !== this.newest) {
      this.map.delete(key)
      this.map.set(key, v)
      this.newest = key
    }
    return v
  }

  set(key: string, value: V): void {
    this.map.delete(key)
    this.map.set(key, value)
    this.newest = key
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value
      if (oldest === undefined) break
      this.map.delete(oldest)
    }
  }

  delete(key: string): void {
    this.map.delete(key)
    if (key === this.newest) this.newest = undefined
  }
}

/** A path that passed RFC 5280 processing, and when it holds (its validity periods). */
export interface CachedPath {
  readonly policies: readonly string[]
  readonly notices: readonly string[]
  /** Latest notBefore and earliest notAfter of the path's certificates (ms). */
  readonly from: number
  readonly until: number
}

/** The caches of one verifier. */
export interface PkiCache {
  /** Certificate signature results, by `child DER digest|issuer key id`. */
  readonly certificateSignatures: BoundedCache<Promise<boolean>>
  /** Structurally valid paths, by their certificates' digests and the policy inputs. */
  readonly paths: BoundedCache<CachedPath>
  /** Parsed CRLs (null: did not parse), by digest of their DER. */
  readonly crls: BoundedCache<Crl | null>
  /** CRL signature results, by `CRL DER digest|signer key id`. */
  readonly crlSignatures: BoundedCache<Promise<boolean>>
}

/** Sizes of the caches of {@link createPkiCache}. */
export interface PkiCacheSizes {
  /** Entries per map; default 4096. */
  readonly maxEntries?: number
}

/** Creates empty caches. */
export function createPkiCache(sizes: PkiCacheSizes = {}): PkiCache {
  const max = sizes.maxEntries ?? 4096
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new RangeError('cache maxEntries must be a positive integer')
  }
  return {
    certificateSignatures: new BoundedCache(max),
    paths: new BoundedCache(max),
    crls: new BoundedCache(Math.max(1, Math.floor(max / 16))),
    crlSignatures: new BoundedCache(max),
  }
}

/** Digests of byte arrays this library owns and never changes (see rememberDigest). */
const owned = new WeakMap<Uint8Array, string>()

/** Hex SHA-256 of some DER bytes (cache keys). */
export function derDigest(der: Uint8Array): string {
  return owned.get(der) ?? toHex(hash('SHA-256', der))
}

/**
 * Remembers the digest of `der`, an array the library made and nothing changes afterwards
 * (never a caller's array, which may be refilled in place); returns it.
 */
export function rememberDigest(der: Uint8Array, digest?: string): Uint8Array {
  owned.set(der, digest ?? toHex(hash('SHA-256', der)))
  return der
}

/**
 * The result of `compute` under `key` in `cache`, computing it on a miss. A rejected promise
 * is not kept, so a later call computes again.
 */
export function cachedPromise<T>(
  cache: BoundedCache<Promise<T>> | undefined,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const hit = cache?.get(key)
  if (hit) return hit
  const p = compute()
  if (cache) {
    cache.set(key, p)
    p.catch(() => {
      if (cache.get(key) === p) cache.delete(key)
    })
  }
  return p
}
