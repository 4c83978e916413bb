/**
 * BoundedCache against a plain least-recently-used reference: any sequence of reads, writes
 * and deletions leaves the same entries and reads the same values (a read of the newest entry
 * skips the move, which must change nothing).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BoundedCache } from '../../src/pki/cache.js'

type Op = { readonly op: 'get' | 'set' | 'delete'; readonly key: string; readonly value: number }

class Reference {
  readonly entries: [string, number][] = []
  constructor(readonly max: number) {}
  get(key: string): number | undefined {
    const i = this.entries.findIndex(([k]) => k === key)
    if (i < 0) return undefined
    const [entry] = this.entries.splice(i, 1)
    this.entries.push(entry!)
    return entry![1]
  }
  set(key: string, value: number): void {
    this.delete(key)
    this.entries.push([key, value])
    while (this.entries.length > this.max) this.entries.shift()
  }
  delete(key: string): void {
    const i = this.entries.findIndex(([k]) => k === key)
    if (i >= 0) this.entries.splice(i, 1)
  }
}

describe('BoundedCache', () => {
  it('keeps and drops the entries a least-recently-used list would', () => {
    const op = fc.record({
      op: fc.constantFrom('get' as const, 'set' as const, 'delete' as const),
      key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      value: fc.nat(9),
    })
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(op, { maxLength: 60 }),
        (max, ops: Op[]) => {
          const cache = new BoundedCache<number>(max)
          const ref = new Reference(max)
          for (const o of ops) {
            if (o.op === 'get') expect(cache.get(o.key)).toBe(ref.get(o.key))
            else if (o.op === 'set') {
              cache.set(o.key, o.value)
              ref.set(o.key, o.value)
            } else {
              cache.delete(o.key)
              ref.delete(o.key)
            }
            expect(cache.size).toBe(ref.entries.length)
          }
          // New keys push the old ones out in the reference's order.
          for (let j = 0; j < max; j++) {
            cache.set(`new${j}`, j)
            ref.set(`new${j}`, j)
            for (const k of ['a', 'b', 'c', 'd', 'e']) expect(cache.get(k)).toBe(ref.get(k))
          }
        },
      ),
      { numRuns: 500, seed: 31 },
    )
  })
})
