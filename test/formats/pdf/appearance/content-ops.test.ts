import { describe, expect, it } from 'vitest'
import { xobjectNamesDrawn } from '../../../../src/formats/pdf/appearance/content-ops.js'

const scan = (s: string | Uint8Array, max?: number) =>
  xobjectNamesDrawn(typeof s === 'string' ? new TextEncoder().encode(s) : s, max)

describe('xobjectNamesDrawn', () => {
  it('lists the names drawn with Do, in order', () => {
    expect(scan('q 100 0 0 50 10 10 cm /Im0 Do Q q /FRM Do Q\n/Im0 Do')).toEqual([
      'Im0',
      'FRM',
      'Im0',
    ])
  })

  it('decodes #xx escapes in names and accepts names glued to delimiters', () => {
    expect(scan('/Im#20A Do[/X]/n2 Do')).toEqual(['Im A', 'n2'])
  })

  it('ignores Do inside strings, hex strings, comments and dictionaries', () => {
    const content =
      'BT (/Fake Do \\) /Fake2 Do) Tj ET <2F46 616b 65> Tj % /Comment Do\n' +
      '/OC << /Name /Marked >> BDC /Real Do EMC'
    expect(scan(content)).toEqual(['Real'])
  })

  it('needs the name right before the operator', () => {
    expect(scan('/Im0 1 Do /Im1 /Im2 Do')).toEqual(['Im2'])
  })

  it('skips inline image data, even when it contains "Do"', () => {
    const head = new TextEncoder().encode('BI /W 4 /H 1 /CS /G /BPC 8 ID ')
    const data = new TextEncoder().encode('/X Do')
    const tail = new TextEncoder().encode(' EI /After Do')
    const all = new Uint8Array([...head, ...data, ...tail])
    expect(scan(all)).toEqual(['After'])
  })

  it('stops at the bound', () => {
    expect(scan('/A Do '.repeat(50), 7)).toHaveLength(7)
  })

  it('survives unterminated strings and garbage', () => {
    expect(scan('(never closed /X Do')).toEqual([])
    expect(scan(new Uint8Array([0xff, 0x00, 0x3c, 0x3c, 0x5d, 0x29]))).toEqual([])
  })
})
