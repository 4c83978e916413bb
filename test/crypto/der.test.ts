import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromHex } from '../../src/crypto/bytes.js'
import {
  children,
  encodeOid,
  encodeUnsignedInteger,
  readElement,
  readInteger,
  readOid,
  readWhole,
} from '../../src/crypto/der.js'
import { CryptoError } from '../../src/crypto/errors.js'

function expectCode(fn: () => unknown): void {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(CryptoError)
    expect((e as CryptoError).code).toBe('CRYPTO_DER_INVALID')
    return
  }
  throw new Error('expected a CryptoError')
}

describe('DER reader', () => {
  it('reads nested sequences and rejects trailing data', () => {
    const der = fromHex('3006020101020102')
    const seq = readWhole(der, 0x30)
    expect(children(der, seq).map((c) => readInteger(der, c))).toEqual([1n, 2n])
    expectCode(() => readWhole(fromHex('300602010102010200')))
  })

  it('rejects indefinite, non-minimal and oversized lengths', () => {
    expectCode(() => readElement(fromHex('3080020101'), 0))
    expectCode(() => readElement(fromHex('30810302010100'), 0))
    expectCode(() => readElement(fromHex('3082000302010100'), 0))
    expectCode(() => readElement(fromHex('3085ffffffffff'), 0))
    expectCode(() => readElement(fromHex('3005020101'), 0))
  })

  it('rejects non-minimal and, when asked, non-positive INTEGERs', () => {
    const nonMinimal = fromHex('02020001')
    expectCode(() => readInteger(nonMinimal, readWhole(nonMinimal)))
    const negative = fromHex('0201ff')
    expect(readInteger(negative, readWhole(negative))).toBe(-1n)
    expectCode(() => readInteger(negative, readWhole(negative), true))
    const zero = fromHex('020100')
    expectCode(() => readInteger(zero, readWhole(zero), true))
  })

  it('round-trips OIDs and unsigned INTEGERs', () => {
    for (const oid of ['1.2.156.10197.1.501', '2.16.840.1.101.3.4.2.1', '1.3.101.112', '2.999.3']) {
      const der = encodeOid(oid)
      expect(readOid(der, readWhole(der))).toBe(oid)
    }
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 600n }), (n) => {
        const der = encodeUnsignedInteger(n)
        expect(readInteger(der, readWhole(der))).toBe(n)
      }),
    )
  })

  it('bounds the number of children', () => {
    const der = fromHex('30' + '0a' + '0500'.repeat(5))
    expectCode(() => children(der, readWhole(der), 4))
  })

  it('only ever throws CryptoError on random input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        try {
          const el = readWhole(bytes)
          if (el.tag & 0x20) children(bytes, el)
        } catch (e) {
          expect(e).toBeInstanceOf(CryptoError)
        }
      }),
      { numRuns: 2000 },
    )
  })
})
