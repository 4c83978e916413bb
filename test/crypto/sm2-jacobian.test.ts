import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { Sm2Point } from '../../src/crypto/sm2-curve.js'
import { FixedWindowTable, mulAddTables, mulAddVar } from '../../src/crypto/sm2-jacobian.js'

const N = Sm2Point.Fn.ORDER
const G = Sm2Point.BASE
const gTable = new FixedWindowTable(G.toAffine(), 7)

/** Reference: s·G + t·Q with @noble/curves, x or undefined at infinity. */
function reference(s: bigint, q: typeof G, t: bigint): bigint | undefined {
  let sum = Sm2Point.ZERO
  if (s !== 0n) sum = sum.add(G.multiplyUnsafe(s))
  if (t !== 0n) sum = sum.add(q.multiplyUnsafe(t))
  return sum.is0() ? undefined : sum.toAffine().x
}

const scalar = fc.bigInt({ min: 0n, max: N - 1n })

describe('SM2 Jacobian arithmetic agrees with @noble/curves', () => {
  it('for random keys and scalars, wNAF path and table path', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: N - 1n }), scalar, scalar, (d, s, t) => {
        const q = G.multiply(d)
        const want = reference(s, q, t)
        expect(mulAddVar(q.toAffine(), t, gTable, s)).toBe(want)
        const qTable = new FixedWindowTable(q.toAffine(), 4)
        expect(mulAddTables(gTable, s, qTable, t)).toBe(want)
      }),
      { numRuns: 40 },
    )
  })

  it('on edge scalars: 0, 1, 2, n−1 and sums reaching infinity', () => {
    const q = G.multiply(123456789n)
    const qTable = new FixedWindowTable(q.toAffine(), 4)
    const edges = [0n, 1n, 2n, 15n, 16n, 17n, 31n, 32n, N - 1n, N - 2n, (1n << 255n) - 1n]
    for (const s of edges) {
      for (const t of edges) {
        const want = reference(s, q, t)
        expect(mulAddVar(q.toAffine(), t, gTable, s), `${s} ${t}`).toBe(want)
        expect(mulAddTables(gTable, s, qTable, t), `${s} ${t}`).toBe(want)
      }
    }
    // Q = G: 5·G + (n−5)·G is infinity; the doubling case P + P inside additions too.
    const gAsKey = new FixedWindowTable(G.toAffine(), 4)
    expect(mulAddVar(G.toAffine(), 5n, gTable, N - 5n)).toBeUndefined()
    expect(mulAddTables(gTable, 7n, gAsKey, N - 7n)).toBeUndefined()
    expect(mulAddVar(G.toAffine(), 5n, gTable, 5n)).toBe(G.multiply(10n).toAffine().x)
    expect(mulAddTables(gTable, 7n, gAsKey, 7n)).toBe(G.multiply(14n).toAffine().x)
  })

  it('refuses scalars that do not fit the table instead of looping', () => {
    expect(() => gTable.addMultiple({ x: 1n, y: 1n, z: 0n }, 1n << 400n)).toThrow(RangeError)
  })
})
