import * as fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { canonicalJson } from '../../src/registry/canonical.js'
import { RegistryError } from '../../src/registry/errors.js'

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8))
  view.setBigUint64(0, BigInt(`0x${hex}`))
  return view.getFloat64(0)
}

function formatCode(fn: () => unknown): string | undefined {
  try {
    fn()
  } catch (e) {
    return e instanceof RegistryError ? e.code : 'other'
  }
  return undefined
}

describe('canonicalJson (RFC 8785)', () => {
  it('reproduces the RFC 8785 §3.2.2 example', () => {
    const source =
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
      ' "string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
      ' "literals": [null, true, false]}'
    expect(canonicalJson(JSON.parse(source))).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    )
  })

  it('sorts member names by UTF-16 code units, including non-ASCII names (§3.2.3)', () => {
    const source =
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet",' +
      ' "1": "One", "\\ud83d\\ude00": "Emoji", "\\u0080": "Control", "\\u00f6": "Latin o"}'
    const expected: Array<[string, string]> = [
      ['\r', 'Carriage Return'],
      ['1', 'One'],
      ['\u0080', 'Control'],
      ['\u00f6', 'Latin o'],
      ['\u20ac', 'Euro Sign'],
      ['\ud83d\ude00', 'Emoji'],
      ['\ufb33', 'Hebrew Letter Dalet'],
    ]
    const text = expected.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')
    expect(canonicalJson(JSON.parse(source))).toBe(`{${text}}`)
    expect(canonicalJson({ 安徽: 1, 上海: 2, b: 3, B: 4 })).toBe('{"B":4,"b":3,"上海":2,"安徽":1}')
  })

  it('formats numbers as RFC 8785 Appendix B prescribes', () => {
    const table: Array<[string, string]> = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ]
    for (const [bits, text] of table) expect(canonicalJson(fromBits(bits))).toBe(text)
  })

  it('escapes control characters in lower-case hex and leaves other characters as they are', () => {
    expect(canonicalJson('\u0000\u001f\b\t\n\f\r"\\/é😀')).toBe(
      '"\\u0000\\u001f\\b\\t\\n\\f\\r\\"\\\\/é😀"',
    )
  })

  it('refuses values JSON cannot carry with registry.format', () => {
    expect(formatCode(() => canonicalJson(Number.NaN))).toBe('registry.format')
    expect(formatCode(() => canonicalJson({ a: Infinity }))).toBe('registry.format')
    expect(formatCode(() => canonicalJson({ a: undefined }))).toBe('registry.format')
    expect(formatCode(() => canonicalJson(['\ud800']))).toBe('registry.format')
    expect(formatCode(() => canonicalJson({ k: '\udc00x' }))).toBe('registry.format')
    expect(formatCode(() => canonicalJson({ d: new Date(0) }))).toBe('registry.format')
    expect(formatCode(() => canonicalJson(10n))).toBe('registry.format')
  })

  it('bounds depth and size', () => {
    let deep: unknown = 1
    for (let i = 0; i < 100; i++) deep = [deep]
    expect(formatCode(() => canonicalJson(deep))).toBe('registry.format')
    const wide = new Array(2000).fill(0)
    expect(formatCode(() => canonicalJson(wide, { maxDepth: 4, maxNodes: 1000 }))).toBe(
      'registry.format',
    )
    expect(canonicalJson(wide.slice(0, 10), { maxDepth: 4, maxNodes: 1000 })).toBe(
      '[0,0,0,0,0,0,0,0,0,0]',
    )
  })

  it('is stable under re-parsing and preserves the value (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value)
        expect(canonicalJson(JSON.parse(text))).toBe(text)
        expect(JSON.parse(text)).toStrictEqual(JSON.parse(JSON.stringify(value)))
      }),
      { numRuns: 300 },
    )
  })
})
