/**
 * The progress bar of a batch and the summary table printed after it.
 */
import type { Status } from '../verdict/types.js'
import type { Output } from './output.js'
import type { FileResult } from './verify-file.js'

const STATUSES: readonly Status[] = ['recognized', 'rejected', 'indeterminate']
const HEAD: Record<Status | 'unreadable', string> = {
  recognized: 'recognized',
  rejected: 'rejected',
  indeterminate: 'indeterminate',
  unreadable: 'unreadable',
}

/** A progress callback drawing `[####....] 3/10 file` on stderr, or undefined when off. */
export function progressBar(out: Output, total: number) {
  const draw = out.progress
  if (!draw || total < 2) return undefined
  return (done: number, file: string) => {
    const width = 24
    const filled = Math.round((done / total) * width)
    const name = file.length > 40 ? `…${file.slice(-39)}` : file
    draw(`[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${name}`)
    if (done === total) draw('')
  }
}

/** Counts of results per status and per kind. */
export function tally(results: readonly FileResult[]) {
  const rows = new Map<string, Record<Status | 'unreadable', number>>()
  const zero = () => ({ recognized: 0, rejected: 0, indeterminate: 0, unreadable: 0 })
  const total = zero()
  for (const r of results) {
    const kind = r.verdict ? (r.verdict.kind ?? 'unknown') : '-'
    const status = r.verdict ? r.verdict.status : 'unreadable'
    const row = rows.get(kind) ?? zero()
    row[status]++
    total[status]++
    rows.set(kind, row)
  }
  return { rows: [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)), total }
}

/** Prints the summary table: one row per kind, one column per status, and the totals. */
export function renderSummary(out: Output, results: readonly FileResult[]): void {
  const { rows, total } = tally(results)
  const cols = [...STATUSES, 'unreadable'] as const
  const widths = cols.map((c) => Math.max(HEAD[c].length, 5))
  const line = (label: string, cells: readonly string[]) =>
    `  ${label.padEnd(14)}${cells.map((c, i) => c.padStart((widths[i] ?? 5) + 2)).join('')}`
  out.out('')
  out.out(`汇总 / summary: ${results.length} files (予以互认 / 不予互认 / 无法确定 / 无法读取)`)
  out.out(
    line(
      'kind',
      cols.map((c) => HEAD[c]),
    ),
  )
  for (const [kind, row] of rows)
    out.out(
      line(
        kind,
        cols.map((c) => String(row[c])),
      ),
    )
  out.out(
    line(
      'total',
      cols.map((c) => String(total[c])),
    ),
  )
}
