/**
 * Annotation appearances (ISO 32000-1 §12.5.5): the normal appearance stream of a widget or
 * other annotation, choosing the state named by /AS when /N is a dictionary of states.
 */
import type { PdfFile, PdfObject, PdfStream } from '../types.js'

/** The normal appearance (/AP /N) of an annotation, or undefined when it has none. */
export function normalAppearance(
  pdf: PdfFile,
  annot: ReadonlyMap<string, PdfObject>,
  rev: number,
): PdfStream | undefined {
  const ap = pdf.deref(annot.get('AP'), rev)
  if (ap?.kind !== 'dict') return undefined
  const n = pdf.deref(ap.entries.get('N'), rev)
  if (n?.kind === 'stream') return n
  if (n?.kind !== 'dict') return undefined
  const as = pdf.deref(annot.get('AS'), rev)
  if (as?.kind === 'name') {
    const chosen = pdf.deref(n.entries.get(as.value), rev)
    return chosen?.kind === 'stream' ? chosen : undefined
  }
  if (n.entries.size !== 1) return undefined
  const only = pdf.deref([...n.entries.values()][0], rev)
  return only?.kind === 'stream' ? only : undefined
}

/** The resources of a form XObject stream, if it has a dictionary of them. */
export function formResources(
  pdf: PdfFile,
  form: PdfStream,
  rev: number,
): ReadonlyMap<string, PdfObject> | undefined {
  const res = pdf.deref(form.dict.get('Resources'), rev)
  return res?.kind === 'dict' ? res.entries : undefined
}
