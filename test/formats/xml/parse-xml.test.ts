import { describe, expect, it } from 'vitest'
import {
  attributeValue,
  childElements,
  directText,
  elementChildren,
  parseXml,
} from '../../../src/formats/xml/index.js'
import type { XmlElement } from '../../../src/formats/xml/index.js'

const OFD = 'http://www.ofdspec.org/2016'

describe('parseXml on well-formed documents', () => {
  it('text: "]]>" refused wherever it stands, also after a CDATA section ends', () => {
    const ok = parseXml('<a><![CDATA[x]]>one<b/>two&amp;three<c>]]</c>]></a>').root
    expect(directText(ok)).toBe('xonetwo&three]>')
    for (const bad of ['<a><![CDATA[x]]>one<b/>t]]>wo</a>', '<a>x<b/>]]></a>', '<a>]]>&lt;</a>']) {
      expect(() => parseXml(bad), bad).toThrow(
        expect.objectContaining({ code: 'format.xml.syntax' }),
      )
    }
  })

  it('names: ASCII, non-ASCII after ASCII, non-ASCII first, 256 characters at most', () => {
    expect(parseXml('<a-b.c_1 x.y="1"/>').root.name).toBe('a-b.c_1')
    expect(parseXml('<ab电子证照/>').root.name).toBe('ab电子证照')
    expect(parseXml('<电子x/>').root.name).toBe('电子x')
    expect(parseXml('<abé·x/>').root.name).toBe('abé·x')
    const long = 'n'.repeat(256)
    expect(parseXml(`<${long}/>`).root.name).toBe(long)
    expect(() => parseXml(`<${long}n/>`)).toThrow()
    expect(parseXml(`<${'n'.repeat(255)}电/>`).root.name).toHaveLength(256)
    expect(() => parseXml(`<${long}电/>`)).toThrow()
    expect(() => parseXml('<-a/>')).toThrow(expect.objectContaining({ code: 'format.xml.name' }))
  })

  it('resolves prefixed and default namespaces; unprefixed attributes have none', () => {
    const { root } = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
        `<ofd:OFD xmlns:ofd="${OFD}" Version="1.1"><ofd:DocBody/>` +
        '<x xmlns="urn:d"><y a="1" ofd:b="2"/></x></ofd:OFD>',
    )
    expect(root.localName).toBe('OFD')
    expect(root.prefix).toBe('ofd')
    expect(root.namespace).toBe(OFD)
    expect(attributeValue(root, 'Version')).toBe('1.1')
    expect(childElements(root, 'DocBody', [OFD])).toHaveLength(1)
    expect(childElements(root, 'DocBody', [null])).toHaveLength(0)
    const x = elementChildren(root)[1]!
    expect(x.namespace).toBe('urn:d')
    const y = elementChildren(x)[0]!
    expect(y.namespace).toBe('urn:d')
    expect(y.attributes.map((a) => [a.localName, a.namespace])).toEqual([
      ['a', null],
      ['b', OFD],
    ])
  })

  it('decodes the five entities, character references, CDATA; drops comments and PIs', () => {
    const { root } = parseXml(
      '<a t="&lt;&gt;&amp;&apos;&quot;&#65;&#x4E2D;">x&amp;y<![CDATA[<raw>&amp;]]>' +
        '<!-- note --><?pi data?>z</a>',
    )
    expect(attributeValue(root, 't')).toBe('<>&\'"A中')
    expect(root.children.map((c) => (c.kind === 'text' ? [c.value, c.cdata] : c.kind))).toEqual([
      ['x&y', false],
      ['<raw>&amp;', true],
      ['z', false],
    ])
    expect(directText(root)).toBe('x&y<raw>&amp;z')
  })

  it('normalises line ends and attribute white space, keeping character references', () => {
    const { root } = parseXml('<a v="1\t2\r\n3&#10;4">l1\r\nl2\rl3</a>')
    expect(attributeValue(root, 'v')).toBe('1 2 3\n4')
    expect(directText(root)).toBe('l1\nl2\nl3')
  })

  it('accepts a UTF-8 BOM, UTF-8 bytes and a declaration without encoding', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<a>印章</a>')])
    expect(directText(parseXml(bytes).root)).toBe('印章')
    expect(parseXml('<?xml version="1.0" standalone="yes"?><a/>').root.name).toBe('a')
    expect(parseXml('<?xml version="1.0" encoding="utf8"?><a/>').root.name).toBe('a')
    expect(directText(parseXml('<a>\u{1F600}&#x1F600;</a>').root)).toBe('\u{1F600}\u{1F600}')
  })

  it('records line and column of elements', () => {
    const { root } = parseXml('<a>\n  <b/>\n</a>')
    const b = elementChildren(root)[0] as XmlElement
    expect([root.line, root.column, b.line, b.column]).toEqual([1, 1, 2, 3])
  })

  it('keeps comments and PIs before and after the root', () => {
    const doc = parseXml('<!-- c --><?x y?>\n<a/>\n<!-- after -->\n')
    expect(doc.root.name).toBe('a')
  })

  it('parses a wide document and reports positions deep into it', () => {
    const body = '<p x="1">t</p>\n'.repeat(20_000)
    const { root } = parseXml(`<r>${body}</r>`)
    const children = elementChildren(root)
    expect(children).toHaveLength(20_000)
    expect([children[19_999]!.line, children[19_999]!.column]).toEqual([20_000, 1])
  })
})
