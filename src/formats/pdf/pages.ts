/**
 * The page tree walk (ISO 32000-1 §7.7.3): bounded in depth and count, safe against cycles.
 */
import type { PdfFile, PdfLimits, PdfObject, PdfRef } from './types.js'

/** The pages of revision `rev` in document order; inherited attributes are not merged. */
export function walkPages(
  pdf: PdfFile,
  rev: number,
  limits: PdfLimits,
): { ref: PdfRef; dict: ReadonlyMap<string, PdfObject> }[] {
  const out: { ref: PdfRef; dict: ReadonlyMap<string, PdfObject> }[] = []
  const root = pdf.catalog(rev)?.get('Pages')
  if (root?.kind !== 'ref') return out
  const visited = new Set<number>()
  let steps = 0
  const visit = (ref: PdfRef, depth: number): void => {
    if (depth > limits.maxDepth || visited.has(ref.num) || out.length >= limits.maxPages) return
    if (++steps > limits.maxObjects) return
    visited.add(ref.num)
    const node = pdf.resolve(ref, rev)
    if (node?.kind !== 'dict') return
    const type = node.entries.get('Type')
    const kids = pdf.deref(node.entries.get('Kids'), rev)
    const isTree = type?.kind === 'name' ? type.value === 'Pages' : kids?.kind === 'array'
    if (!isTree) {
      out.push({ ref, dict: node.entries })
      return
    }
    if (kids?.kind !== 'array') return
    for (const kid of kids.items) {
      if (kid.kind === 'ref') visit(kid.ref, depth + 1)
    }
  }
  visit(root.ref, 0)
  return out
}
