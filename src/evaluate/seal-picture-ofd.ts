/**
 * What an OFD viewer shows where a seal is stamped: the seal's own picture in each StampAnnot
 * boundary, unless a page annotation draws a picture over that boundary, which is then what
 * people see. Such pictures are compared with the signed seal picture.
 */
import { YrdError } from '../errors.js'
import type { OfdAnnotPicture, OfdBox, OfdDocument, OfdSignature } from '../formats/ofd/types.js'
import { sniffPicture } from '../formats/ses/index.js'
import { pictureDigest } from '../images/compare.js'
import { decodePicture } from '../images/decode.js'
import type { Raster } from '../images/raster.js'
import type { Finding } from '../verdict/messages.js'
import type { SealPicture } from './ses-seal.js'
import { displayedPictureFindings, type DisplayedPicture } from './seal-picture.js'

/** True when two boxes share an area (touching edges do not count). */
function overlaps(a: OfdBox, b: OfdBox): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

/** The annotation pictures drawn over the stamps of `sig`, without repeats. */
export function picturesOverStamps(doc: OfdDocument, sig: OfdSignature): OfdAnnotPicture[] {
  const out: OfdAnnotPicture[] = []
  for (const stamp of sig.stampAnnots) {
    for (const p of doc.annotationPictures) {
      if (out.includes(p) || p.pageIndex === null || p.pageIndex !== stamp.pageIndex) continue
      // An annotation or stamp without a readable boundary may cover anything on its page.
      if (p.boundary && stamp.boundary && !overlaps(p.boundary, stamp.boundary)) continue
      out.push(p)
    }
  }
  return out
}

/** A displayable picture of an annotation (for renderers), when its file is present. */
export function annotationSealPicture(p: OfdAnnotPicture): SealPicture | undefined {
  if (!p.bytes) return undefined
  const b = p.boundary
  const format = sniffPicture(p.bytes) ?? 'unknown'
  return { format, width: b?.width ?? 0, height: b?.height ?? 0, data: p.bytes }
}

/**
 * The picture findings of an OFD seal signature: for each stamp without a picture over it,
 * the viewer draws the seal's own picture (passed); pictures that annotations draw over a
 * stamp are compared with the seal's picture.
 */
export function ofdPictureFindings(
  doc: OfdDocument,
  sig: OfdSignature,
  signed: SealPicture,
): Finding[] {
  const over = picturesOverStamps(doc, sig)
  const findings: Finding[] = []
  for (const stamp of sig.stampAnnots) {
    const covered = over.some((p) => p.pageIndex === stamp.pageIndex)
    if (!covered) {
      const page = stamp.pageIndex === null ? (stamp.pageRef ?? '?') : stamp.pageIndex + 1
      findings.push({ code: 'seal.picture.drawn-from-seal', status: 'passed', params: { page } })
    }
  }
  const problem = doc.annotationProblems[0]
  if (problem !== undefined) {
    // What the annotations draw over the stamp is unknown.
    findings.push({
      code: 'seal.picture.undecodable',
      status: 'indeterminate',
      subIndication: 'SIG_CONSTRAINTS_FAILURE',
      params: { page: '?', reason: `page annotations unreadable: ${problem}` },
    })
  }
  if (over.length === 0) return findings
  const displayed: DisplayedPicture[] = []
  let unreadable = 0
  for (const p of over) {
    if (!p.bytes) {
      unreadable++
      continue
    }
    let raster: Raster | undefined
    try {
      raster = decodePicture(p.bytes)
    } catch (e) {
      if (!(e instanceof YrdError)) throw e
      unreadable++
      continue
    }
    const page = p.pageIndex === null ? '?' : p.pageIndex + 1
    displayed.push({ sha256: pictureDigest(p.bytes), raster, page })
  }
  return [...findings, ...displayedPictureFindings(signed, displayed, unreadable)]
}
