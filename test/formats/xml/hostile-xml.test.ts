import { describe, expect, it } from 'vitest'
import { FormatError, LimitError } from '../../../src/errors.js'
import { parseXml, XmlFormatError } from '../../../src/formats/xml/index.js'
import { expectCode } from '../zip/expect-error.js'

const LAUGHS =
  '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' +
  ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n' +
  ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n' +
  ']>\n<lolz>&lol3;</lolz>'

describe('parseXml refuses hostile or malformed input with a typed error', () => {
  it('refuses a DOCTYPE with entity expansion ("billion laughs") with its position', () => {
    const e = expectCode(() => parseXml(LAUGHS), 'format.xml.doctype') as XmlFormatError
    expect(e).toBeInstanceOf(FormatError)
    expect([e.line, e.column]).toEqual([2, 1])
  })

  it('refuses external entities and a DOCTYPE inside content', () => {
    const xxe = '<!DOCTYPE a [<!ENTITY x SYSTEM "file:///etc/passwd">]><a>&x;</a>'
    expectCode(() => parseXml(xxe), 'format.xml.doctype')
    expectCode(() => parseXml('<a><!DOCTYPE a></a>'), 'format.xml.doctype')
    expectCode(() => parseXml('<a>&x;</a>'), 'format.xml.entity')
  })

  it('refuses 10 000 nested levels by the depth limit', () => {
    const deep = '<a>'.repeat(10_000) + '</a>'.repeat(10_000)
    const e = expectCode(() => parseXml(deep), 'limit.xml.depth')
    expect(e).toBeInstanceOf(LimitError)
    expect(parseXml('<a>'.repeat(64) + '</a>'.repeat(64)).root.name).toBe('a')
  })

  it('enforces node, attribute and size limits', () => {
    expectCode(
      () => parseXml('<r>' + '<a/>'.repeat(100) + '</r>', { maxNodes: 50 }),
      'limit.xml.nodes',
    )
    const attrs = Array.from({ length: 300 }, (_, i) => `a${i}="v"`).join(' ')
    expectCode(() => parseXml(`<r ${attrs}/>`), 'limit.xml.attributes')
    expectCode(() => parseXml('<r/>' + ' '.repeat(100), { maxBytes: 50 }), 'limit.xml.size')
  })

  it.each([
    ['<?xml version="1.0" encoding="GBK"?><a/>', 'format.xml.encoding'],
    ['<?xml version="1.1"?><a/>', 'format.xml.declaration'],
    ['<?xml encoding="UTF-8" version="1.0"?><a/>', 'format.xml.declaration'],
    [' <?xml version="1.0"?><a/>', 'format.xml.declaration'],
    ['<a>\u0001</a>', 'format.xml.char'],
    ['<a>\uD800</a>', 'format.xml.char'],
    ['<a>\uFFFE</a>', 'format.xml.char'],
    ['<a>', 'format.xml.unterminated'],
    ['<a></b>', 'format.xml.mismatch'],
    ['<a x="1" x="2"/>', 'format.xml.attribute'],
    ['<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>', 'format.xml.attribute'],
    ['<p:a/>', 'format.xml.namespace'],
    ['<a p:x="1"/>', 'format.xml.namespace'],
    ['<:a xmlns:=""/>', 'format.xml.namespace'],
    ['<1a/>', 'format.xml.name'],
    ['<a xmlns:p=""/>', 'format.xml.namespace'],
    ['<a><!-- x -- y --></a>', 'format.xml.comment'],
    ['<a>]]></a>', 'format.xml.syntax'],
    ['<a/><b/>', 'format.xml.syntax'],
    ['<a/>text', 'format.xml.syntax'],
    ['text', 'format.xml.syntax'],
    ['', 'format.xml.syntax'],
    ['<a x=1/>', 'format.xml.syntax'],
    ['<a x="<"/>', 'format.xml.syntax'],
    ['<a>&#0;</a>', 'format.xml.entity'],
    ['<a>&#x110000;</a>', 'format.xml.entity'],
    ['<a>&amp</a>', 'format.xml.entity'],
    ['<a><![CDATA[x</a>', 'format.xml.unterminated'],
    ['<a b="1"c="2"/>', 'format.xml.syntax'],
  ])('refuses %j with %s', (text, code) => {
    expectCode(() => parseXml(text), code)
  })

  it('refuses UTF-16 and invalid UTF-8 bytes', () => {
    expectCode(() => parseXml(new Uint8Array([0xff, 0xfe, 0x3c, 0x00])), 'format.xml.encoding')
    expectCode(
      () => parseXml(new Uint8Array([0x3c, 0x61, 0x3e, 0xc3, 0x28])),
      'format.xml.encoding',
    )
  })

  it('reports the line and column of an error', () => {
    const e = expectCode(() => parseXml('<a>\n  <b>\n</a>'), 'format.xml.mismatch')
    expect(e.message).toContain('line 3')
  })

  it('only ever throws FormatError or LimitError on random text', () => {
    const alphabet = [
      '<',
      '>',
      '/',
      '"',
      "'",
      '=',
      '&',
      ';',
      '#',
      'x',
      'a',
      ':',
      ' ',
      '!',
      '?',
      '-',
      '[',
      ']',
      'CDATA',
      'DOCTYPE',
      'xmlns',
      '\n',
      '中',
      '\u0000',
    ]
    let seed = 99
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0)
    let parsed = 0
    for (let i = 0; i < 3000; i++) {
      const n = 1 + (next() % 40)
      let text = i % 2 ? '<a>' : ''
      for (let k = 0; k < n; k++) text += alphabet[next() % alphabet.length]
      if (i % 2) text += '</a>'
      try {
        parseXml(text)
        parsed++
      } catch (error) {
        expect(error instanceof FormatError || error instanceof LimitError).toBe(true)
      }
    }
    expect(parsed).toBeGreaterThan(0)
  })
})
