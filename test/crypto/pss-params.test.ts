import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromHex } from '../../src/crypto/bytes.js'
import { CryptoError } from '../../src/crypto/errors.js'
import { parsePssParams } from '../../src/crypto/pss-params.js'
import { pssParams } from './vectors.js'

describe('parsePssParams', () => {
  it('applies the RFC 4055 defaults to an empty SEQUENCE', () => {
    expect(parsePssParams(fromHex('3000'))).toEqual({
      hash: 'SHA-1',
      mgfHash: 'SHA-1',
      saltLength: 20,
      trailerField: 1,
    })
  })

  it('reads explicit hash, MGF1 hash and salt length', () => {
    expect(parsePssParams(pssParams('sha384', 'sha256', 48))).toMatchObject({
      hash: 'SHA-384',
      mgfHash: 'SHA-256',
      saltLength: 48,
    })
  })

  it('refuses out-of-order fields, other trailers, MD5 and non-MGF1 masks', () => {
    const bad = [
      'a203020114a0' + '0b300906052b0e03021a0500', // [2] before [0]
      'a303020102', // trailerField 2
      'a00e300c06082a864886f70d02050500', // MD5
      'a10b300906052b0e03021a0500', // mask algorithm that is not MGF1
      'a4020500', // unknown field [4]
    ]
    for (const hex of bad) {
      const body = fromHex(hex)
      const der = new Uint8Array([0x30, body.length, ...body])
      expect(() => parsePssParams(der), hex).toThrow(CryptoError)
    }
  })

  it('throws only CryptoError on random input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        try {
          parsePssParams(bytes)
        } catch (e) {
          expect(e).toBeInstanceOf(CryptoError)
        }
      }),
      { numRuns: 1000 },
    )
  })
})
