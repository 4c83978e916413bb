/**
 * Reads the modification permissions a signature declares: DocMDP /P and FieldMDP locks from
 * the signature dictionary's /Reference, and the /Lock dictionary of its signature field.
 */
import { entriesOf, nameOf, textOf } from '../formats/pdf/diff/objects.js'
import type { PdfFile, PdfObject } from '../formats/pdf/types.js'
import type { DocMdpLevel, FieldLock } from './pdf-changes-types.js'

/** Permissions declared by one signature. */
export interface MdpParams {
  readonly docMdp?: DocMdpLevel
  readonly fieldLocks: FieldLock[]
}

const MAX_REFERENCES = 16
const MAX_LOCK_FIELDS = 1000

function lockOf(pdf: PdfFile, d: ReadonlyMap<string, PdfObject> | undefined, rev: number) {
  const action = nameOf(pdf.deref(d?.get('Action'), rev))
  if (action !== 'All' && action !== 'Include' && action !== 'Exclude') return undefined
  const arr = pdf.deref(d?.get('Fields'), rev)
  const items = arr?.kind === 'array' ? arr.items.slice(0, MAX_LOCK_FIELDS) : []
  const fields = items.flatMap((i) => textOf(pdf.deref(i, rev)) ?? [])
  return { action, fields } satisfies FieldLock
}

/**
 * Reads DocMDP and FieldMDP transform parameters of the signature dictionary `sig` as
 * revision `rev` sees it, and the /Lock of its field dictionary `field` when given.
 * A DocMDP reference without /P means P2 (ISO 32000-1 12.8.2.2); any other /P value
 * is read as the strictest level, P1.
 */
export function readMdpParams(
  pdf: PdfFile,
  sig: PdfObject | undefined,
  rev: number,
  field?: PdfObject,
): MdpParams {
  const fieldLocks: FieldLock[] = []
  let docMdp: DocMdpLevel | undefined
  const refs = pdf.deref(entriesOf(pdf.deref(sig, rev))?.get('Reference'), rev)
  const items = refs?.kind === 'array' ? refs.items.slice(0, MAX_REFERENCES) : []
  for (const item of items) {
    const d = entriesOf(pdf.deref(item, rev))
    const method = nameOf(pdf.deref(d?.get('TransformMethod'), rev))
    const params = entriesOf(pdf.deref(d?.get('TransformParams'), rev))
    if (method === 'DocMDP') {
      const p = pdf.deref(params?.get('P'), rev)
      const level: DocMdpLevel =
        p === undefined ? 2 : p.kind === 'number' && (p.value === 2 || p.value === 3) ? p.value : 1
      docMdp = docMdp === undefined ? level : (Math.min(docMdp, level) as DocMdpLevel)
    } else if (method === 'FieldMDP') {
      const lock = lockOf(pdf, params, rev)
      if (lock) fieldLocks.push(lock)
    }
  }
  const lock = lockOf(
    pdf,
    entriesOf(pdf.deref(entriesOf(pdf.deref(field, rev))?.get('Lock'), rev)),
    rev,
  )
  if (lock) fieldLocks.push(lock)
  return { ...(docMdp !== undefined ? { docMdp } : {}), fieldLocks }
}
