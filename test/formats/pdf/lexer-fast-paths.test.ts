/**
 * The lexer's fast paths (digit-only hex tokens, Node's hex codec, interned names, integers
 * summed as read, literal strings without escapes) give exactly what the general reading gives.
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import {
  decodeHexDigitsPortable,
  setHexDigitsDecoder,
} from '../../../src/formats/pdf/hex-digits.js'
import { PdfLexer } from '../../../src/formats/pdf/lexer.js'
import type { PdfObject } from '../../../src/formats/pdf/index.js'
import { nodeHexDigits } from '../../../src/node/hex-digits.js'
import { latin1Bytes } from './build.js'

const parse = (s: string): PdfObject => new PdfLexer(latin1Bytes(s), 0, 64).parseObject()
const bytesOf = (o: PdfObject) => (o.kind === 'string' ? [...o.bytes] : undefined)
const hexOf = (bytes: readonly number[], upper: boolean) => {
  const h = bytes.map((b) => b.toString(16).padStart(2, '0')).join('')
  return upper ? h.toUpperCase() : h
}

/** A hex token body: digits of `bytes`, perhaps with one byte put in at `at`. */
const tokenBody = fc
  .tuple(
    fc.array(fc.nat(255), { maxLength: 700 }),
    fc.boolean(),
    fc.option(fc.tuple(fc.nat(), fc.constantFrom(' ', '\n', 'g', 'G', '\0', '/', '0'))),
  )
  .map(([bytes, upper, extra]) => {
    const h = hexOf(bytes, upper)
    if (!extra) return h
    const at = extra[0] % (h.length + 1)
    return h.slice(0, at) + extra[1] + h.slice(at)
  })

/** The general reading of a hex body: whitespace skipped, an odd last digit padded with 0. */
function reference(body: string): number[] | 'error' {
  const digits = body.replace(/[\0\t\n\f\r ]/g, '')
  if (!/^[0-9a-fA-F]*$/.test(digits)) return 'error'
  const even = digits.length % 2 === 0 ? digits : `${digits}0`
  return Array.from({ length: even.length / 2 }, (_, i) =>
    parseInt(even.slice(2 * i, 2 * i + 2), 16),
  )
}

describe('PDF lexer fast paths', () => {
  afterAll(() => setHexDigitsDecoder(undefined))

  it("hex tokens read alike with the portable decoder and Node's codec", () => {
    for (const decoder of [decodeHexDigitsPortable, nodeHexDigits]) {
      setHexDigitsDecoder(decoder)
      fc.assert(
        fc.property(tokenBody, (body) => {
          const want = reference(body)
          if (want === 'error') {
            expect(() => parse(`<${body}>`)).toThrow(/invalid hex digit/)
            return
          }
          const o = parse(`<${body}>`)
          expect(bytesOf(o)).toEqual(want)
          // Digits only, an even number of them: the gap check may trust the token.
          const compact = /^[0-9a-fA-F]*$/.test(body) && body.length % 2 === 0
          expect(o.kind === 'string' && o.compact === true).toBe(compact)
        }),
        { numRuns: 300, seed: 7 },
      )
    }
  })

  it("Node's codec refuses what the portable decoder refuses, on long tokens too", () => {
    const long = latin1Bytes(`${'ab'.repeat(600)}zz${'cd'.repeat(10)}`)
    expect(decodeHexDigitsPortable(long, 0, long.length)).toBeUndefined()
    expect(nodeHexDigits(long, 0, long.length)).toBeUndefined()
    const good = latin1Bytes('0F'.repeat(700))
    expect(nodeHexDigits(good, 2, good.length)).toEqual(
      decodeHexDigitsPortable(good, 2, good.length),
    )
  })

  it('names: interned names equal the names read byte by byte, whatever came before', () => {
    const nameChar = fc.constantFrom(
      ...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_*'.split(''),
    )
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: nameChar, maxLength: 40 }), { maxLength: 30 }),
        (names) => {
          const o = parse(`[${names.map((n) => `/${n}`).join(' ')}]`)
          expect(
            o.kind === 'array' && o.items.map((i) => (i.kind === 'name' ? i.value : '?')),
          ).toEqual(names)
        },
      ),
      { numRuns: 200, seed: 11 },
    )
    expect(parse('/Typ#65')).toEqual({ kind: 'name', value: 'Type' })
    expect(parse('/')).toEqual({ kind: 'name', value: '' })
  })

  it('numbers: integers summed as read equal Number() of their text', () => {
    const numberText = fc.oneof(
      fc.bigInt({ min: 0n, max: 10n ** 20n }).map(String),
      fc
        .tuple(fc.constantFrom('', '+', '-'), fc.nat(), fc.option(fc.nat()))
        .map(([sign, a, b]) => `${sign}${a}${b === null ? '' : `.${b}`}`),
    )
    fc.assert(
      fc.property(numberText, (t) => {
        expect(parse(`${t} `)).toEqual({ kind: 'number', value: Number(t) })
      }),
      { numRuns: 300, seed: 13 },
    )
    expect(parse('12 0 R')).toEqual({ kind: 'ref', ref: { num: 12, gen: 0 } })
    expect(parse('+12 0 R')).toEqual({ kind: 'number', value: 12 })
  })

  it('literal strings without escapes are their bytes; with them, the general reading', () => {
    const plain = fc
      .uint8Array({ maxLength: 200 })
      .map((a) => a.filter((c) => c !== 0x28 && c !== 0x29 && c !== 0x5c && c !== 0x0d))
    fc.assert(
      fc.property(plain, (a) => {
        const o = parse(`(${String.fromCharCode(...a)})`)
        expect(bytesOf(o)).toEqual([...a])
        expect(o).toMatchObject({ start: 0, end: a.length + 2 })
      }),
      { numRuns: 200, seed: 17 },
    )
    expect(bytesOf(parse('(a\rb)'))).toEqual([0x61, 0x0a, 0x62])
    expect(bytesOf(parse('(a(b)c)'))).toEqual([...'a(b)c'].map((c) => c.charCodeAt(0)))
  })
})
