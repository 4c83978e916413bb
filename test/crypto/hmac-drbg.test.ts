import { createHmac } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { concatBytes, toHex } from '../../src/crypto/bytes.js'
import { hmacSm3, rfc6979Nonces } from '../../src/crypto/hmac-drbg.js'
import { SM2_CURVE } from '../../src/crypto/sm2-curve.js'

describe('HMAC-SM3', () => {
  it('matches OpenSSL HMAC-SM3 for short, block-sized and long keys', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 150 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 50 }),
        (key, a, b) => {
          const want = createHmac('sm3', key).update(a).update(b).digest('hex')
          expect(toHex(hmacSm3(key, a, b))).toBe(want)
          expect(toHex(hmacSm3(key, concatBytes(a, b)))).toBe(want)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('deterministic SM2 nonces', () => {
  const n = SM2_CURVE.n
  const key = new Uint8Array(32).fill(7)
  const digest = new Uint8Array(32).fill(9)

  it('are reproducible, in range, and depend on key and digest', () => {
    const a = [...rfc6979Nonces(key, digest, n, 3)]
    const b = [...rfc6979Nonces(key, digest, n, 3)]
    expect(a).toEqual(b)
    expect(new Set(a).size).toBe(3)
    for (const k of a) expect(k >= 1n && k < n).toBe(true)
    const other = rfc6979Nonces(key, new Uint8Array(32).fill(8), n).next().value
    expect(other).not.toBe(a[0])
  })

  it('skip candidates outside [1, n−1] and stop after the bound', () => {
    // With a tiny order almost every 256-bit candidate is rejected: the generator must end.
    const few = [...rfc6979Nonces(key, digest, 5n, 20)]
    expect(few.length).toBeLessThan(20)
    for (const k of few) expect(k >= 1n && k < 5n).toBe(true)
  })
})
