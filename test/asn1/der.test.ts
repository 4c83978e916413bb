import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { children, decodeOid, readSingle, readTime, readTlv } from '../../src/asn1/der.js'
import { FormatError } from '../../src/errors.js'

const b = (...x: number[]) => new Uint8Array(x)

describe('DER reader', () => {
  it('reads nested elements without copying', () => {
    const der = b(0x30, 0x06, 0x02, 0x01, 0x05, 0x04, 0x01, 0xaa)
    const seq = readSingle(der)
    const [int, oct] = children(seq)
    expect(int!.value).toEqual(b(5))
    expect(oct!.raw).toEqual(b(0x04, 0x01, 0xaa))
    expect(oct!.value.buffer).toBe(der.buffer)
  })

  it.each([
    ['truncated content', b(0x30, 0x05, 0x02, 0x01)],
    ['indefinite length', b(0x30, 0x80, 0x00, 0x00)],
    ['non-minimal length', b(0x04, 0x81, 0x01, 0x00)],
    ['oversized length', b(0x04, 0x85, 1, 0, 0, 0, 0)],
    ['empty input', b()],
  ])('refuses %s with a FormatError', (_, der) => {
    expect(() => readTlv(der)).toThrow(FormatError)
  })

  it('refuses trailing bytes after a single element', () => {
    expect(() => readSingle(b(0x05, 0x00, 0x00))).toThrow(/trailing/)
  })

  it('decodes object identifiers, including large arcs', () => {
    expect(decodeOid(b(0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x83, 0x75))).toBe('1.2.156.10197.1.501')
    expect(decodeOid(b(0x55, 0x1d, 0x13))).toBe('2.5.29.19')
    expect(() => decodeOid(b(0x2a, 0x80, 0x01))).toThrow(FormatError)
  })

  it('decodes any arcs, beyond 2^53 too, as the BigInt reading does; refuses bad encodings', () => {
    const base128 = (v: bigint) => {
      const out = [Number(v & 0x7fn)]
      for (let x = v >> 7n; x > 0n; x >>= 7n) out.unshift(Number(x & 0x7fn) | 0x80)
      return out
    }
    const arc = fc.oneof(fc.bigInt({ min: 0n, max: 300n }), fc.bigInt({ min: 0n, max: 2n ** 70n }))
    fc.assert(
      fc.property(
        fc.constantFrom(0n, 1n, 2n),
        fc.bigInt({ min: 0n, max: 39n }),
        fc.array(arc, { maxLength: 8 }),
        (x, y, rest) => {
          const first = x * 40n + y
          const bytes = [first, ...rest].flatMap(base128)
          expect(decodeOid(Uint8Array.from(bytes))).toBe([x, y, ...rest].join('.'))
          // Cut short inside the last arc, or a leading 0x80: refused.
          if (bytes.length > 1 && bytes[bytes.length - 2]! & 0x80) {
            expect(() => decodeOid(Uint8Array.from(bytes.slice(0, -1)))).toThrow(FormatError)
          }
          expect(() => decodeOid(Uint8Array.from([0x2a, 0x80, ...bytes]))).toThrow(/non-minimal/)
        },
      ),
      { numRuns: 300, seed: 29 },
    )
    expect(decodeOid(b(0x88, 0x37))).toBe('2.999')
  })

  it('decodes UTCTime and GeneralizedTime with fractions, and refuses impossible dates', () => {
    const utc = (s: string) => readTlv(new Uint8Array([0x17, s.length, ...Buffer.from(s)]))
    const gen = (s: string) => readTlv(new Uint8Array([0x18, s.length, ...Buffer.from(s)]))
    expect(readTime(utc('491231235959Z')).toISOString()).toBe('2049-12-31T23:59:59.000Z')
    expect(readTime(utc('500101000000Z')).toISOString()).toBe('1950-01-01T00:00:00.000Z')
    expect(readTime(gen('20260101120000.25Z')).toISOString()).toBe('2026-01-01T12:00:00.250Z')
    expect(() => readTime(gen('20260231000000Z'))).toThrow(FormatError)
    expect(() => readTime(utc('2601010000Z+0800'))).toThrow(FormatError)
  })
})
