import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { latin1Text, utf16beText } from '../../src/formats/code-units.js'

/** The one-by-one readings the helpers replace. */
function latin1Loop(b: Uint8Array, start: number, end: number): string {
  let s = ''
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!)
  return s
}

function utf16beLoop(b: Uint8Array, start: number, end: number): string {
  let s = ''
  for (let i = start; i + 1 < end; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!)
  return s
}

/** Bytes biased towards the cases that differ between decoders: ASCII, 0x80–0x9f (where
 *  windows-1252 is not Latin-1), surrogate high bytes, byte order marks. */
const byte = fc.oneof(
  fc.integer({ min: 0x20, max: 0x7e }),
  fc.integer({ min: 0x80, max: 0x9f }),
  fc.constantFrom(0x00, 0xd8, 0xdb, 0xdc, 0xdf, 0xfe, 0xff, 0xef, 0xbb, 0xbf),
  fc.integer({ min: 0, max: 255 }),
)
const input = fc
  .tuple(fc.uint8Array({ minLength: 0, maxLength: 9000 }), fc.array(byte, { maxLength: 300 }))
  .chain(([long, short]) =>
    fc.constantFrom(long, Uint8Array.from(short), Uint8Array.from([0xfe, 0xff, ...short])),
  )
  .chain((b) =>
    fc
      .tuple(fc.nat(b.length), fc.nat(b.length))
      .map(([x, y]) => ({ b, start: Math.min(x, y), end: Math.max(x, y) })),
  )

describe('strings from code units', () => {
  it('latin1Text equals the one-by-one reading, ASCII or not, any length', () => {
    fc.assert(
      fc.property(input, ({ b, start, end }) => {
        expect(latin1Text(b, start, end)).toBe(latin1Loop(b, start, end))
      }),
      { numRuns: 400 },
    )
    const high = Uint8Array.from({ length: 300 }, (_, i) => 0x80 + (i % 32))
    expect(latin1Text(high)).toBe(latin1Loop(high, 0, high.length))
  })

  it('utf16beText equals the pairwise reading: odd last byte ignored, lone surrogates and a leading U+FEFF kept', () => {
    fc.assert(
      fc.property(input, ({ b, start, end }) => {
        expect(utf16beText(b, start, end)).toBe(utf16beLoop(b, start, end))
      }),
      { numRuns: 400 },
    )
    const bom = Uint8Array.from({ length: 80 }, (_, i) => (i % 2 ? 0x41 : 0x00))
    bom.set([0xfe, 0xff])
    expect(utf16beText(bom).charCodeAt(0)).toBe(0xfeff)
    const lone = Uint8Array.from({ length: 80 }, (_, i) => (i % 2 ? 0x41 : 0x00))
    lone.set([0xd8, 0x00], 40)
    expect(utf16beText(lone)).toBe(utf16beLoop(lone, 0, lone.length))
  })
})
