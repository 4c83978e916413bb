import { describe, expect, it } from 'vitest'
import {
  isValidCitizenId,
  isValidUscc,
  mod3736Check,
} from '../../../src/formats/licence/check-characters.js'

/** ISO/IEC 7064 MOD 37,36 as written in the standard, one character at a time. */
function mod3736Reference(text: string): string | undefined {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
  let p = 36
  for (const ch of text) {
    const v = alphabet.indexOf(ch)
    if (v < 0) return undefined
    const s = (p + v) % 36 || 36
    p = (2 * s) % 37
  }
  return alphabet.charAt((((1 - p) % 36) + 36) % 36)
}

/** GB 32100 check as written in the standard. */
function usccReference(code: string): boolean {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY'
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
  if (code.length !== 18 || [...code].some((c) => !alphabet.includes(c))) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += alphabet.indexOf(code.charAt(i)) * weights[i]!
  return alphabet.charAt((31 - (sum % 31)) % 31) === code.charAt(17)
}

function randomText(rnd: () => number, chars: string, length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += chars.charAt(Math.floor(rnd() * chars.length))
  return out
}

describe('check characters', () => {
  let seed = 7
  const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646

  it('MOD 37,36 agrees with the standard on random text, undefined outside 0-9A-Z', () => {
    const chars = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
    for (let i = 0; i < 2000; i++) {
      const text = randomText(rnd, chars, Math.floor(rnd() * 60))
      expect(mod3736Check(text)).toBe(mod3736Reference(text))
    }
    expect(mod3736Check('11100000000013338W01111430000006122244L20230000403001')).toBe('U')
    for (const bad of ['abc', 'A-B', 'A\u0130', 'A\u{1F600}', '\u00C0']) {
      expect(mod3736Check(bad)).toBeUndefined()
    }
    expect(mod3736Check('')).toBe(mod3736Reference(''))
  })

  it('USCC agrees with the standard on random codes, valid or not', () => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXYIOSVZ'
    let valid = 0
    for (let i = 0; i < 20_000; i++) {
      const code = randomText(rnd, chars, 17 + Math.floor(rnd() * 3))
      expect(isValidUscc(code)).toBe(usccReference(code))
      const fixed = code.slice(0, 17)
      for (const last of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
        if (usccReference(fixed + last)) {
          valid++
          expect(isValidUscc(fixed + last)).toBe(true)
        }
      }
    }
    expect(valid).toBeGreaterThan(1000)
    expect(isValidCitizenId('11010519491231002X')).toBe(true)
    expect(isValidCitizenId('110105194912310021')).toBe(false)
  })
})
