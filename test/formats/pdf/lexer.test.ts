import { describe, expect, it } from 'vitest'
import { PdfLexer } from '../../../src/formats/pdf/lexer.js'
import type { PdfObject } from '../../../src/formats/pdf/index.js'
import { latin1Bytes } from './build.js'

const parse = (s: string, base = 0): PdfObject =>
  new PdfLexer(latin1Bytes(s), base, 64).parseObject()
const text = (o: PdfObject) => (o.kind === 'string' ? String.fromCharCode(...o.bytes) : '?')

describe('PDF object syntax', () => {
  it('literal strings: escapes, octal, nesting, line continuation, EOL normalisation', () => {
    expect(text(parse('(a\\n\\r\\t\\b\\f\\(\\)\\\\)'))).toBe('a\n\r\t\b\f()\\')
    expect(text(parse('(\\101\\0611\\7)'))).toBe('A11\x07')
    expect(text(parse('(x(y)z)'))).toBe('x(y)z')
    expect(text(parse('(ab\\\ncd)'))).toBe('abcd')
    expect(text(parse('(a\r\nb\rc)'))).toBe('a\nb\nc')
    expect(text(parse('(\\q)'))).toBe('q')
  })

  it('hex strings with whitespace and an odd final digit; file offsets of the token', () => {
    const o = parse('   <48 65 6c6C 6>', 1000)
    expect(o.kind === 'string' && o.hex).toBe(true)
    expect(text(o)).toBe('Hell`')
    expect(o).toMatchObject({ start: 1003, end: 1017 })
    expect(parse('(x)', -1)).toMatchObject({ start: -1, end: -1 })
    expect(() => parse('<4G>')).toThrow(expect.objectContaining({ code: 'format.pdf.syntax' }))
  })

  it('hex strings end at the first > however long they are; a long one without it is unterminated', () => {
    for (const n of [0, 1, 63, 64, 65, 127, 128, 129, 4096]) {
      const digits = 'ab'.repeat(n)
      const o = parse(`<${digits}> 1`)
      expect(o.kind === 'string' && o.bytes.length).toBe(n)
      expect(o.kind === 'string' && o.end).toBe(digits.length + 2)
      expect(() => parse(`<${digits}`)).toThrow(/unterminated hex string/)
    }
  })

  it('hex strings decode alike whether digits pair up or are split by whitespace', () => {
    const hexOf = (bytes: number[]) => bytes.map((b) => b.toString(16).padStart(2, '0')).join('')
    const bytes = Array.from({ length: 300 }, (_, i) => (i * 37 + 11) & 255)
    const plain = hexOf(bytes)
    const spaced = plain.replace(/(.)(.)/g, (_, a: string, b: string) => `${a}\n${b} `)
    const shifted = ` ${plain.slice(0, 1)} ${plain.slice(1).toUpperCase()}`
    for (const body of [plain, spaced, shifted]) {
      const o = parse(`<${body}>`)
      expect(o.kind === 'string' && [...o.bytes]).toEqual(bytes)
    }
    expect(() => parse(`<${plain.slice(0, 20)}g0>`)).toThrow(/offset 21/)
    expect(() => parse(`<${plain.slice(0, 21)}g>`)).toThrow(/offset 22/)
  })

  it('names with #xx escapes, numbers, booleans, null', () => {
    expect(parse('/A#20B#2f')).toEqual({ kind: 'name', value: 'A B/' })
    expect(parse('-.5')).toEqual({ kind: 'number', value: -0.5 })
    expect(parse('+17')).toEqual({ kind: 'number', value: 17 })
    expect(parse('true')).toEqual({ kind: 'bool', value: true })
    expect(parse('null')).toEqual({ kind: 'null' })
    expect(() => parse('1.2.3')).toThrow(expect.objectContaining({ code: 'format.pdf.syntax' }))
  })

  it('arrays and dictionaries with references; comments skipped', () => {
    const o = parse('<< /Kids [1 0 R 2 0 R 3] % note\n /Sub << /N 4 5 R >> >>')
    expect(o.kind).toBe('dict')
    if (o.kind !== 'dict') return
    expect(o.entries.get('Kids')).toEqual({
      kind: 'array',
      items: [
        { kind: 'ref', ref: { num: 1, gen: 0 } },
        { kind: 'ref', ref: { num: 2, gen: 0 } },
        { kind: 'number', value: 3 },
      ],
    })
    const sub = o.entries.get('Sub')
    expect(sub?.kind === 'dict' && sub.entries.get('N')).toEqual({
      kind: 'ref',
      ref: { num: 4, gen: 5 },
    })
  })

  it('malformed input throws typed errors, never loops', () => {
    for (const bad of ['<< /A >>', '<< 1 2 >>', '[1 2', '(abc', '<abc', '<< /A 1', 'endobj', ')']) {
      expect(() => parse(bad), bad).toThrow(
        expect.objectContaining({ code: expect.stringMatching(/^format\.pdf\./) }),
      )
    }
    expect(parse('['.repeat(64) + ']'.repeat(64)).kind).toBe('array')
    expect(() => parse('['.repeat(65) + ']'.repeat(65))).toThrow(
      expect.objectContaining({ code: 'limit.pdf.depth' }),
    )
  })
})
