/**
 * Modification permissions a signature dictionary declares: the DocMDP level of a
 * certification signature (/Reference with /TransformMethod /DocMDP, /P 1–3, default 2) and
 * FieldMDP locks (/Reference with /TransformMethod /FieldMDP, or the field's /Lock).
 */
import type { PdfFile, PdfObject } from '../formats/pdf/types.js'
import type { DocMdpLevel, FieldLock } from './pdf-changes-types.js'
import { fullText } from './pdf-sig-dict.js'

type Dict = ReadonlyMap<string, PdfObject>

/** Most /Reference entries and /Fields names read. */
const MAX_ITEMS = 256

function dictOf(pdf: PdfFile, obj: PdfObject | undefined, rev: number): Dict | undefined {
  const d = pdf.deref(obj, rev)
  return d?.kind === 'dict' ? d.entries : undefined
}

function references(pdf: PdfFile, sig: Dict, rev: number): { method: string; params?: Dict }[] {
  const list = pdf.deref(sig.get('Reference'), rev)
  if (list?.kind !== 'array') return []
  const out: { method: string; params?: Dict }[] = []
  for (const item of list.items.slice(0, MAX_ITEMS)) {
    const ref = dictOf(pdf, item, rev)
    const method = pdf.deref(ref?.get('TransformMethod'), rev)
    if (!ref || method?.kind !== 'name') continue
    const params = dictOf(pdf, ref.get('TransformParams'), rev)
    out.push(params ? { method: method.value, params } : { method: method.value })
  }
  return out
}

/** The DocMDP level the dictionary declares, or undefined when it certifies nothing. */
export function docMdpLevel(pdf: PdfFile, sig: Dict, rev: number): DocMdpLevel | undefined {
  const docMdp = references(pdf, sig, rev).find((r) => r.method === 'DocMDP')
  if (!docMdp) return undefined
  const p = pdf.deref(docMdp.params?.get('P'), rev)
  if (p?.kind === 'number' && (p.value === 1 || p.value === 3)) return p.value
  // An absent or unknown /P is treated as 2; an unknown value is read as the stricter 1.
  if (p === undefined || (p.kind === 'number' && p.value === 2)) return 2
  return 1
}

function lockFrom(pdf: PdfFile, params: Dict, rev: number): FieldLock | undefined {
  const action = pdf.deref(params.get('Action'), rev)
  if (action?.kind !== 'name') return undefined
  if (action.value !== 'All' && action.value !== 'Include' && action.value !== 'Exclude') {
    return { action: 'All', fields: [] }
  }
  const list = pdf.deref(params.get('Fields'), rev)
  const fields =
    list?.kind === 'array'
      ? list.items
          .slice(0, MAX_ITEMS)
          .map((f) => fullText(pdf.deref(f, rev)))
          .filter((f): f is string => f !== undefined)
      : []
  return { action: action.value, fields }
}

/** FieldMDP locks declared by the signature dictionary and by its field's /Lock. */
export function fieldLocks(
  pdf: PdfFile,
  sig: Dict,
  field: Dict | undefined,
  rev: number,
): FieldLock[] {
  const out: FieldLock[] = []
  for (const r of references(pdf, sig, rev)) {
    if (r.method !== 'FieldMDP' || !r.params) continue
    const lock = lockFrom(pdf, r.params, rev)
    if (lock) out.push(lock)
  }
  const lockDict = field ? dictOf(pdf, field.get('Lock'), rev) : undefined
  const lock = lockDict ? lockFrom(pdf, lockDict, rev) : undefined
  if (lock) out.push(lock)
  return out
}
