/**
 * The classes of change and their order, shared by the classifier and the evaluator.
 */
import type { FieldInfo } from './roles.js'

/** The class of a change, from the most benign to the least. */
export type ChangeKind = 'structure' | 'lta' | 'signature' | 'form-fill' | 'annotation' | 'other'

/** The classes in increasing order of severity. */
export const CHANGE_KIND_ORDER: readonly ChangeKind[] = [
  'structure',
  'lta',
  'signature',
  'form-fill',
  'annotation',
  'other',
]

/** A class with the reason it was chosen. */
export interface Judged {
  readonly kind: ChangeKind
  readonly reason: string
}

/** The more severe of two judgements (the first one on a tie). */
export function worse(a: Judged, b: Judged): Judged {
  return CHANGE_KIND_ORDER.indexOf(b.kind) > CHANGE_KIND_ORDER.indexOf(a.kind) ? b : a
}

/** The class of a signature-related change: LTA for document time-stamp fields. */
export function sigJudge(field: FieldInfo | undefined, reason: string): Judged {
  return field?.docTimeStamp
    ? { kind: 'lta', reason: `${reason} (document time-stamp)` }
    : { kind: 'signature', reason }
}
