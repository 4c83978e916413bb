import { describe, expect, it } from 'vitest'
import { bigIntToBytes, toHex } from '../../src/crypto/bytes.js'
import { sm2PublicKeyFromPrivate } from '../../src/crypto/sm2.js'
import { Sm2KeyCache } from '../../src/crypto/sm2-key-cache.js'

const key = (i: number): Uint8Array => sm2PublicKeyFromPrivate(bigIntToBytes(BigInt(i + 1), 32))

describe('Sm2KeyCache', () => {
  it('is bounded and evicts the least recently used key', () => {
    const cache = new Sm2KeyCache(3)
    const a = cache.get(key(0))
    cache.get(key(1))
    cache.get(key(2))
    cache.get(key(0))
    cache.get(key(3))
    expect(cache.size).toBe(3)
    expect(cache.get(key(0))).toBe(a)
    expect(cache.get(key(1)).uses).toBe(1)
  })

  it('builds a table only for keys used repeatedly', () => {
    const cache = new Sm2KeyCache(4)
    const first = cache.get(key(5))
    expect(first.table).toBeUndefined()
    expect(cache.get(key(5)).table).toBeUndefined()
    expect(cache.get(key(5)).table).toBeDefined()
    expect(toHex(first.uncompressed)).toBe(toHex(key(5)))
  })

  it('throws on points that are not on the curve', () => {
    const bad = key(1)
    bad[64] = (bad[64] ?? 0) ^ 1
    expect(() => new Sm2KeyCache(2).get(bad)).toThrow()
  })
})
