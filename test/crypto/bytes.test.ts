/**
 * sameBytes: four bytes at a time where the arrays are long, at any offsets into their
 * buffers, and always the answer of a byte-by-byte comparison.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bytesEqual, sameBytes, sameKeyId } from '../../src/crypto/bytes.js'

/** `bytes` placed `offset` bytes into a larger buffer. */
function at(bytes: Uint8Array, offset: number): Uint8Array {
  const buf = new Uint8Array(offset + bytes.length + 3).fill(0xa5)
  buf.set(bytes, offset)
  return buf.subarray(offset, offset + bytes.length)
}

describe('sameBytes', () => {
  it('finds a difference at any position of arrays of any length and offset', () => {
    for (const n of [0, 1, 3, 4, 63, 64, 65, 67, 68, 900]) {
      const base = Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff)
      for (const [x, y] of [
        [0, 0],
        [1, 0],
        [2, 3],
        [3, 1],
      ] as const) {
        expect(sameBytes(at(base, x), at(base, y)), `${n} ${x} ${y}`).toBe(true)
        for (let k = 0; k < n; k++) {
          const other = base.slice()
          other[k]! ^= 0x80
          expect(sameBytes(at(base, x), at(other, y)), `${n} ${x} ${y} @${k}`).toBe(false)
        }
      }
      expect(sameBytes(base, base.subarray(0, Math.max(0, n - 1)))).toBe(n === 0)
    }
  })

  it('agrees with the constant-time comparison on random arrays', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 200 }),
        fc.uint8Array({ maxLength: 200 }),
        fc.nat(3),
        fc.nat(3),
        (a, b, x, y) => {
          expect(sameBytes(at(a, x), at(b, y))).toBe(bytesEqual(a, b))
          expect(sameBytes(at(a, x), at(a, y))).toBe(true)
        },
      ),
    )
  })

  it('sameKeyId: both identifiers present and equal', () => {
    const id = Uint8Array.of(1, 2, 3)
    expect(sameKeyId(id, Uint8Array.of(1, 2, 3))).toBe(true)
    expect(sameKeyId(id, Uint8Array.of(1, 2, 4))).toBe(false)
    expect(sameKeyId(id, undefined)).toBe(false)
    expect(sameKeyId(undefined, undefined)).toBe(false)
  })
})
