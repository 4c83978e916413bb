/**
 * `SignedInfo/StampAnnot`: where a seal is shown, resolved to a page where possible.
 */
import { attributeValue } from '../xml/index.js'
import type { XmlElement } from '../xml/index.js'
import type { OfdBox, OfdPage, OfdStampAnnot } from './types.js'

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/** Parses an OFD box `x y w h` (millimetres); null unless four finite numbers, w and h ≥ 0. */
export function parseBox(text: string | null): OfdBox | null {
  if (text === null) return null
  const parts = text.trim().split(/[ \t\n]+/)
  if (parts.length !== 4 || !parts.every((p) => NUMBER.test(p))) return null
  const [x, y, width, height] = parts.map(Number) as [number, number, number, number]
  if (![x, y, width, height].every(Number.isFinite) || width < 0 || height < 0) return null
  return { x, y, width, height }
}

/** Reads one StampAnnot and finds its page among `pages` by ID. */
export function readStampAnnot(el: XmlElement, pages: readonly OfdPage[]): OfdStampAnnot {
  const pageRef = attributeValue(el, 'PageRef')?.trim() ?? null
  const index = pageRef === null ? -1 : pages.findIndex((p) => p.id === pageRef)
  const boundaryRaw = attributeValue(el, 'Boundary') ?? null
  return {
    id: attributeValue(el, 'ID') ?? null,
    pageRef,
    pageIndex: index < 0 ? null : index,
    pagePath: index < 0 ? null : pages[index]!.path,
    boundaryRaw,
    boundary: parseBox(boundaryRaw),
    clip: attributeValue(el, 'Clip') ?? null,
  }
}
