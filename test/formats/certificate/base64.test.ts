import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { FormatError } from '../../../src/errors.js'
import { decodeBase64Strict } from '../../../src/formats/certificate/base64.js'

const decode = (text: string): Uint8Array => decodeBase64Strict(text, 'format.pem', 'test')

describe('decodeBase64Strict', () => {
  it('decodes what Node encodes, for any bytes and any line wrapping', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.integer({ min: 1, max: 80 }), (b, w) => {
        fc.pre(b.length > 0)
        const text = Buffer.from(b).toString('base64')
        const wrapped = text.match(new RegExp(`.{1,${w}}`, 'g'))!.join('\r\n')
        expect(decode(wrapped)).toEqual(b)
      }),
    )
  })

  it.each([
    ['a character outside the alphabet', 'QUJD-A=='],
    ['URL-safe characters', 'QUJD_w=='],
    ['data after padding', 'QQ==QUJD'],
    ['three padding characters', 'QQ==='],
    ['a missing padding character', 'QQ='],
    ['no padding', 'QQ'],
    ['a lone symbol', 'QUJDR'],
    ['non-zero trailing bits', 'QR=='],
    ['non-zero trailing bits in two bytes', 'QUF='],
    ['nothing at all', ' \n '],
    ['a non-ASCII character', 'QUJ\u00e9'],
  ])('refuses %s', (_, text) => {
    expect(() => decode(text)).toThrow(FormatError)
    try {
      decode(text)
    } catch (e) {
      expect((e as FormatError).code).toBe('format.pem')
    }
  })

  it('accepts canonical padding forms', () => {
    expect(decode('QQ==')).toEqual(new Uint8Array([0x41]))
    expect(decode('QUI=')).toEqual(new Uint8Array([0x41, 0x42]))
    expect(decode('QUJD')).toEqual(new Uint8Array([0x41, 0x42, 0x43]))
  })
})
