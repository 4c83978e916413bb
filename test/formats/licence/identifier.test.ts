import { describe, expect, it } from 'vitest'
import {
  isValidCitizenId,
  isValidUscc,
  mod3736Check,
  parseLicenceIdentifier,
} from '../../../src/formats/licence/index.js'

const REAL = [
  '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
  '1.2.156.3005.2.11100000000013338W009.11330105002500287C.2025052201.002.0',
  '1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9',
]
const CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.'

describe('GB/T 36904 licence identifiers', () => {
  it.each(REAL)('the real identifier %s is well formed', (id) => {
    const parsed = parseLicenceIdentifier(id)
    expect(parsed.problems).toEqual([])
    expect(parsed.expectedCheck).toBe(id.slice(-1))
  })

  it.each(REAL)('any one changed character of %s is refused', (id) => {
    let tried = 0
    for (let i = 0; i < id.length; i++) {
      for (const c of CHARS) {
        if (c === id[i]) continue
        const changed = id.slice(0, i) + c + id.slice(i + 1)
        expect(parseLicenceIdentifier(changed).problems.length, changed).toBeGreaterThan(0)
        tried++
      }
    }
    expect(tried).toBe(id.length * (CHARS.length - 1))
  })

  it('names the problems of a malformed identifier', () => {
    expect(parseLicenceIdentifier('1.2.156.3003.2.A.B.C.001.0').problems).toEqual(['root'])
    expect(parseLicenceIdentifier('1.2.156.3005.2.1.2.3').problems).toEqual(['parts'])
    expect(parseLicenceIdentifier('x'.repeat(300)).problems).toEqual(['too-long'])
    const lower = parseLicenceIdentifier(REAL[0]!.toLowerCase())
    expect(lower.problems).toContain('check-character')
  })

  it('computes MOD 37,36 check characters and refuses other characters', () => {
    expect(mod3736Check('11100000MB03271699022340100000000016001')).toBe('9')
    expect(mod3736Check('abc')).toBeUndefined()
  })
})

describe('codes inside licences', () => {
  it('checks unified social credit codes (GB 32100)', () => {
    for (const c of ['11430000006122244L', '11330105002500287C', '11100000000013338W']) {
      expect(isValidUscc(c)).toBe(true)
      expect(isValidUscc(c.slice(0, 17) + (c.endsWith('0') ? '1' : '0'))).toBe(false)
    }
    expect(isValidUscc('11430000006122244I')).toBe(false)
  })

  it('checks citizen ID numbers (GB 11643, MOD 11-2) and their birth date', () => {
    expect(isValidCitizenId('11010519491231002X')).toBe(true)
    expect(isValidCitizenId('110105194912310021')).toBe(false)
    expect(isValidCitizenId('11010519491331002X')).toBe(false)
    expect(isValidCitizenId('11010519491231002')).toBe(false)
  })
})
