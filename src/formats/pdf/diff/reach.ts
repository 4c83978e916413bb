/**
 * Marks every object reachable from a starting value with a role, stopping at structural
 * nodes (pages, annotations, fields, …) whose roles the document walk assigns itself.
 */
import type { PdfFile, PdfObject } from '../types.js'
import type { Role } from './roles.js'

/** A starting value and the role of everything it reaches. */
export interface Reach {
  readonly from: PdfObject
  readonly role: Role
}

const MAX_NESTING = 64

/**
 * Walks each reach with an explicit stack. `mark` returns false when the object already has
 * the role, which ends that branch; structural objects are not entered.
 */
export function reachAll(
  pdf: PdfFile,
  rev: number,
  reaches: readonly Reach[],
  structural: ReadonlySet<number>,
  mark: (num: number, role: Role) => boolean,
): void {
  for (const { from, role } of reaches) {
    const stack: { o: PdfObject; depth: number }[] = [{ o: from, depth: 0 }]
    while (stack.length > 0) {
      const { o, depth } = stack.pop()!
      if (depth > MAX_NESTING) continue
      if (o.kind === 'ref') {
        if (structural.has(o.ref.num) || !mark(o.ref.num, role)) continue
        const target = pdf.resolve(o.ref, rev)
        if (target) stack.push({ o: target, depth: 0 })
      } else if (o.kind === 'array') {
        for (const item of o.items) stack.push({ o: item, depth: depth + 1 })
      } else if (o.kind === 'dict' || o.kind === 'stream') {
        const entries = o.kind === 'dict' ? o.entries : o.dict
        for (const v of entries.values()) stack.push({ o: v, depth: depth + 1 })
      }
    }
  }
}
