/**
 * The document-level part of the appearance evaluation: pictures shown on the pages outside
 * signature widgets that look like seals. An image-only seal is never a seal: such a picture
 * makes the document not recognised (`policy.image-only-seal`).
 */
import { YrdError } from '../errors.js'
import { decodeDrawn } from '../formats/pdf/appearance/drawn-picture.js'
import { pageImages, type PageImage } from '../formats/pdf/appearance/page-images.js'
import { toPicture } from '../formats/pdf/appearance/picture.js'
import type { PdfFile, PdfObject } from '../formats/pdf/types.js'
import { looksLikeSeal } from '../images/seal-like.js'
import type { Finding } from '../verdict/messages.js'
import './pdf-appearance-codes.js'

/**
 * Bounds of the page scan: pages scanned, candidate pictures decoded, the size of one
 * candidate (larger pictures are listed as not analysed, not decoded) and of all of them.
 */
export const PAGE_SCAN_LIMITS = {
  maxPages: 2000,
  maxDecoded: 500,
  maxCandidatePixels: 4_000_000,
  maxTotalPixels: 32_000_000,
} as const

/** What the signature appearances bind: image references and picture digests. */
export interface BoundPictures {
  readonly refs: ReadonlySet<string>
  readonly digests: ReadonlySet<string>
}

/** The pixel count of an image whose declared size could be a seal, else 0. */
function candidatePixels(pdf: PdfFile, img: PageImage, rev: number): number {
  const w = pdf.deref(img.dict.get('Width'), rev)
  const h = pdf.deref(img.dict.get('Height'), rev)
  if (w?.kind !== 'number' || h?.kind !== 'number') return 0
  if (w.value < 16 || h.value < 16) return 0
  const aspect = w.value / h.value
  return aspect >= 0.5 && aspect <= 2 ? w.value * h.value : 0
}

/**
 * Scans every page (content and non-signature annotations) for seal-like pictures not bound
 * to a signature appearance.
 */
export function unboundSealFindings(
  pdf: PdfFile,
  pages: readonly { readonly dict: ReadonlyMap<string, PdfObject> }[],
  signatureWidgets: ReadonlySet<string>,
  bound: BoundPictures,
  rev: number,
): Finding[] {
  const findings: Finding[] = []
  const problems: string[] = []
  const notAnalysed: PageImage[] = []
  let shown = 0
  let decoded = 0
  let pixels = 0
  const analysed = new Set<string>()
  let incomplete: string | undefined
  if (pages.length > PAGE_SCAN_LIMITS.maxPages) {
    incomplete = `${pages.length} pages, only the first ${PAGE_SCAN_LIMITS.maxPages} scanned`
  }
  for (const [pageIndex, page] of pages.slice(0, PAGE_SCAN_LIMITS.maxPages).entries()) {
    let found: ReturnType<typeof pageImages>
    try {
      found = pageImages(pdf, page.dict, pageIndex, signatureWidgets, rev)
    } catch (e) {
      if (!(e instanceof YrdError)) throw e
      problems.push(`page ${pageIndex + 1}: ${e.message}`)
      if (e.code.startsWith('limit.')) incomplete ??= e.message
      continue
    }
    for (const p of found.problems) {
      problems.push(`page ${pageIndex + 1}: ${p.message}`)
      if (p.code.startsWith('limit.')) incomplete ??= p.message
    }
    for (const img of found.images) {
      shown++
      if (img.ref && bound.refs.has(`${img.ref.num} ${img.ref.gen}`)) continue
      const key = img.ref ? `${img.ref.num} ${img.ref.gen}` : img.kind === 'inline' ? img.key : null
      if (key !== null && analysed.has(key)) continue
      if (key !== null) analysed.add(key)
      const size = candidatePixels(pdf, img, rev)
      if (size === 0) continue
      if (size > PAGE_SCAN_LIMITS.maxCandidatePixels) {
        notAnalysed.push(img)
        continue
      }
      if (
        decoded >= PAGE_SCAN_LIMITS.maxDecoded ||
        pixels + size > PAGE_SCAN_LIMITS.maxTotalPixels
      ) {
        incomplete ??= `more than ${decoded} candidate pictures or ${pixels} pixels to decode`
        break
      }
      decoded++
      pixels += size
      const params = { page: pageIndex + 1, name: img.path }
      try {
        const image = decodeDrawn(pdf, img, rev)
        // Analyse rasters first: only seal-like ones are worth re-encoding for their digest.
        const early = image.kind === 'raster' ? looksLikeSeal(image.raster) : undefined
        if (early && !early.sealLike) continue
        const pic = toPicture(image)
        const likeness = early ?? (pic.raster ? looksLikeSeal(pic.raster) : undefined)
        if (likeness && !likeness.sealLike) continue
        if (bound.digests.has(pic.picture.sha256)) continue
        if (!likeness) {
          notAnalysed.push(img)
          continue
        }
        findings.push({
          code: 'policy.image-only-seal',
          status: 'failed',
          params,
          detail: {
            sha256: pic.picture.sha256,
            width: pic.picture.width,
            height: pic.picture.height,
            source: img.source === 'content' ? 'content' : 'annotation',
            inline: img.kind === 'inline',
            redShare: Number(likeness.redShare.toFixed(3)),
            outline: Number(likeness.outline.toFixed(3)),
          },
        })
      } catch (e) {
        if (!(e instanceof YrdError)) throw e
        problems.push(`page ${pageIndex + 1} ${img.path}: ${e.message}`)
        if (e.code.startsWith('limit.pdf.')) incomplete ??= e.message
      }
    }
  }
  const first = notAnalysed[0]
  if (first) {
    findings.push({
      code: 'pdf.appearance.images-not-analysed',
      status: 'warning',
      params: { count: notAnalysed.length, page: first.pageIndex + 1, name: first.path },
    })
  }
  if (problems.length > 0) {
    findings.push({
      code: 'pdf.appearance.unreadable',
      status: 'warning',
      params: { count: problems.length, reason: problems[0]! },
      detail: { problems: problems.slice(0, 20) },
    })
  }
  if (incomplete !== undefined) {
    findings.push({
      code: 'pdf.appearance.scan-incomplete',
      status: 'indeterminate',
      params: { reason: incomplete },
    })
  } else if (!findings.some((f) => f.code === 'policy.image-only-seal')) {
    findings.push({
      code: 'pdf.appearance.no-unbound-seal',
      status: 'passed',
      params: { images: shown },
    })
  }
  return findings
}
