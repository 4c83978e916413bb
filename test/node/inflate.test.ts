/**
 * Flate through Node's zlib gives the portable decoder's bytes, or leaves the case to it:
 * same output, same error, same budget use, for valid, damaged and oversized streams.
 */
import { deflateSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { flateDecode, setNativeInflate } from '../../src/formats/pdf/filters.js'
import type { DecodeBudget } from '../../src/formats/pdf/output.js'
import { nodeInflate } from '../../src/node/inflate.js'

const text = new TextEncoder().encode('BT /F1 12 Tf 72 712 Td (licence) Tj ET\n'.repeat(200))
const good = new Uint8Array(deflateSync(text))
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]))

const cases: Record<string, Uint8Array> = {
  valid: good,
  'trailing bytes': concat(good, new TextEncoder().encode('garbage')),
  'no checksum': good.subarray(0, good.length - 4),
  'wrong checksum': concat(good.subarray(0, good.length - 1), Uint8Array.of(0)),
  truncated: good.subarray(0, 20),
  'bad header': concat(Uint8Array.of(0x78, 0x00), good.subarray(2)),
  empty: new Uint8Array(0),
}

function run(input: Uint8Array, budget: DecodeBudget, native: boolean) {
  setNativeInflate(native ? nodeInflate : undefined)
  const b = { ...budget }
  try {
    return { data: [...flateDecode(input, b)], remaining: b.remaining }
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e), remaining: b.remaining }
  }
}

afterEach(() => setNativeInflate(undefined))

describe('native Flate', () => {
  for (const [name, input] of Object.entries(cases)) {
    it(`agrees with the portable decoder: ${name}`, () => {
      const budget = { perStream: 1 << 20, remaining: 1 << 22 }
      expect(run(input, budget, true)).toEqual(run(input, budget, false))
    })
  }

  it('agrees at, and just under, the stream and total budgets', () => {
    for (const budget of [
      { perStream: text.length, remaining: 1 << 22 },
      { perStream: text.length - 1, remaining: 1 << 22 },
      { perStream: 1 << 20, remaining: text.length - 1 },
    ]) {
      expect(run(good, budget, true)).toEqual(run(good, budget, false))
    }
    expect(run(good, { perStream: text.length - 1, remaining: 1 << 22 }, true).error).toBe(
      'limit.pdf.stream-output',
    )
  })

  it('takes a valid stream itself and refuses what it cannot vouch for', () => {
    expect(nodeInflate(good, 1 << 20)?.length).toBe(text.length)
    expect(nodeInflate(cases['no checksum']!, 1 << 20)).toBeUndefined()
    expect(nodeInflate(good, text.length - 1)).toBe('too-large')
  })

  it('a bomb is refused once, with the error the portable decoder reaches', () => {
    const bomb = new Uint8Array(deflateSync(new Uint8Array(8 << 20)))
    const damagedLate = concat(bomb.subarray(0, bomb.length - 64), new Uint8Array(64).fill(0xff))
    const damagedEarly = concat(bomb.subarray(0, 3), new Uint8Array(64).fill(0xff))
    for (const input of [bomb, damagedLate, damagedEarly]) {
      for (const budget of [
        { perStream: 1 << 20, remaining: 1 << 22 },
        { perStream: 1 << 22, remaining: 1 << 20 },
        { perStream: 1 << 20, remaining: 1 << 20 },
      ]) {
        expect(run(input, budget, true)).toEqual(run(input, budget, false))
      }
    }
    const refused = run(bomb, { perStream: 1 << 22, remaining: 1 << 20 }, true)
    expect(refused).toEqual({ error: 'limit.pdf.total-output', remaining: 1 << 20 })
    expect(run(damagedEarly, { perStream: 1 << 20, remaining: 1 << 22 }, true).error).toBe(
      'format.pdf.flate',
    )
  })
})
