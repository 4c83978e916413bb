import { describe, expect, it } from 'vitest'
import { content, scan } from './inline-ctx.js'

const names = (s: string | Uint8Array, maxDo?: number) =>
  scan(
    typeof s === 'string' ? content(s) : s,
    undefined,
    maxDo === undefined ? {} : { maxDo },
  ).ops.map((op) => (op.kind === 'xobject' ? op.name : `inline@${op.offset}`))

describe('drawOps', () => {
  it('lists the names drawn with Do, in order', () => {
    expect(names('q 100 0 0 50 10 10 cm /Im0 Do Q q /FRM Do Q\n/Im0 Do')).toEqual([
      'Im0',
      'FRM',
      'Im0',
    ])
  })

  it('decodes #xx escapes in names and accepts names glued to delimiters', () => {
    expect(names('/Im#20A Do[/X]/n2 Do')).toEqual(['Im A', 'n2'])
  })

  it('ignores Do inside strings, hex strings, comments and dictionaries', () => {
    const text =
      'BT (/Fake Do \\) /Fake2 Do) Tj ET <2F46 616b 65> Tj % /Comment Do\n' +
      '/OC << /Name /Marked >> BDC /Real Do EMC'
    expect(names(text)).toEqual(['Real'])
  })

  it('needs the name right before the operator', () => {
    expect(names('/Im0 1 Do /Im1 /Im2 Do')).toEqual(['Im2'])
  })

  it('lists inline images in drawing order and skips their data, even when it holds "Do"', () => {
    const all = content('/A Do BI /W 5 /H 1 /CS /G /BPC 8 ID ', '/X Do', ' EI /After Do')
    expect(names(all)).toEqual(['A', 'inline@6', 'After'])
  })

  it('stops at the bound of Do operators and says so', () => {
    const r = scan(content('/A Do '.repeat(50)), undefined, { maxDo: 7 })
    expect(r.ops).toHaveLength(7)
    expect(r.problems.map((p) => p.code)).toEqual(['limit.pdf.content-draws'])
  })

  it('finds what is drawn behind many lone "o" and "I" bytes, and nothing without Do or BI', () => {
    const noise = '(' + 'o I '.repeat(100) + ') Tj '
    expect(names(noise + '/X Do')).toEqual(['X'])
    expect(names(noise + '0 0 m 10 10 l S')).toEqual([])
    expect(names(content(noise, 'BI /W 1 /H 1 /CS /G /BPC 8 ID ', [0], ' EI'))).toEqual([
      `inline@${noise.length}`,
    ])
  })

  it('survives unterminated strings and garbage', () => {
    expect(names('(never closed /X Do')).toEqual([])
    expect(names(new Uint8Array([0xff, 0x00, 0x3c, 0x3c, 0x5d, 0x29]))).toEqual([])
  })
})
