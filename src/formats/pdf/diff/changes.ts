/**
 * Lists the objects that differ between two revisions, each side resolved through its own
 * revision's cross-reference chain. Re-pointed entries without new bodies and entries that
 * point at the body of another object number are reported too.
 */
import type { PdfFile, PdfObject, XrefEntry } from '../types.js'
import { MAX_HEADER, readObjectHeader } from './header.js'
import { samePdfObject } from './objects.js'

/** One object that differs between the two revisions. */
export interface RawChange {
  readonly num: number
  readonly change: 'added' | 'changed' | 'removed'
  readonly before?: PdfObject
  readonly after?: PdfObject
  /** The later revision's entry points at a body that already lies in the earlier bytes. */
  readonly repointed: boolean
}

/** An xref entry whose target body declares another object number. */
export interface HeaderMismatch {
  readonly num: number
  readonly declared: number
  readonly offset: number
}

/** Everything {@link diffRevisions} found. */
export interface RevisionDiff {
  readonly changes: RawChange[]
  readonly headerMismatches: HeaderMismatch[]
}

type Located = { entry: XrefEntry; revision: number } | undefined

function live(pdf: PdfFile, num: number, rev: number): Located {
  const at = pdf.locate(num, rev)
  return at && at.entry.type !== 'free' ? at : undefined
}

function sameEntry(
  pdf: PdfFile,
  a: XrefEntry,
  b: XrefEntry,
  before: number,
  after: number,
): boolean {
  if (a.type === 'offset' && b.type === 'offset') return a.offset === b.offset && a.gen === b.gen
  if (a.type === 'compressed' && b.type === 'compressed') {
    if (a.stream !== b.stream || a.index !== b.index) return false
    const sa = live(pdf, a.stream, before)
    const sb = live(pdf, b.stream, after)
    return !!sa && !!sb && sameEntry(pdf, sa.entry, sb.entry, before, after)
  }
  return false
}

/**
 * Compares revision `after` with revision `before` (indices into `pdf.revisions`).
 * Every object number known to either side is considered, so a /Prev chain that skips a
 * revision cannot hide a difference.
 */
export function diffRevisions(pdf: PdfFile, before: number, after: number): RevisionDiff {
  const nums = new Set([...pdf.objectNumbers(before), ...pdf.objectNumbers(after)])
  const earlierEnd = pdf.revisions[before]?.end ?? 0
  const changes: RawChange[] = []
  for (const num of [...nums].sort((x, y) => x - y)) {
    const la = live(pdf, num, before)
    const lb = live(pdf, num, after)
    if (la && lb && sameEntry(pdf, la.entry, lb.entry, before, after)) continue
    const a = la ? pdf.resolve({ num, gen: gen(la.entry) }, before) : undefined
    const b = lb ? pdf.resolve({ num, gen: gen(lb.entry) }, after) : undefined
    const repointed = !!lb && lb.entry.type === 'offset' && lb.entry.offset < earlierEnd
    if (!a && !b) continue
    if (!a) changes.push({ num, change: 'added', after: b!, repointed })
    else if (!b) changes.push({ num, change: 'removed', before: a, repointed: false })
    else if (!samePdfObject(pdf, a, b))
      changes.push({ num, change: 'changed', before: a, after: b, repointed })
  }
  return { changes, headerMismatches: headerMismatches(pdf, after) }
}

function gen(e: XrefEntry): number {
  return e.type === 'offset' ? e.gen : 0
}

/** Entries of revision `rev`'s own sections whose body declares another object number. */
export function headerMismatches(pdf: PdfFile, rev: number): HeaderMismatch[] {
  const out: HeaderMismatch[] = []
  const r = pdf.revisions[rev]
  if (!r) return out
  for (const [num, e] of r.entries) {
    if (e.type !== 'offset') continue
    pdf.ensure(e.offset, e.offset + MAX_HEADER)
    const h = readObjectHeader(pdf.bytes, e.offset)
    if (h && h.num !== num) out.push({ num, declared: h.num, offset: e.offset })
  }
  return out
}
