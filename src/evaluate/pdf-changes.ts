/**
 * Judges the changes made to a PDF after a signed revision: every later revision is compared
 * with the one before it through each revision's own cross-reference chain, each changed
 * object is classified, and the classes are checked against the DocMDP / FieldMDP
 * permissions. Anything that cannot be analysed counts as disallowed.
 */
import { diffRevisions, type HeaderMismatch } from '../formats/pdf/diff/changes.js'
import { classifyChange, type Classified } from '../formats/pdf/diff/classify.js'
import type { ChangeKind } from '../formats/pdf/diff/kinds.js'
import { findOverlaps } from '../formats/pdf/diff/overlap.js'
import { pageChanges } from '../formats/pdf/diff/page-changes.js'
import { indexRoles } from '../formats/pdf/diff/roles.js'
import { SignedContent } from '../formats/pdf/diff/signed-content.js'
import type { PdfFile } from '../formats/pdf/types.js'
import type { Finding } from '../verdict/messages.js'
import './pdf-changes-codes.js'
import { changeFindings, type Collected } from './pdf-changes-findings.js'
import type { FieldLock, PdfChangesOptions, PdfChangesResult } from './pdf-changes-types.js'
import { PLAIN } from '../shape.js'

export type {
  ChangeKind,
  ChangedObject,
  DocMdpLevel,
  FieldLock,
  PdfChangesOptions,
  PdfChangesResult,
} from './pdf-changes-types.js'

/** The most severe class each DocMDP level permits (no DocMDP: up to annotations). */
export function permittedKind(docMdp: 1 | 2 | 3 | undefined): ChangeKind {
  if (docMdp === 1) return 'lta'
  if (docMdp === 2) return 'form-fill'
  return 'annotation'
}

/** Whether a field of fully qualified name `name` is locked by one of `locks`. */
export function isFieldLocked(locks: readonly FieldLock[], name: string): boolean {
  const listed = (fields: readonly string[]) =>
    fields.some((f) => f === name || name.startsWith(`${f}.`))
  return locks.some((l) =>
    l.action === 'All' ? true : l.action === 'Include' ? listed(l.fields) : !listed(l.fields),
  )
}

function failed(code: string, params: Record<string, string | number>): Finding {
  return { code, status: 'failed', subIndication: 'FORMAT_FAILURE', params }
}

/**
 * Classifies what changed after revision `signedRevision` (index into `pdf.revisions`).
 *
 * @param pdf - the parsed file
 * @param signedRevision - the revision the signature covers
 * @param opts - DocMDP level and field locks in force
 * @returns `none` when no later revision changes anything, `allowed` when every change is
 *   permitted, `disallowed` otherwise; findings name the objects and (1-based) pages
 */
export function evaluatePdfChanges(
  pdf: PdfFile,
  signedRevision: number,
  opts: PdfChangesOptions = {},
): PdfChangesResult {
  const count = pdf.revisions.length
  if (!Number.isInteger(signedRevision) || signedRevision < 0 || signedRevision >= count) {
    const f = failed('pdf.changes.revision', { revision: signedRevision, count })
    return { modifications: 'disallowed', findings: [f], changedObjects: [] }
  }
  let collected: Collected
  try {
    collected = collect(pdf, signedRevision, opts.fieldLocks ?? [])
  } catch (e) {
    const code = e instanceof Error && 'code' in e ? String(e.code) : ''
    const reason = `${code ? `${code}: ` : ''}${e instanceof Error ? e.message : String(e)}`
    const f = failed('pdf.changes.unreadable', { reason })
    return { modifications: 'disallowed', findings: [f], changedObjects: [] }
  }
  return changeFindings(collected, permittedKind(opts.docMdp), opts.docMdp)
}

/** Offsets of revisions after the signed one that the /Prev chain leaves out. */
function unchained(pdf: PdfFile, signed: number): number[] {
  const end = pdf.revisions[signed]!.end
  return pdf.problems
    .filter((p) => p.code === 'format.pdf.unchained-revision' && (p.offset ?? end) >= end)
    .map((p) => p.offset ?? end)
}

function collect(pdf: PdfFile, signed: number, locks: readonly FieldLock[]): Collected {
  const out: Collected = {
    classified: [],
    mismatches: [],
    annotations: [],
    pages: [],
    prevBreaks: [],
    unchained: unchained(pdf, signed),
  }
  const isLocked = (name: string) => isFieldLocked(locks, name)
  let ib = indexRoles(pdf, signed)
  const shown = new SignedContent(pdf, signed, ib)
  for (let rev = signed + 1; rev < pdf.revisions.length; rev++) {
    const ia = indexRoles(pdf, rev)
    const diff = diffRevisions(pdf, rev - 1, rev)
    const ctx = { pdf, before: rev - 1, after: rev, ib, ia, isLocked }
    const classified: Classified[] = diff.changes.map((ch) => classifyChange(ctx, ch))
    out.classified.push(...classified.map((c) => ({ ...PLAIN, ...c, revision: rev })))
    out.mismatches.push(
      ...diff.headerMismatches.map((m): HeaderMismatch & { revision: number } => ({
        ...PLAIN,
        ...m,
        revision: rev,
      })),
    )
    const report = findOverlaps({ pdf, rev, ib, ia, signed: shown }, classified)
    out.annotations.push({ ...PLAIN, ...report, revision: rev })
    for (const p of pageChanges({ pdf, before: rev - 1, after: rev, ib, ia }, classified)) {
      out.pages.push({ ...PLAIN, ...p, revision: rev })
    }
    const prev = pdf.revisions[rev]!.trailer.get('Prev')
    const expected = pdf.revisions[rev - 1]!.startxref
    if (prev?.kind !== 'number' || prev.value !== expected) {
      out.prevBreaks.push({
        revision: rev,
        prev: prev?.kind === 'number' ? prev.value : -1,
        expected,
      })
    }
    ib = ia
  }
  return out
}
