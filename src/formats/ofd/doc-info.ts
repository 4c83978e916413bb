/**
 * `DocInfo` of an OFD.xml `DocBody`, kept raw for a later licence-metadata step.
 */
import { attributeValue, directText, elementChildren } from '../xml/index.js'
import type { XmlElement } from '../xml/index.js'
import { ofdLimit } from './errors.js'
import { ofdChild, ofdChildren, ofdChildText } from './package.js'
import type { OfdDocInfo } from './types.js'

const MAX_ITEMS = 1000

/** Extracts DocID, Title, CreationDate, every simple field and the CustomData pairs. */
export function readDocInfo(docInfo: XmlElement): OfdDocInfo {
  const children = elementChildren(docInfo)
  if (children.length > MAX_ITEMS) {
    throw ofdLimit('doc-info', 'DocInfo has too many fields', 'DocInfo 字段过多')
  }
  const fields = children
    .filter((c) => c.children.every((n) => n.kind === 'text'))
    .map((c) => ({ name: c.localName, value: directText(c).trim() }))
  const customs = ofdChild(docInfo, 'CustomDatas')
  // Some producers (the gtmap licence service) write the misspelt `CuslomData`: read both.
  const items = customs
    ? [...ofdChildren(customs, 'CustomData'), ...ofdChildren(customs, 'CuslomData')]
    : []
  if (items.length > MAX_ITEMS) {
    throw ofdLimit('doc-info', 'too many CustomData items', 'CustomData 条目过多')
  }
  return {
    docId: ofdChildText(docInfo, 'DocID'),
    title: ofdChildText(docInfo, 'Title'),
    creationDate: ofdChildText(docInfo, 'CreationDate'),
    fields,
    customData: items.map((c) => ({ name: attributeValue(c, 'Name') ?? '', value: directText(c) })),
  }
}
