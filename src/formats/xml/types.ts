/**
 * The tree produced by the XML parser. Comments and processing instructions are checked and
 * dropped; adjacent text and CDATA are kept as separate text nodes.
 */

/** An attribute with its namespace resolved (unprefixed attributes have no namespace). */
export interface XmlAttribute {
  readonly name: string
  readonly prefix: string | null
  readonly localName: string
  readonly namespace: string | null
  readonly value: string
}

/** Character data; `cdata` tells whether it came from a CDATA section. */
export interface XmlText {
  readonly kind: 'text'
  readonly value: string
  readonly cdata: boolean
}

/** An element with its namespace resolved and its source position (1-based). */
export interface XmlElement {
  readonly kind: 'element'
  readonly name: string
  readonly prefix: string | null
  readonly localName: string
  readonly namespace: string | null
  readonly attributes: readonly XmlAttribute[]
  readonly children: readonly XmlNode[]
  readonly line: number
  readonly column: number
}

/** A child of an element. */
export type XmlNode = XmlElement | XmlText

/** A parsed document. */
export interface XmlDocument {
  readonly root: XmlElement
}
