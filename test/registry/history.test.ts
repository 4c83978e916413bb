import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { periodAt } from '../../src/registry/history.js'
import type { HistoryPeriod } from '../../src/registry/types.js'

/** The reading periodAt replaces: every date parsed on every call. */
function reference(history: readonly HistoryPeriod[], at: Date): HistoryPeriod | undefined {
  const t = at.getTime()
  if (Number.isNaN(t)) return undefined
  return history.find((p) => Date.parse(p.from) <= t && (p.to === null || t < Date.parse(p.to)))
}

const iso = (ms: number) => new Date(ms).toISOString()
const BASE = Date.parse('2020-01-01T00:00:00Z')
const DAY = 86_400_000

/** A valid history: sorted, non-overlapping periods, the last possibly open-ended. */
const history = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 400 })), {
    minLength: 1,
    maxLength: 5,
  })
  .chain((steps) =>
    fc.boolean().map((open) => {
      let t = BASE
      return steps.map(([gap, length], i): HistoryPeriod => {
        const from = t + gap * DAY
        t = from + length * DAY
        const last = i === steps.length - 1
        return {
          status: i % 2 ? 'withdrawn' : 'granted',
          from: iso(from),
          to: last && open ? null : iso(t),
        }
      })
    }),
  )

describe('periodAt', () => {
  it('finds the period in force as parsing every date on every call does, at its edges too', () => {
    fc.assert(
      fc.property(history, fc.integer({ min: -10, max: 2500 }), (h, day) => {
        const frozen = Object.freeze(h.map((p) => Object.freeze({ ...p })))
        const edges = h.flatMap((p) => [Date.parse(p.from), p.to ? Date.parse(p.to) : BASE])
        for (const t of [BASE + day * DAY, ...edges, ...edges.map((e) => e - 1)]) {
          const at = new Date(t)
          expect(periodAt(frozen, at)).toBe(reference(frozen, at))
          expect(periodAt(h, at)).toBe(reference(h, at))
        }
      }),
      { numRuns: 300 },
    )
    expect(periodAt([{ status: 'granted', from: iso(BASE), to: null }], new Date(NaN))).toBe(
      undefined,
    )
  })

  it('reads a history that is not frozen anew each time (a caller may change it)', () => {
    const h: HistoryPeriod[] = [{ status: 'granted', from: iso(BASE), to: iso(BASE + DAY) }]
    const at = new Date(BASE + 2 * DAY)
    expect(periodAt(h, at)).toBeUndefined()
    h[0] = { ...h[0]!, to: iso(BASE + 3 * DAY) }
    expect(periodAt(h, at)).toBe(h[0])
  })
})
