/**
 * Turns the classified changes after a signature into findings and the modifications
 * verdict (none / allowed / disallowed).
 */
import type { HeaderMismatch } from '../formats/pdf/diff/changes.js'
import type { Classified } from '../formats/pdf/diff/classify.js'
import { CHANGE_KIND_ORDER, type ChangeKind } from '../formats/pdf/diff/kinds.js'
import type { OverlapReport } from '../formats/pdf/diff/overlap.js'
import type { PageChange } from '../formats/pdf/diff/page-changes.js'
import type { Finding } from '../verdict/messages.js'
import { annotationFindings, pageChangeFindings } from './pdf-changes-attacks.js'
import type { ChangedObject, DocMdpLevel, PdfChangesResult } from './pdf-changes-types.js'
import { PLAIN } from '../shape.js'

type AtRevision<T> = T & { readonly revision: number }

/** What the revision walk gathered. */
export interface Collected {
  readonly classified: AtRevision<Classified>[]
  readonly mismatches: AtRevision<HeaderMismatch>[]
  /** What the annotations of each later revision show against the signed content. */
  readonly annotations: AtRevision<OverlapReport>[]
  /** Changes to signed pages, by the attack they stand for. */
  readonly pages: AtRevision<PageChange>[]
  readonly prevBreaks: { revision: number; prev: number; expected: number }[]
  /** Offsets of unchained revisions after the signed one. */
  readonly unchained: number[]
}

/** Most object numbers, pages or reasons listed in one message. */
const MAX_LISTED = 20
/** Most findings of one repeated kind (mismatches, /Prev breaks). */
const MAX_REPEATED = 10

function list(values: Iterable<string | number>): string {
  const all = [...new Set(values)]
  const shown = all.slice(0, MAX_LISTED).join(', ')
  return all.length > MAX_LISTED ? `${shown} (+${all.length - MAX_LISTED})` : shown || '-'
}

const rank = (k: ChangeKind) => CHANGE_KIND_ORDER.indexOf(k)

function fail(code: string, params: Record<string, string | number>): Finding {
  return { code, status: 'failed', subIndication: 'FORMAT_FAILURE', params }
}

function permittedText(docMdp: DocMdpLevel | undefined, permitted: ChangeKind): string {
  return docMdp ? `DocMDP P${docMdp}: ≤ ${permitted}` : `≤ ${permitted}`
}

/** Findings and verdict for the collected changes, given the most severe permitted class. */
export function changeFindings(
  c: Collected,
  permitted: ChangeKind,
  docMdp: DocMdpLevel | undefined,
): PdfChangesResult {
  const findings: Finding[] = []
  const perm = permittedText(docMdp, permitted)
  const bad = c.classified.filter((x) => rank(x.kind) > rank(permitted))
  for (const kind of CHANGE_KIND_ORDER) {
    const of = bad.filter((x) => x.kind === kind)
    if (of.length === 0) continue
    findings.push({
      ...PLAIN,
      ...fail('pdf.changes.disallowed', {
        kind,
        permitted: perm,
        objects: list(of.map((x) => x.num)),
        pages: list(of.flatMap((x) => (x.page === undefined ? [] : [x.page + 1]))),
        reasons: list(of.map((x) => x.reason)),
      }),
      detail: { objects: of.map((x) => ({ num: x.num, revision: x.revision, reason: x.reason })) },
    })
  }
  const locked = c.classified.filter((x) => x.lockedField !== undefined)
  for (const field of new Set(locked.map((x) => x.lockedField!))) {
    const of = locked.filter((x) => x.lockedField === field)
    findings.push(
      fail('pdf.changes.field-locked', {
        field,
        revision: list(of.map((x) => x.revision)),
        objects: list(of.map((x) => x.num)),
      }),
    )
  }
  const redefined = c.classified.filter((x) => x.sigRedefined)
  for (const revision of new Set(redefined.map((x) => x.revision))) {
    const objects = list(redefined.filter((x) => x.revision === revision).map((x) => x.num))
    findings.push(fail('pdf.changes.signature-redefined', { revision, objects }))
  }
  const repointed = c.classified.filter((x) => x.repointed && x.kind !== 'structure')
  for (const revision of new Set(repointed.map((x) => x.revision))) {
    const of = repointed.filter((x) => x.revision === revision)
    const params = { revision, objects: list(of.map((x) => x.num)) }
    const harmful = of.some((x) => rank(x.kind) > rank(permitted))
    findings.push(
      harmful
        ? fail('pdf.changes.xref-repointed', params)
        : { code: 'pdf.changes.xref-repointed', status: 'warning', params },
    )
  }
  for (const m of c.mismatches.slice(0, MAX_REPEATED)) {
    const { revision, num, declared, offset } = m
    findings.push(fail('pdf.changes.object-number-mismatch', { revision, num, declared, offset }))
  }
  findings.push(...pageChangeFindings(c.pages), ...annotationFindings(c.annotations))
  for (const p of c.prevBreaks.slice(0, MAX_REPEATED)) {
    findings.push({ code: 'pdf.changes.prev-chain', status: 'warning', params: { ...p } })
  }
  for (const offset of c.unchained.slice(0, MAX_REPEATED)) {
    findings.push(fail('pdf.changes.unchained-revision', { offset }))
  }
  const real = c.classified.filter((x) => x.kind !== 'structure')
  const disallowed = findings.some((f) => f.status === 'failed')
  const undecided = findings.some((f) => f.status === 'indeterminate')
  if (!disallowed && !undecided) {
    if (real.length === 0) findings.unshift({ code: 'pdf.changes.none', status: 'passed' })
    else {
      const kinds = list(CHANGE_KIND_ORDER.filter((k) => real.some((x) => x.kind === k)))
      findings.unshift({
        code: 'pdf.changes.allowed',
        status: 'passed',
        params: {
          permitted: perm,
          count: real.length,
          kinds,
          objects: list(real.map((x) => x.num)),
        },
      })
    }
  }
  const changedObjects: ChangedObject[] = c.classified.map((x) => ({
    num: x.num,
    kind: x.kind,
    change: x.change,
    revision: x.revision,
    reason: x.reason,
    ...(x.page !== undefined ? { page: x.page + 1 } : {}),
  }))
  const modifications = disallowed ? 'disallowed' : real.length > 0 ? 'allowed' : 'none'
  return { modifications, findings, changedObjects }
}
