/**
 * Document.xml: the page list (`Pages/Page` with ID and BaseLoc).
 */
import { attributeValue } from '../xml/index.js'
import { ofdFormat, ofdLimit } from './errors.js'
import type { OfdPackage } from './package.js'
import { ofdChild, ofdChildren } from './package.js'
import { folderOf } from './paths.js'
import type { OfdPage } from './types.js'

/**
 * Reads the pages of the Document.xml at `docRoot`, resolving each page's BaseLoc. A page
 * whose content file is absent is kept with the path it resolves to.
 */
export function readPages(pkg: OfdPackage, docRoot: string, maxPages: number): OfdPage[] {
  const root = pkg.xml(docRoot, 'Document')
  const pages = ofdChild(root, 'Pages')
  const list = pages ? ofdChildren(pages, 'Page') : []
  if (list.length > maxPages) {
    throw ofdLimit('pages', `more than ${maxPages} pages`, `页数超过 ${maxPages}`)
  }
  const base = folderOf(docRoot)
  return list.map((page) => {
    const id = attributeValue(page, 'ID')
    const loc = attributeValue(page, 'BaseLoc')
    if (id === undefined || loc === undefined) {
      throw ofdFormat(
        'page',
        `${docRoot}: Page without ID or BaseLoc`,
        `${docRoot}：页面缺少 ID 或 BaseLoc`,
      )
    }
    return { id: id.trim(), path: pkg.locate(loc, base) ?? pkg.resolve(loc, base) }
  })
}
