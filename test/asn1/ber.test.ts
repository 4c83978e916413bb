/**
 * The BER rewriter against a plain reference: DER comes back as the very input bytes (the fast
 * confirmation), BER is rewritten to the reference's DER, and whatever the reference refuses
 * is refused, for generated trees and for every single-byte change of them.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { rewriteBer } from '../../src/asn1/ber.js'

const OPTIONS = { maxDepth: 32, maxElements: 10_000, flattenOctetStrings: true }

type Node =
  | { readonly tag: number; readonly value: Uint8Array }
  | { readonly tag: number; readonly kids: readonly Node[]; readonly indefinite: boolean }

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n]
  const out: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff)
  return [0x80 | out.length, ...out]
}

function encode(node: Node): number[] {
  if ('value' in node) return [node.tag, ...lengthBytes(node.value.length), ...node.value]
  const body = node.kids.flatMap(encode)
  if (node.indefinite) return [node.tag | 0x20, 0x80, ...body, 0, 0]
  return [node.tag | 0x20, ...lengthBytes(body.length), ...body]
}

/** Reference BER → DER: definite lengths, constructed OCTET STRINGs joined; throws on bad input. */
function reference(b: Uint8Array): { der: number[]; end: number } {
  function el(at: number, depth: number): { der: number[]; end: number; content?: number[] } {
    if (depth > OPTIONS.maxDepth || at + 2 > b.length) throw new Error('bad')
    const first = b[at]!
    if ((first & 0x1f) === 0x1f) throw new Error('high tags are not generated')
    const l = b[at + 1]!
    let pos = at + 2
    const constructed = (first & 0x20) !== 0
    const join = constructed && first === 0x24
    const kidsFrom = (p: number, stop: (p: number) => boolean) => {
      const kids: { der: number[]; end: number; content?: number[] }[] = []
      while (!stop(p)) {
        const k = el(p, depth + 1)
        kids.push(k)
        p = k.end
      }
      return { kids, p }
    }
    const wrap = (kids: { der: number[]; content?: number[] }[]) => {
      if (!join) {
        const body = kids.flatMap((k) => k.der)
        return [first, ...lengthBytes(body.length), ...body]
      }
      const body = kids.flatMap((k) => {
        if (k.der[0] !== 0x04) throw new Error('bad')
        return k.content!
      })
      return [0x04, ...lengthBytes(body.length), ...body]
    }
    if (l === 0x80) {
      if (!constructed) throw new Error('bad')
      const { kids, p } = kidsFrom(pos, (q) => {
        if (q + 2 > b.length) throw new Error('bad')
        return b[q] === 0 && b[q + 1] === 0
      })
      const der = wrap(kids)
      return { der, end: p + 2, content: contentOf(der) }
    }
    let len = l
    if (l > 0x80) {
      const n = l & 0x7f
      if (n > 4 || pos + n > b.length) throw new Error('bad')
      len = 0
      for (let i = 0; i < n; i++) len = len * 256 + b[pos++]!
    }
    const end = pos + len
    if (end > b.length) throw new Error('bad')
    if (!constructed) {
      const der = [...b.subarray(at, end)]
      return { der, end, content: [...b.subarray(pos, end)] }
    }
    const { kids, p } = kidsFrom(pos, (q) => q >= end)
    if (p > end) throw new Error('bad')
    const der = wrap(kids)
    return { der, end, content: contentOf(der) }
  }
  const r = el(0, 0)
  return { der: r.der, end: r.end }
}

function contentOf(der: number[]): number[] {
  const l = der[1]!
  return der.slice(l > 0x80 ? 2 + (l & 0x7f) : 2)
}

const leaf = fc
  .tuple(fc.constantFrom(0x02, 0x04, 0x06, 0x0c, 0x80), fc.uint8Array({ maxLength: 140 }))
  .map(([tag, value]): Node => ({ tag, value }))
const tree: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc
      .tuple(
        fc.constantFrom(0x10, 0x11, 0xa0, 0x04),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([tag, kids, indefinite]): Node => ({ tag, kids, indefinite })),
  ),
})).node

function outcome(b: Uint8Array): { der: number[]; end: number } | 'refused' {
  try {
    const r = rewriteBer(b, OPTIONS)
    return { der: [...r.bytes], end: r.end }
  } catch {
    return 'refused'
  }
}

function expected(b: Uint8Array): { der: number[]; end: number } | 'refused' {
  try {
    return reference(b)
  } catch {
    return 'refused'
  }
}

describe('rewriteBer', () => {
  it('returns DER as the input bytes themselves, unchanged', () => {
    const der = Uint8Array.from(
      encode({ tag: 0x10, kids: [{ tag: 0x02, value: Uint8Array.of(5) }], indefinite: false }),
    )
    const r = rewriteBer(der, OPTIONS)
    expect(r.changed).toBe(false)
    expect(r.bytes.buffer).toBe(der.buffer)
    expect([...r.bytes]).toEqual([...der])
  })

  it('agrees with the reference on generated trees and every one-byte change of them', () => {
    fc.assert(
      fc.property(tree, fc.nat(), fc.nat(255), (node, at, value) => {
        const bytes = Uint8Array.from(encode(node))
        expect(outcome(bytes)).toEqual(expected(bytes))
        const changed = bytes.slice()
        changed[at % changed.length] = value
        expect(outcome(changed)).toEqual(expected(changed))
      }),
      { numRuns: 600, seed: 23 },
    )
  })
})
