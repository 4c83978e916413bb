import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromHex, toHex, utf8 } from '../../src/crypto/bytes.js'
import { Sm3, sm3 } from '../../src/crypto/sm3.js'

const nodeSm3 = (d: Uint8Array): string => createHash('sm3').update(d).digest('hex')

describe('SM3 (pure TypeScript)', () => {
  it('matches the GB/T 32905 example "abc"', () => {
    expect(toHex(sm3(utf8('abc')))).toBe(
      '66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0',
    )
  })

  it('matches the GB/T 32905 example "abcd" x 16 (64 bytes)', () => {
    expect(toHex(sm3(utf8('abcd'.repeat(16))))).toBe(
      'debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732',
    )
  })

  it('hashes the empty string like OpenSSL', () => {
    expect(toHex(sm3(new Uint8Array(0)))).toBe(nodeSm3(new Uint8Array(0)))
  })

  it('agrees with OpenSSL at every padding boundary (0..200 bytes)', () => {
    for (let n = 0; n <= 200; n++) {
      const data = Uint8Array.from({ length: n }, (_, i) => (i * 31 + n) & 0xff)
      expect(toHex(sm3(data)), `length ${n}`).toBe(nodeSm3(data))
    }
  })

  it('agrees with OpenSSL on random inputs and random chunkings', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 1000 }),
        fc.array(fc.nat(300), { maxLength: 8 }),
        (data, cuts) => {
          const h = new Sm3()
          let offset = 0
          for (const c of cuts) {
            const end = Math.min(data.length, offset + c)
            h.update(data.subarray(offset, end))
            offset = end
          }
          h.update(data.subarray(offset))
          expect(toHex(h.digest())).toBe(nodeSm3(data))
        },
      ),
      { numRuns: 300 },
    )
  })

  it('refuses use after digest', () => {
    const h = new Sm3()
    h.digest()
    expect(() => h.digest()).toThrow()
    expect(() => h.update(fromHex('00'))).toThrow()
  })
})
