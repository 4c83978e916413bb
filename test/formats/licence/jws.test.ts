import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { YrdError } from '../../../src/errors.js'
import { jwsSigningInput, readJws } from '../../../src/formats/licence/index.js'

const enc = (s: string) => new TextEncoder().encode(s)
const b64u = (s: string | Uint8Array) =>
  Buffer.from(typeof s === 'string' ? enc(s) : s).toString('base64url')
const header = (h: object) => b64u(JSON.stringify(h))
const code = (c: string) => expect.objectContaining({ code: c })

describe('readJws', () => {
  it('reads a compact JWS with its x5c and claimed time', () => {
    const h = header({ alg: 'ES256', x5c: ['AQID'], sigT: '2026-01-01T00:00:00Z', crit: ['sigT'] })
    const jws = readJws(enc(`${h}.${b64u('{"a":"b"}')}.${b64u('sig')}`))
    expect(jws.serialization).toBe('compact')
    expect(jws.certificates).toEqual([new Uint8Array([1, 2, 3])])
    expect(jws.crit).toEqual(['sigT'])
    expect(jws.claimedTime).toBe('2026-01-01T00:00:00Z')
    expect(new TextDecoder().decode(jws.payload!)).toBe('{"a":"b"}')
    expect(new TextDecoder().decode(jwsSigningInput(jws, jws.payload!))).toBe(
      `${h}.${b64u('{"a":"b"}')}`,
    )
  })

  it('reads a flattened JWS with a detached payload supplied by the caller', () => {
    const h = header({ alg: 'RS256' })
    const text = JSON.stringify({ protected: h, header: { sigTst: 'AQID' }, signature: 'AA' })
    const alone = readJws(enc(text))
    expect(alone.detached).toBe(true)
    expect(alone.payload).toBeNull()
    expect(alone.timestamps).toEqual([new Uint8Array([1, 2, 3])])
    const given = readJws(enc(text), { payload: enc('{}') })
    expect(given.payload).toEqual(enc('{}'))
    expect(new TextDecoder().decode(jwsSigningInput(given, enc('{}')))).toBe(`${h}.${b64u('{}')}`)
  })

  it('refuses malformed input with typed errors', () => {
    const h = header({ alg: 'ES256' })
    expect(() => readJws(enc('a.b'))).toThrow(code('format.licence.compact'))
    expect(() => readJws(enc(`${h}.e30.a*b`))).toThrow(code('format.licence.base64url'))
    expect(() => readJws(enc(`${b64u('[1]')}.e30.AA`))).toThrow(code('format.licence.json-object'))
    expect(() => readJws(enc(`${header({ x: 1 })}.e30.AA`))).toThrow(code('format.licence.member'))
    expect(() => readJws(enc('{"signatures":[]}'))).toThrow(code('format.licence.general'))
    const x5c = header({ alg: 'ES256', x5c: ['not base64!'] })
    expect(() => readJws(enc(`${x5c}.e30.AA`))).toThrow(code('format.licence.base64'))
    const many = header({ alg: 'ES256', x5c: Array.from({ length: 11 }, () => 'AQID') })
    expect(() => readJws(enc(`${many}.e30.AA`))).toThrow(code('limit.licence.x5c'))
    const moved = JSON.stringify({ protected: h, header: { x5c: ['AQID'] }, signature: 'AA' })
    expect(() => readJws(enc(moved))).toThrow(code('format.licence.unprotected'))
    const twice = JSON.stringify({ protected: h, header: { alg: 'RS256' }, signature: 'AA' })
    expect(() => readJws(enc(twice))).toThrow(code('format.licence.header-duplicate'))
    expect(() => readJws(new Uint8Array([0x7b, 0xff]))).toThrow(code('format.licence.utf8'))
  })
})

describe('readJws on arbitrary input', () => {
  it('returns or throws a typed error, never anything else', () => {
    const pieces = fc.constantFrom('eyJ', '.', '{', '}', '"protected"', ':', '"', 'AA', '[', ']')
    const text = fc.oneof(
      fc.string(),
      fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')),
    )
    fc.assert(
      fc.property(text, (t) => {
        try {
          readJws(enc(t))
        } catch (e) {
          expect(e).toBeInstanceOf(YrdError)
        }
      }),
      { numRuns: 2000 },
    )
  })
})
