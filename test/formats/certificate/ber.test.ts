import { describe, expect, it } from 'vitest'
import { FormatError } from '../../../src/errors.js'
import { toDefiniteLength } from '../../../src/formats/certificate/ber.js'
import { tlv } from './der-build.js'

const EOC = [0, 0]
const u8 = (...b: number[]): Uint8Array => new Uint8Array(b)

function berError(input: Uint8Array): string {
  try {
    toDefiniteLength(input)
  } catch (e) {
    expect(e).toBeInstanceOf(FormatError)
    return (e as FormatError).message
  }
  throw new Error('expected a FormatError')
}

describe('toDefiniteLength', () => {
  it('returns DER input itself', () => {
    const der = tlv(0x30, tlv(0x02, u8(1)), tlv(0xa0, tlv(0x04, u8(1, 2, 3))))
    expect(toDefiniteLength(der)).toBe(der)
  })

  it('rewrites nested indefinite lengths and keeps definite children byte for byte', () => {
    const inner = tlv(0x30, tlv(0x02, u8(0x00, 0x80)), tlv(0x05))
    const ber = u8(0x30, 0x80, 0xa0, 0x80, ...inner, ...EOC, 0x02, 0x01, 0x07, ...EOC)
    const expected = tlv(0x30, tlv(0xa0, inner), tlv(0x02, u8(7)))
    expect(toDefiniteLength(ber)).toEqual(expected)
  })

  it('rewrites an indefinite child inside a definite parent', () => {
    const child = u8(0x31, 0x80, 0x05, 0x00, ...EOC)
    const ber = u8(0x30, child.length, ...child)
    expect(toDefiniteLength(ber)).toEqual(tlv(0x30, tlv(0x31, tlv(0x05))))
  })

  it('produces long-form lengths when the content grows past 127 bytes', () => {
    const big = tlv(0x04, new Uint8Array(300).fill(9))
    const ber = u8(0x30, 0x80, ...big, ...EOC)
    expect(toDefiniteLength(ber)).toEqual(tlv(0x30, big))
  })

  it.each([
    ['a missing end-of-contents', u8(0x30, 0x80, 0x05, 0x00), /end-of-contents/],
    ['an indefinite primitive', u8(0x04, 0x80, 0x01, ...EOC), /primitive/],
    ['trailing data', u8(0x05, 0x00, 0x05), /trailing/],
    ['a child past its parent', u8(0x30, 0x02, 0x04, 0x05, 0, 0, 0, 0, 0), /past/],
    ['empty input', u8(), /end of data/],
  ])('refuses %s', (_, input, why) => {
    expect(berError(input)).toMatch(why)
  })

  it('refuses nesting deeper than 32 levels', () => {
    let ber = u8(0x05, 0x00)
    for (let i = 0; i < 40; i++) ber = u8(0x30, 0x80, ...ber, ...EOC)
    expect(berError(ber)).toMatch(/deeply/)
  })
})
