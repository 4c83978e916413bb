/**
 * Byte-level PDF signature checks on hand-made bytes: ByteRange structure, the gap, the
 * /Contents BER length and padding, coverage classes, PDF dates and streamed range digests.
 */
import { describe, expect, it } from 'vitest'
import { hash } from '../../src/crypto/hash.js'
import {
  checkByteRange,
  checkGap,
  classifyCoverage,
  overlapFindings,
} from '../../src/evaluate/pdf-byte-range.js'
import { berElementLength, contentsShape } from '../../src/evaluate/pdf-contents.js'
import { pdfDate } from '../../src/evaluate/pdf-date.js'
import { coveredBytes, rangeDigester } from '../../src/evaluate/pdf-digest.js'
import type { PdfObject, PdfRevision } from '../../src/formats/pdf/types.js'

const enc = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0))
const arr = (...n: number[]): PdfObject => ({
  kind: 'array',
  items: n.map((value) => ({ kind: 'number', value })),
})
const str = (bytes: number[], start: number, end: number): PdfObject => ({
  kind: 'string',
  bytes: Uint8Array.from(bytes),
  hex: true,
  start,
  end,
})

describe('checkByteRange', () => {
  it('accepts a well-formed range and refuses each USF shape', () => {
    expect(checkByteRange(arr(0, 10, 20, 5), 25).range).toEqual({ a: 0, b: 10, c: 20, d: 5 })
    expect(checkByteRange(undefined, 25).finding.code).toBe('pdf.byte-range.missing')
    expect(checkByteRange({ kind: 'null' }, 25).finding.code).toBe('pdf.byte-range.missing')
    expect(checkByteRange(arr(0, 10, 20), 25).finding.code).toBe('pdf.byte-range.malformed')
    expect(checkByteRange(arr(0, 10, -1, 5), 25).finding.code).toBe('pdf.byte-range.malformed')
    expect(checkByteRange(arr(0, 1.5, 20, 5), 25).finding.code).toBe('pdf.byte-range.malformed')
    expect(checkByteRange(arr(1, 10, 20, 5), 25).finding.code).toBe('pdf.byte-range.start')
    expect(checkByteRange(arr(0, 0, 20, 5), 25).finding.code).toBe('pdf.byte-range.order')
    expect(checkByteRange(arr(0, 10, 11, 5), 25).finding.code).toBe('pdf.byte-range.order')
    const past = checkByteRange(arr(0, 10, 20, 6), 25)
    expect(past.range).toBeUndefined()
    expect(past.finding).toMatchObject({
      code: 'pdf.byte-range.bounds',
      subIndication: 'FORMAT_FAILURE',
    })
  })
})

describe('checkGap', () => {
  //          0123456789012345678
  const file = enc('abcd<0aFF>efgh')
  const range = { a: 0, b: 4, c: 10, d: 4 }
  it('passes when the gap is the parsed /Contents token', () => {
    expect(checkGap(file, range, str([0x0a, 0xff], 4, 10))).toMatchObject({ code: 'pdf.gap' })
  })
  it('names SWA when the token is elsewhere, differs, or the gap holds more', () => {
    expect(checkGap(file, range, str([0x0a, 0xff], -1, -1)).code).toBe('pdf.gap.contents-elsewhere')
    expect(checkGap(file, range, str([0x0a, 0xfe], 4, 10)).code).toBe('pdf.gap.contents-mismatch')
    const wide = enc('abcd<0aFF>x>efgh')
    expect(checkGap(wide, { a: 0, b: 4, c: 12, d: 4 }, undefined).code).toBe('pdf.gap.not-hex')
    expect(checkGap(enc('abcd<0 aF>efgh'), range, undefined).code).toBe('pdf.gap.not-hex')
    expect(checkGap(file, { a: 0, b: 3, c: 10, d: 4 }, undefined).code).toBe('pdf.gap.not-hex')
  })
  it('refuses a gap that stops before the closing bracket', () => {
    expect(checkGap(file, { a: 0, b: 4, c: 9, d: 5 }, undefined).code).toBe(
      'pdf.gap.closing-signed',
    )
  })
  it('needs a hex /Contents string', () => {
    expect(checkGap(file, range, { kind: 'null' }).code).toBe('pdf.contents.missing')
  })
})

describe('contentsShape', () => {
  it('measures the element by its header, keeps trailing 00 bytes of the value', () => {
    const der = [0x30, 0x03, 0x04, 0x01, 0x00]
    expect(contentsShape(Uint8Array.from([...der, 0, 0, 0]))).toMatchObject({
      kind: 'der',
      padding: 3,
    })
    const shape = contentsShape(Uint8Array.from([...der, 0]))
    expect(shape.kind === 'der' && [...shape.value]).toEqual(der)
  })
  it('walks indefinite lengths to their end-of-contents octets', () => {
    const ber = [0x30, 0x80, 0x04, 0x01, 0x07, 0x30, 0x80, 0x00, 0x00, 0x00, 0x00]
    expect(berElementLength(Uint8Array.from([...ber, 0, 0]))).toBe(ber.length)
  })
  it('classifies placeholders and nonsense', () => {
    expect(contentsShape(new Uint8Array(0)).kind).toBe('empty')
    expect(contentsShape(new Uint8Array(100)).kind).toBe('zeros')
    expect(contentsShape(Uint8Array.from([0x30, 0x05, 1])).kind).toBe('malformed')
    expect(contentsShape(Uint8Array.from([0x30, 0x00, 0, 7])).kind).toBe('trailing')
    const deep = new Uint8Array(400).fill(0x30)
    for (let i = 1; i < 400; i += 2) deep[i] = 0x80
    expect(contentsShape(deep).kind).toBe('malformed')
  })
})

describe('classifyCoverage', () => {
  const rev = (index: number, end: number): PdfRevision => ({
    index,
    startxref: 0,
    end,
    xrefKind: 'table',
    trailer: new Map(),
    entries: new Map(),
  })
  const bytes = enc('x'.repeat(20) + '%%EOF\r\n' + 'y'.repeat(20) + '%%EOF\n')
  const revs = [rev(0, 27), rev(1, 53)]
  it('tells entire file, entire revision (EOL or not) and partial apart', () => {
    expect(classifyCoverage(bytes, revs, { a: 0, b: 2, c: 4, d: 49 })).toEqual({
      coverage: 'entire-file',
      revision: 1,
    })
    expect(classifyCoverage(bytes, revs, { a: 0, b: 2, c: 4, d: 23 }).coverage).toBe(
      'entire-revision',
    )
    expect(classifyCoverage(bytes, revs, { a: 0, b: 2, c: 4, d: 21 }).coverage).toBe(
      'entire-revision',
    )
    expect(classifyCoverage(bytes, revs, { a: 0, b: 2, c: 4, d: 10 })).toEqual({
      coverage: 'partial',
      revision: 0,
    })
  })
})

describe('pdfDate and range digests', () => {
  it('parses PDF dates with offsets and refuses nonsense', () => {
    expect(pdfDate("D:20201101010000+01'00'")?.toISOString()).toBe('2020-11-01T00:00:00.000Z')
    expect(pdfDate('D:2020')?.toISOString()).toBe('2020-01-01T00:00:00.000Z')
    expect(pdfDate('D:20201301')).toBeUndefined()
    expect(pdfDate('yesterday')).toBeUndefined()
  })
  it('hashes the two slices as if concatenated', () => {
    const bytes = enc('signed-<00>-tail')
    const range = { a: 0, b: 7, c: 11, d: 5 }
    const covered = coveredBytes(bytes, range)
    expect(new TextDecoder().decode(covered)).toBe('signed--tail')
    expect(rangeDigester(bytes, range)('SHA-256')).toEqual(hash('SHA-256', covered))
  })

  it('streams covered bytes over 1 MiB through a hasher, to the same digest', () => {
    const bytes = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 131) >> 3)
    for (const range of [
      { a: 0, b: 1024 * 1024 - 100, c: 1024 * 1024, d: 100 }, // exactly 1 MiB: one call
      { a: 0, b: 2 * 1024 * 1024, c: 2 * 1024 * 1024 + 9, d: 1024 * 1024 + 8 }, // streamed
    ]) {
      const expected = hash('SM3', coveredBytes(bytes, range))
      expect(rangeDigester(bytes, range)('SM3')).toEqual(expected)
    }
    // a smaller range after a larger one hashes its own bytes only (the copy buffer is reused)
    const small = enc('signed-<00>-tail')
    const range = { a: 0, b: 7, c: 11, d: 5 }
    expect(rangeDigester(small, range)('SHA-256')).toEqual(hash('SHA-256', enc('signed--tail')))
  })
})

describe('overlapFindings', () => {
  const sig = (key: number, a: number, b: number, c: number, d: number) => ({
    key,
    id: `Signature${key}`,
    range: { a, b, c, d },
  })

  it('accepts signatures made one after another (each later gap past the earlier end)', () => {
    const first = sig(1, 0, 100, 200, 50)
    const second = sig(2, 0, 300, 400, 100)
    const third = sig(3, 0, 600, 700, 10)
    expect(overlapFindings([third, first, second]).size).toBe(0)
  })

  it('flags both signatures when a later gap lies inside the bytes an earlier one signed', () => {
    const first = sig(1, 0, 100, 200, 300)
    const second = sig(2, 0, 250, 300, 300)
    const out = overlapFindings([second, first])
    expect(out.get(1)?.map((f) => f.code)).toEqual(['pdf.byte-range.overlap'])
    expect(out.get(2)?.map((f) => f.params?.['other'])).toEqual(['Signature1'])
    expect(out.get(1)?.[0]?.status).toBe('failed')
  })

  it('flags two signatures sharing one gap, and two made in the same revision', () => {
    expect(overlapFindings([sig(1, 0, 10, 50, 10), sig(2, 0, 10, 50, 90)]).size).toBe(2)
    expect(overlapFindings([sig(1, 0, 10, 50, 50), sig(2, 0, 60, 80, 20)]).size).toBe(2)
  })

  it('reports one finding per pair even when the same pair overlaps twice', () => {
    const out = overlapFindings([sig(1, 0, 10, 50, 10), sig(2, 0, 10, 50, 10), sig(3, 0, 5, 9, 51)])
    expect(out.get(1)?.length).toBe(2)
  })
})
