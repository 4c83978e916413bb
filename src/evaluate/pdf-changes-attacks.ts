/**
 * Findings that name the attack a change after signing stands for: new page content (ISA),
 * content drawn at signing altered (shadow hide), page resources swapped (shadow replace),
 * annotations over signed content (Evil Annotation) or taken away from over it, and the
 * annotations whose overlap cannot be decided.
 */
import type { Rect } from '../formats/pdf/appearance/geometry.js'
import type { OverlapReport } from '../formats/pdf/diff/overlap.js'
import type { PageChange } from '../formats/pdf/diff/page-changes.js'
import type { Finding } from '../verdict/messages.js'
import { PLAIN } from '../shape.js'

type AtRevision<T> = T & { readonly revision: number }

/** Most findings of one code. */
const MAX_REPEATED = 10
/** Most object numbers listed in one message. */
const MAX_LISTED = 20

function failed(code: string, params: Record<string, string | number>): Finding {
  return { code, status: 'failed', subIndication: 'FORMAT_FAILURE', params }
}

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 100) / 100 : v < 0 ? '-∞' : '∞')

/** A rectangle as `[x0 y0 x1 y1]`, rounded to hundredths. */
export function rectText(r: Rect): string {
  return `[${r.map(round).join(' ')}]`
}

function listed(nums: readonly number[]): string {
  const shown = nums.slice(0, MAX_LISTED).join(', ')
  return nums.length > MAX_LISTED ? `${shown} (+${nums.length - MAX_LISTED})` : shown
}

/** Findings for the page changes, one per kind, revision and page. */
export function pageChangeFindings(changes: readonly AtRevision<PageChange>[]): Finding[] {
  const out: Finding[] = []
  const code = {
    'content-added': 'pdf.changes.content-added',
    'content-altered': 'pdf.changes.content-altered',
    'resources-swapped': 'pdf.changes.resources-swapped',
  } as const
  for (const kind of ['content-added', 'content-altered', 'resources-swapped'] as const) {
    for (const c of changes.filter((x) => x.kind === kind).slice(0, MAX_REPEATED)) {
      out.push({
        ...PLAIN,
        ...failed(code[kind], {
          revision: c.revision,
          page: c.page === undefined ? '-' : c.page + 1,
          objects: listed(c.objects),
        }),
        detail: { objects: c.objects },
      })
    }
  }
  return out
}

/** Findings for the annotations of every revision after the signed one. */
export function annotationFindings(reports: readonly AtRevision<OverlapReport>[]): Finding[] {
  const out: Finding[] = []
  const overlaps = reports.flatMap((r) =>
    r.overlaps.map((o) => ({ ...PLAIN, ...o, revision: r.revision })),
  )
  for (const o of overlaps.slice(0, MAX_REPEATED)) {
    const { num, subtype, revision } = o
    out.push({
      ...PLAIN,
      ...failed('pdf.changes.overlap', {
        num,
        subtype,
        revision,
        page: o.page + 1,
        at: rectText(o.at),
      }),
      detail: { change: o.change, over: o.over === 'content' ? 'content' : { annotation: o.over } },
    })
  }
  const removed = reports.flatMap((r) =>
    r.removed.map((o) => ({ ...PLAIN, ...o, revision: r.revision })),
  )
  for (const o of removed.slice(0, MAX_REPEATED)) {
    const { num, subtype, revision } = o
    out.push(
      failed('pdf.changes.overlay-removed', {
        num,
        subtype,
        revision,
        page: o.page + 1,
        at: rectText(o.at),
      }),
    )
  }
  const seen = new Set<number>()
  for (const r of reports) {
    for (const u of r.unknown) {
      if (seen.has(u.num) || seen.size >= MAX_REPEATED) continue
      seen.add(u.num)
      out.push({
        code: 'pdf.changes.overlap-unknown',
        status: 'indeterminate',
        params: { num: u.num, subtype: u.subtype, page: u.page + 1, reason: u.reason },
        detail: { revision: r.revision },
      })
    }
  }
  const large = reports.flatMap((r) =>
    r.large.map((o) => ({ ...PLAIN, ...o, revision: r.revision })),
  )
  for (const o of large.slice(0, MAX_REPEATED)) {
    out.push({
      code: 'pdf.changes.large-overlay',
      status: 'warning',
      params: { what: o.what, num: o.num, page: o.page + 1, percent: o.percent },
      detail: { revision: o.revision },
    })
  }
  return out
}
