/**
 * What each signature permits after it (DocMDP certification level, FieldMDP locks) and the
 * judgement of the later revisions by the change analysis (`evaluatePdfChanges`), folded into
 * the signature's `modifications` and checks.
 */
import type { PdfFile, PdfObject } from '../formats/pdf/types.js'
import type { Finding } from '../verdict/messages.js'
import type { SignatureResult } from '../verdict/types.js'
import { evaluatePdfChanges } from './pdf-changes.js'
import type { DocMdpLevel, FieldLock, PdfChangesOptions } from './pdf-changes-types.js'
import { docMdpLevel, fieldLocks } from './pdf-mdp.js'
import type { PreparedSignature } from './pdf-prepare.js'

/** The permissions one signature declares, at the revision it signed. */
export interface Mdp {
  readonly revision: number | null
  readonly docMdp?: DocMdpLevel
  readonly locks: readonly FieldLock[]
}

/** Reads the permissions of a prepared signature from its signed revision. */
export function mdpOf(pdf: PdfFile, p: PreparedSignature): Mdp {
  if (!p.dict || p.revision === null || p.fatal) return { revision: p.revision, locks: [] }
  const rev = p.revision
  let field: ReadonlyMap<string, PdfObject> | undefined
  if (p.ref.fieldRef) {
    const f = pdf.deref(pdf.resolve(p.ref.fieldRef, rev), rev)
    if (f?.kind === 'dict') field = f.entries
  }
  const level = docMdpLevel(pdf, p.dict, rev)
  const locks = fieldLocks(pdf, p.dict, field, rev)
  return level === undefined ? { revision: rev, locks } : { revision: rev, docMdp: level, locks }
}

/** The permissions in force after revision `rev`: the first certification, every lock. */
export function permissionsAt(all: readonly Mdp[], rev: number): PdfChangesOptions {
  const before = all.filter((m) => m.revision !== null && m.revision <= rev)
  const earliest = [...before].sort((x, y) => x.revision! - y.revision!)[0]
  // Only a certification that is the first signature of the document counts (ISO 32000-1 12.8.2.2).
  const docMdp = earliest?.docMdp
  const fieldLocks: FieldLock[] = []
  for (const m of before) fieldLocks.push(...m.locks)
  return docMdp === undefined ? { fieldLocks } : { docMdp, fieldLocks }
}

/**
 * Judges the revisions after the one `p` signed. Entire-file coverage means no change; a
 * partial or unreadable signature is not judged (its own checks already fail it).
 */
export function judgeChanges(
  pdf: PdfFile,
  p: PreparedSignature,
  all: readonly Mdp[],
): { findings: Finding[]; modifications: SignatureResult['modifications'] } {
  if (p.fatal || p.revision === null || p.coverage === 'partial' || p.coverage === null) {
    return { findings: [], modifications: null }
  }
  if (p.coverage === 'entire-file' || p.revision >= pdf.revisions.length - 1) {
    return { findings: [], modifications: 'none' }
  }
  try {
    const r = evaluatePdfChanges(pdf, p.revision, permissionsAt(all, p.revision))
    const findings = [...r.findings]
    if (r.modifications === 'disallowed' && !findings.some((f) => f.status === 'failed')) {
      findings.push({
        code: 'pdf.modifications-disallowed',
        status: 'failed',
        subIndication: 'FORMAT_FAILURE',
        params: { revision: p.revision },
      })
    }
    return { findings, modifications: r.modifications }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return {
      findings: [{ code: 'pdf.changes-unavailable', status: 'indeterminate', params: { reason } }],
      modifications: null,
    }
  }
}
