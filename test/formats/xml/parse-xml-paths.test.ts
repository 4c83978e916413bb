import { describe, expect, it } from 'vitest'
import {
  attributeValue,
  directText,
  elementChildren,
  parseXml,
} from '../../../src/formats/xml/index.js'
import type { XmlFormatError } from '../../../src/formats/xml/index.js'
import { expectCode } from '../zip/expect-error.js'

const encode = (s: string) => new TextEncoder().encode(s)

describe('parseXml end tags, references and positions', () => {
  it('closes an element whatever follows its name in the end tag', () => {
    expect(parseXml('<a><b></b ></a\n>').root.name).toBe('a')
    expect(parseXml('<p:ab xmlns:p="u"></p:ab\t>').root.localName).toBe('ab')
    expect(parseXml('<电子><证照></证照></电子>').root.name).toBe('电子')
    const m = expectCode(() => parseXml('<ab></abc>'), 'format.xml.mismatch')
    expect(m.message).toContain('</abc> does not close <ab>')
    expectCode(() => parseXml('<abc></ab>'), 'format.xml.mismatch')
    expectCode(() => parseXml('<ab></ab'), 'format.xml.syntax')
    expectCode(() => parseXml('<ab></ab/>'), 'format.xml.syntax')
  })

  it('resolves references in text after references in attributes and between elements', () => {
    const { root } = parseXml('<a x="&amp;1"><b>t</b>u&lt;v<c y="&#65;"/>w&gt;&amp;</a>')
    expect(attributeValue(root, 'x')).toBe('&1')
    expect(directText(root)).toBe('u<vw>&')
    expect(directText(elementChildren(root)[0]!)).toBe('t')
    expectCode(() => parseXml('<a x="&amp;">t<b/>&bad;</a>'), 'format.xml.entity')
  })

  it('refuses an unpaired surrogate in text given as a string; bytes cannot carry one', () => {
    const e = expectCode(() => parseXml('<a>\n x\uD800</a>'), 'format.xml.char') as XmlFormatError
    expect([e.line, e.column]).toEqual([2, 3])
    expectCode(
      () => parseXml(new Uint8Array([0x3c, 0x61, 0x3e, 0xed, 0xa0, 0x80])),
      'format.xml.encoding',
    )
    const c = expectCode(
      () => parseXml(encode('<a>\r\n\u0001</a>')),
      'format.xml.char',
    ) as XmlFormatError
    expect([c.line, c.column]).toEqual([2, 1])
  })

  it('gives positions of elements on later lines and of an error before the last element', () => {
    const { root } = parseXml('<a>\n<b/>\n\n  <c/><d/>\n</a>')
    const [b, c, d] = elementChildren(root)
    expect([b!.line, b!.column, c!.line, c!.column, d!.line, d!.column]).toEqual([2, 1, 4, 3, 4, 7])
    const e = expectCode(
      () => parseXml('<a>\n<b/>\n<c>x]]>y</c></a>'),
      'format.xml.syntax',
    ) as XmlFormatError
    expect([e.line, e.column]).toEqual([3, 5])
  })

  it('refuses a repeated expanded attribute name through two prefixes', () => {
    expectCode(
      () => parseXml('<a xmlns:p="u" xmlns:q="u" p:x="1" q:x="2"/>'),
      'format.xml.attribute',
    )
    expect(parseXml('<a xmlns:p="u" x="1" p:x="2"/>').root.attributes).toHaveLength(2)
  })
})
