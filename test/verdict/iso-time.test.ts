import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isoTime } from '../../src/verdict/iso-time.js'

describe('isoTime', () => {
  it('is toISOString for any sequence of dates, repeated, alternating or changed in place', () => {
    const ms = fc.integer({ min: -8.64e15, max: 8.64e15 })
    fc.assert(
      fc.property(
        fc.array(fc.oneof(ms, fc.constantFrom(0, 1, 1e12)), { maxLength: 30 }),
        (times) => {
          const shared = new Date(0)
          for (const t of times) {
            expect(isoTime(new Date(t))).toBe(new Date(t).toISOString())
            shared.setTime(t)
            expect(isoTime(shared)).toBe(shared.toISOString())
          }
        },
      ),
    )
  })

  it('throws on an invalid date, as toISOString does, every time', () => {
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError)
    expect(() => isoTime(new Date(Number.NaN))).toThrow(RangeError)
  })
})
