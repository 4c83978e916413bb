/**
 * Page annotations that draw pictures (GB/T 33190 §15): Document.xml `Annotations` →
 * Annotations.xml `Page/FileLoc` → `PageAnnot/Annot/Appearance` → `ImageObject@ResourceID` →
 * a `MultiMedia` of PublicRes.xml or DocumentRes.xml → its media file. A viewer draws these
 * pictures over the page, so an image annotation over a seal's StampAnnot is what people see
 * there. Problems are collected, not thrown: annotations are optional and evaluation decides.
 */
import { YrdError } from '../../errors.js'
import { attributeValue, directText, type XmlElement } from '../xml/index.js'
import { ofdChild, ofdChildText, ofdChildren, type OfdPackage } from './package.js'
import { folderOf } from './paths.js'
import { parseBox } from './stamp-annot.js'
import type { OfdAnnotPicture, OfdPage } from './types.js'

/** Bounds of the annotation scan. */
export const ANNOTATION_LIMITS = {
  /** Annotation files (pages) read. */
  maxPages: 1000,
  /** Annotations per page. */
  maxAnnots: 1000,
  /** Pictures kept per document. */
  maxPictures: 256,
  /** PageBlock nesting inside an appearance. */
  maxDepth: 8,
} as const

/** What {@link readAnnotationPictures} found. */
export interface AnnotationScan {
  readonly pictures: OfdAnnotPicture[]
  readonly problems: string[]
}

function message(e: unknown): string {
  if (e instanceof YrdError) return e.message
  throw e
}

/** Image media of the document's resource files, by resource ID: the package path. */
function imageMedia(pkg: OfdPackage, docRoot: XmlElement, docPath: string): Map<string, string> {
  const media = new Map<string, string>()
  const common = ofdChild(docRoot, 'CommonData')
  if (!common) return media
  const resFiles = [...ofdChildren(common, 'PublicRes'), ...ofdChildren(common, 'DocumentRes')]
  for (const el of resFiles.slice(0, 64)) {
    const loc = directText(el).trim()
    if (loc === '') continue
    const resPath = pkg.locate(loc, folderOf(docPath))
    if (resPath === null) continue
    const res = pkg.xml(resPath, 'Res')
    const base = attributeValue(res, 'BaseLoc')?.trim()
    const folder = base ? pkg.resolve(base, folderOf(resPath)) : folderOf(resPath)
    for (const list of ofdChildren(res, 'MultiMedias')) {
      for (const m of ofdChildren(list, 'MultiMedia').slice(0, 10_000)) {
        const id = attributeValue(m, 'ID')?.trim()
        const file = ofdChildText(m, 'MediaFile')
        if (!id || file === null || attributeValue(m, 'Type')?.trim() !== 'Image') continue
        media.set(id, pkg.locate(file, folder) ?? pkg.resolve(file, folder))
      }
    }
  }
  return media
}

/** Resource IDs of the ImageObjects an appearance draws, through nested PageBlocks. */
function imageIds(el: XmlElement, depth: number, out: string[]): void {
  if (depth > ANNOTATION_LIMITS.maxDepth) return
  for (const img of ofdChildren(el, 'ImageObject')) {
    const id = attributeValue(img, 'ResourceID')?.trim()
    if (id) out.push(id)
  }
  for (const block of ofdChildren(el, 'PageBlock')) imageIds(block, depth + 1, out)
}

/**
 * Reads the pictures that page annotations draw in the document at `docPath` (root element
 * `docRoot`), with the page each one is on and its appearance boundary (millimetres, page
 * space). Files that cannot be read become `problems`.
 */
export function readAnnotationPictures(
  pkg: OfdPackage,
  docRoot: XmlElement,
  docPath: string,
  pages: readonly OfdPage[],
): AnnotationScan {
  const pictures: OfdAnnotPicture[] = []
  const problems: string[] = []
  const loc = ofdChildText(docRoot, 'Annotations')
  if (loc === null) return { pictures, problems }
  let list: XmlElement
  let media: Map<string, string>
  let listPath: string
  try {
    listPath = pkg.require(loc, folderOf(docPath), 'Annotations.xml')
    list = pkg.xml(listPath, 'Annotations')
    media = imageMedia(pkg, docRoot, docPath)
  } catch (e) {
    problems.push(message(e))
    return { pictures, problems }
  }
  for (const page of ofdChildren(list, 'Page').slice(0, ANNOTATION_LIMITS.maxPages)) {
    const pageId = attributeValue(page, 'PageID')?.trim() ?? null
    const index = pageId === null ? -1 : pages.findIndex((p) => p.id === pageId)
    const fileLoc = ofdChildText(page, 'FileLoc')
    if (fileLoc === null) continue
    try {
      const path = pkg.require(fileLoc, folderOf(listPath), 'Annotation.xml')
      const annots = ofdChildren(pkg.xml(path, 'PageAnnot'), 'Annot')
      for (const annot of annots.slice(0, ANNOTATION_LIMITS.maxAnnots)) {
        const appearance = ofdChild(annot, 'Appearance')
        if (!appearance) continue
        const ids: string[] = []
        imageIds(appearance, 0, ids)
        for (const id of ids) {
          if (pictures.length >= ANNOTATION_LIMITS.maxPictures) {
            problems.push(`more than ${ANNOTATION_LIMITS.maxPictures} annotation pictures`)
            return { pictures, problems }
          }
          const file = media.get(id) ?? null
          const bytes = file !== null && pkg.zip.has(file) ? pkg.read(file) : null
          pictures.push({
            pageIndex: index < 0 ? null : index,
            annotId: attributeValue(annot, 'ID')?.trim() ?? null,
            type: attributeValue(annot, 'Type')?.trim() ?? null,
            boundary: parseBox(attributeValue(appearance, 'Boundary') ?? null),
            path: file,
            bytes,
          })
        }
      }
    } catch (e) {
      problems.push(message(e))
    }
  }
  return { pictures, problems }
}
