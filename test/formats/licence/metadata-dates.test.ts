import { describe, expect, it } from 'vitest'
import { normaliseDate } from '../../../src/formats/licence/index.js'

/** The calendar check by Date: a date is real when Date.UTC gives back its own parts. */
function byDate(y: number, mo: number, d: number): string | undefined {
  const date = new Date(Date.UTC(y, mo - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) {
    return undefined
  }
  return date.toISOString().slice(0, 10)
}

const pad = (n: number, w: number) => String(n).padStart(w, '0')

describe('normaliseDate calendar', () => {
  it('agrees with Date.UTC for months 0-20 and days 0-40 of years around the edges', () => {
    const years = [0, 1, 99, 100, 101, 400, 1600, 1700, 1900, 2000, 2023, 2024, 2025, 2100, 9999]
    for (const y of years) {
      for (let mo = 0; mo <= 20; mo++) {
        for (let d = 0; d <= 40; d++) {
          const want = byDate(y, mo, d)
          const Y = pad(y, 4)
          expect(normaliseDate(`${Y}-${pad(mo, 2)}-${pad(d, 2)}`)).toBe(want)
          expect(normaliseDate(`${Y}${pad(mo, 2)}${pad(d, 2)}`)).toBe(want)
          expect(normaliseDate(`${Y}/${mo}/${d}`)).toBe(want)
          expect(normaliseDate(`${Y}年${mo}月${d}日`)).toBe(want)
        }
      }
    }
  })

  it('pads one-digit months and days and keeps a date-time to its date', () => {
    expect(normaliseDate(' 2024/2/29 ')).toBe('2024-02-29')
    expect(normaliseDate('2023/2/29')).toBeUndefined()
    expect(normaliseDate('2024年02月9日')).toBe('2024-02-09')
    expect(normaliseDate('2025-12-15 08:00:00Z')).toBe('2025-12-15')
    expect(normaliseDate('2025-12-15T08:00:00+0800')).toBe('2025-12-15')
    expect(normaliseDate('2025-1-15')).toBeUndefined()
  })
})
