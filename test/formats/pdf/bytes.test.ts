import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { indexOfBytes, lastIndexOfBytes, NextIndex } from '../../../src/formats/pdf/bytes.js'
import { latin1Bytes } from './build.js'

describe('byte search', () => {
  it('bounded forward and backward search', () => {
    const b = latin1Bytes('abc endstream xyz endstream')
    const n = latin1Bytes('endstream')
    expect(indexOfBytes(b, n)).toBe(4)
    expect(indexOfBytes(b, n, 5)).toBe(18)
    expect(indexOfBytes(b, n, 0, 12)).toBe(-1)
    expect(indexOfBytes(b, n, 0, 13)).toBe(4)
    expect(lastIndexOfBytes(b, n)).toBe(18)
    expect(lastIndexOfBytes(b, n, 17)).toBe(4)
    expect(lastIndexOfBytes(b, n, 17, 5)).toBe(-1)
  })

  it('NextIndex agrees with a plain search for any query order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'ab'), { maxLength: 60 }),
        fc.array(fc.nat(130), { maxLength: 40 }),
        (parts, queries) => {
          const hay = latin1Bytes(parts.join(''))
          const needle = latin1Bytes('aab')
          const next = new NextIndex(hay, needle)
          for (const q of queries) expect(next.find(q)).toBe(indexOfBytes(hay, needle, q))
        },
      ),
      { numRuns: 500 },
    )
  })
})
