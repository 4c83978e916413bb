/**
 * Types of the change analysis of a signed PDF: what changed after a signed revision, how
 * each change is classified (LTA updates < new signatures < form filling < annotations <
 * other), and what the DocMDP / FieldMDP permissions of the certification make of it.
 */
import type { ChangeKind } from '../formats/pdf/diff/kinds.js'
import type { Finding } from '../verdict/messages.js'

/** DocMDP permission level (/TransformParams /P of the certification signature). */
export type DocMdpLevel = 1 | 2 | 3

/**
 * A FieldMDP lock: the /Lock dictionary of a signature field, or the /TransformParams of a
 * /Reference with /TransformMethod /FieldMDP. `fields` holds fully qualified field names.
 */
export interface FieldLock {
  readonly action: 'All' | 'Include' | 'Exclude'
  readonly fields: readonly string[]
}

/** Options of {@link evaluatePdfChanges}. */
export interface PdfChangesOptions {
  /** The DocMDP level when this or an earlier signature certifies the document. */
  readonly docMdp?: DocMdpLevel
  /** Field locks in force after the signed revision (this and earlier signatures). */
  readonly fieldLocks?: readonly FieldLock[]
}

export type { ChangeKind } from '../formats/pdf/diff/kinds.js'
export { CHANGE_KIND_ORDER } from '../formats/pdf/diff/kinds.js'

/** One object that differs between two consecutive revisions. */
export interface ChangedObject {
  readonly num: number
  readonly kind: ChangeKind
  readonly change: 'added' | 'changed' | 'removed'
  /** The revision that made the change (the later of the two compared). */
  readonly revision: number
  /** 1-based page number the object belongs to, when it belongs to one page. */
  readonly page?: number
  /** Why the object got its class, in a short stable English phrase. */
  readonly reason: string
}

/** The outcome of {@link evaluatePdfChanges}. */
export interface PdfChangesResult {
  readonly modifications: 'none' | 'allowed' | 'disallowed'
  readonly findings: Finding[]
  readonly changedObjects: ChangedObject[]
}
