import { describe, expect, it } from 'vitest'
import { LimitError } from '../../../src/errors.js'
import {
  KdfBudget,
  MAX_KDF_ITERATIONS,
  MAX_KDF_WORK,
} from '../../../src/formats/certificate/pkcs12-decrypt.js'

function limitCode(work: () => void): string | undefined {
  try {
    work()
    return undefined
  } catch (e) {
    expect(e).toBeInstanceOf(LimitError)
    return (e as LimitError).code
  }
}

describe('KdfBudget', () => {
  it('accepts counts from 1 to the per-derivation bound', () => {
    const budget = new KdfBudget()
    expect(limitCode(() => budget.charge(1))).toBeUndefined()
    expect(limitCode(() => budget.charge(MAX_KDF_ITERATIONS))).toBeUndefined()
  })

  it.each([0, -1, 1.5, MAX_KDF_ITERATIONS + 1, Number.NaN, 2 ** 60])('refuses %s', (n) => {
    expect(limitCode(() => new KdfBudget().charge(n))).toBe('limit.kdf')
  })

  it('bounds the total work of one file', () => {
    const budget = new KdfBudget()
    const rounds = MAX_KDF_WORK / MAX_KDF_ITERATIONS
    for (let i = 0; i < rounds; i++) budget.charge(MAX_KDF_ITERATIONS)
    expect(limitCode(() => budget.charge(1))).toBe('limit.kdf')
  })

  it('counts a legacy derivation (key and IV) twice', () => {
    const spend = (times: number): string | undefined => {
      const budget = new KdfBudget()
      for (let i = 0; i < 3; i++) budget.charge(MAX_KDF_ITERATIONS)
      return limitCode(() => budget.charge(MAX_KDF_WORK / 8 + 1, times))
    }
    expect(MAX_KDF_WORK).toBe(4 * MAX_KDF_ITERATIONS)
    expect(spend(1)).toBeUndefined()
    expect(spend(2)).toBe('limit.kdf')
  })
})
