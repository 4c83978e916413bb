/**
 * Judges changes to the two arrays a signer or form filler may append to: a page's /Annots
 * and the form's /Fields.
 */
import type { PdfObject } from '../types.js'
import type { ClassifyContext } from './classify.js'
import { sigJudge, worse, type Judged } from './kinds.js'
import { entriesOf, nameOf, samePdfObject } from './objects.js'

const j = (kind: Judged['kind'], reason: string): Judged => ({ kind, reason })

interface Items {
  readonly refs: number[]
  readonly direct: PdfObject[]
  readonly byNum: Map<number, PdfObject>
}

function refNums(o: PdfObject | undefined): Items {
  const out: Items = { refs: [], direct: [], byNum: new Map() }
  if (o?.kind === 'array') {
    for (const item of o.items) {
      if (item.kind === 'ref') {
        out.refs.push(item.ref.num)
        out.byNum.set(item.ref.num, item)
      } else out.direct.push(item)
    }
  }
  return out
}

function sameDirect(ctx: ClassifyContext, a: PdfObject[], b: PdfObject[]): boolean {
  return a.length === b.length && a.every((x, i) => samePdfObject(ctx.pdf, x, b[i]!))
}

function sameOrder(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i])
}

/** Judges a page's /Annots array before (`b`) and after (`a`) the update. */
export function annotsJudge(
  ctx: ClassifyContext,
  b: PdfObject | undefined,
  a: PdfObject | undefined,
): Judged {
  const before = refNums(b)
  const after = refNums(a)
  const had = new Set(before.refs)
  const has = new Set(after.refs)
  let out = j('structure', 'annotations unchanged')
  for (const num of after.refs) {
    if (had.has(num)) continue
    const d = entriesOf(ctx.pdf.deref(after.byNum.get(num), ctx.after))
    if (nameOf(d?.get('Subtype')) !== 'Widget') {
      out = worse(out, j('annotation', 'annotation added to a page'))
      continue
    }
    const field = ctx.ia.fields.get(ctx.ia.widgetField.get(num) ?? -1)
    const was = ctx.ib.fields.get(ctx.ia.widgetField.get(num) ?? -1)
    out = worse(
      out,
      field?.isSig && !was?.signed
        ? sigJudge(field, 'signature widget added to a page')
        : j('other', 'form widget added to a page'),
    )
  }
  for (const num of before.refs) {
    if (has.has(num)) continue
    out = worse(
      out,
      ctx.ib.widgetField.has(num)
        ? j('other', 'widget removed from a page')
        : j('annotation', 'annotation removed from a page'),
    )
  }
  if (!sameDirect(ctx, before.direct, after.direct)) {
    const widget = [...before.direct, ...after.direct].some(
      (o) => nameOf(entriesOf(o)?.get('Subtype')) === 'Widget',
    )
    out = worse(
      out,
      widget ? j('other', 'direct widget changed') : j('annotation', 'direct annotation changed'),
    )
  }
  const kept = after.refs.filter((n) => had.has(n))
  if (
    !sameOrder(
      kept,
      before.refs.filter((n) => has.has(n)),
    )
  ) {
    out = worse(out, j('annotation', 'annotations reordered'))
  }
  return out
}

/** Judges the form's /Fields array before (`b`) and after (`a`) the update. */
export function fieldsJudge(
  ctx: ClassifyContext,
  b: PdfObject | undefined,
  a: PdfObject | undefined,
): Judged {
  const before = refNums(b)
  const after = refNums(a)
  const had = new Set(before.refs)
  const has = new Set(after.refs)
  let out = j('structure', 'fields unchanged')
  for (const num of after.refs) {
    if (had.has(num)) continue
    const field = ctx.ia.fields.get(num)
    out = worse(
      out,
      field?.isSig && !ctx.ib.fields.get(num)?.signed
        ? sigJudge(field, 'signature field added to the form')
        : j('other', 'form field added'),
    )
  }
  if (before.refs.some((n) => !has.has(n))) out = worse(out, j('other', 'form field removed'))
  if (before.direct.length > 0 || after.direct.length > 0) {
    out = worse(out, j('other', 'direct object in the form field list'))
  }
  const kept = after.refs.filter((n) => had.has(n))
  if (!sameOrder(kept, before.refs)) out = worse(out, j('other', 'form fields reordered'))
  return out
}
