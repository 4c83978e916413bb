/**
 * Small helpers to walk a parsed tree: child elements by name, attributes, text.
 */
import type { XmlElement } from './types.js'

/**
 * Child elements of `el` with local name `localName` whose namespace is one of
 * `namespaces` (`null` in the list matches elements without a namespace).
 */
export function childElements(
  el: XmlElement,
  localName: string,
  namespaces: readonly (string | null)[],
): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children) {
    if (c.kind === 'element' && c.localName === localName && namespaces.includes(c.namespace)) {
      out.push(c)
    }
  }
  return out
}

/** All child elements of `el`. */
export function elementChildren(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => c.kind === 'element')
}

/** The value of the unprefixed attribute `localName`, if present. */
export function attributeValue(el: XmlElement, localName: string): string | undefined {
  return el.attributes.find((a) => a.namespace === null && a.localName === localName)?.value
}

/** The concatenated text and CDATA directly inside `el` (not in descendants). */
export function directText(el: XmlElement): string {
  let out = ''
  for (const c of el.children) if (c.kind === 'text') out += c.value
  return out
}
