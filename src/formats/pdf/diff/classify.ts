/**
 * Classifies one changed object by the roles it plays in the two revisions compared:
 * LTA updates < new signatures < form filling < annotations < other.
 */
import type { PdfFile, PdfObject } from '../types.js'
import type { RawChange } from './changes.js'
import { sigJudge, worse, type Judged } from './kinds.js'
import { changedKeys, entriesOf, nameOf } from './objects.js'
import { annotsJudge, fieldsJudge } from './arrays.js'
import type { FieldInfo, Role, RoleIndex } from './roles.js'

/** What the classifier needs about the two revisions. */
export interface ClassifyContext {
  readonly pdf: PdfFile
  readonly before: number
  readonly after: number
  readonly ib: RoleIndex
  readonly ia: RoleIndex
  readonly isLocked: (fieldName: string) => boolean
}

/** A changed object with its class and what else it revealed. */
export interface Classified extends Judged {
  readonly num: number
  readonly change: RawChange['change']
  readonly repointed: boolean
  /** 0-based page index. */
  readonly page?: number
  readonly lockedField?: string
  readonly sigRedefined?: boolean
}

/** Notes a judgement leaves beside the class. */
export interface Notes {
  lockedField?: string
  sigRedefined?: boolean
}

const j = (kind: Judged['kind'], reason: string): Judged => ({ kind, reason })

/** Classifies `ch`; the most severe role wins. */
export function classifyChange(ctx: ClassifyContext, ch: RawChange): Classified {
  const roles: Role[] = []
  if (ch.change !== 'added') roles.push(...(ctx.ib.roles.get(ch.num) ?? []))
  if (ch.change !== 'removed') roles.push(...(ctx.ia.roles.get(ch.num) ?? []))
  const notes: Notes = {}
  let judged: Judged
  if (roles.length === 0) {
    const type = nameOf(entriesOf(ch.after ?? ch.before)?.get('Type'))
    judged =
      type === 'XRef' || type === 'ObjStm'
        ? j('structure', 'cross-reference or object stream')
        : j('structure', 'object not used by the document')
  } else {
    judged = roles.map((r) => judgeRole(ctx, ch, r, notes)).reduce(worse)
  }
  const page = roles.find((r) => r.page !== undefined)?.page
  return {
    num: ch.num,
    change: ch.change,
    repointed: ch.repointed,
    ...judged,
    ...(page !== undefined ? { page } : {}),
    ...(notes.lockedField !== undefined ? { lockedField: notes.lockedField } : {}),
    ...(notes.sigRedefined ? { sigRedefined: true } : {}),
  }
}

function deref(ctx: ClassifyContext, o: PdfObject | undefined, rev: number) {
  return ctx.pdf.deref(o, rev)
}

function judgeRole(ctx: ClassifyContext, ch: RawChange, role: Role, notes: Notes): Judged {
  switch (role.name) {
    case 'info':
      return j('lta', 'document information dictionary')
    case 'lta':
      return j('lta', 'document security store')
    case 'form-resource':
      return j('form-fill', 'form default resources')
    case 'page-tree':
      return j('other', 'page tree')
    case 'page-content':
      return j('other', 'page content or resources')
    case 'document':
      return j('other', 'document-level object')
    case 'field-part':
      return j('other', 'form field entry')
    case 'annotation':
      return j('annotation', `annotation ${ch.change}`)
    case 'annotation-part':
      return isWidget(ctx, role.owner)
        ? j('other', 'widget entry')
        : j('annotation', 'annotation part')
    case 'field-value':
      lockCheck(ctx, fieldOf(ctx, role.owner), notes)
      return j('form-fill', 'form field value')
    case 'sig-dict':
      return sigDictJudge(ch, notes)
    case 'catalog':
      return catalogJudge(ctx)
    case 'acroform':
      return acroFormJudge(ctx)
    case 'fields':
      return fieldsJudge(ctx, ch.before, ch.after)
    case 'page':
      return pageJudge(ctx, ch)
    case 'annots':
      return annotsJudge(ctx, ch.before, ch.after)
    case 'field':
    case 'widget':
      return formObjectJudge(ctx, ch, role, notes)
    case 'appearance':
      return appearanceJudge(ctx, ch, role.owner, notes)
  }
}

function isWidget(ctx: ClassifyContext, num: number | undefined): boolean {
  return num !== undefined && (ctx.ia.widgetField.has(num) || ctx.ib.widgetField.has(num))
}

function fieldNum(ctx: ClassifyContext, owner: number | undefined): number | undefined {
  if (owner === undefined) return undefined
  return ctx.ia.widgetField.get(owner) ?? ctx.ib.widgetField.get(owner) ?? owner
}

function fieldOf(ctx: ClassifyContext, owner: number | undefined) {
  const n = fieldNum(ctx, owner)
  if (n === undefined) return { a: undefined, b: undefined }
  return { a: ctx.ia.fields.get(n), b: ctx.ib.fields.get(n) }
}

function lockCheck(
  ctx: ClassifyContext,
  f: { a: FieldInfo | undefined; b: FieldInfo | undefined },
  notes: Notes,
): void {
  const field = f.b ?? f.a
  if (field && !field.isSig && ctx.isLocked(field.name)) notes.lockedField = field.name
}

function sigDictJudge(ch: RawChange, notes: Notes): Judged {
  if (ch.change !== 'added') {
    notes.sigRedefined = true
    return j('other', `signature dictionary ${ch.change}`)
  }
  const d = entriesOf(ch.after)
  const ts =
    nameOf(d?.get('Type')) === 'DocTimeStamp' || nameOf(d?.get('SubFilter')) === 'ETSI.RFC3161'
  return ts ? j('lta', 'document time-stamp dictionary') : j('signature', 'signature dictionary')
}

function catalogJudge(ctx: ClassifyContext): Judged {
  const b = ctx.pdf.catalog(ctx.before)
  const a = ctx.pdf.catalog(ctx.after)
  let out = j('structure', 'catalog unchanged')
  for (const key of changedKeys(ctx.pdf, b, a)) {
    if (key === 'DSS' || key === 'Extensions' || key === 'Metadata') {
      out = worse(out, j('lta', `catalog /${key}`))
    } else if (key === 'AcroForm') out = worse(out, acroFormJudge(ctx))
    else out = worse(out, j('other', `catalog entry /${key} changed`))
  }
  return out
}

function acroForm(ctx: ClassifyContext, rev: number) {
  return entriesOf(deref(ctx, ctx.pdf.catalog(rev)?.get('AcroForm'), rev))
}

function acroFormEntry(ctx: ClassifyContext, key: string, rev: number) {
  return deref(ctx, acroForm(ctx, rev)?.get(key), rev)
}

function acroFormJudge(ctx: ClassifyContext): Judged {
  const b = acroForm(ctx, ctx.before)
  const a = acroForm(ctx, ctx.after)
  let out = j('structure', 'form dictionary unchanged')
  for (const key of changedKeys(ctx.pdf, b, a)) {
    if (key === 'Fields') {
      const fb = acroFormEntry(ctx, 'Fields', ctx.before)
      out = worse(out, fieldsJudge(ctx, fb, acroFormEntry(ctx, 'Fields', ctx.after)))
    } else if (key === 'NeedAppearances' || key === 'DR' || key === 'DA') {
      out = worse(out, j('form-fill', `form /${key}`))
    } else if (key === 'SigFlags') out = worse(out, j('signature', 'form /SigFlags'))
    else out = worse(out, j('other', `form entry /${key} changed`))
  }
  return out
}

function pageJudge(ctx: ClassifyContext, ch: RawChange): Judged {
  if (ch.change !== 'changed') return j('other', `page ${ch.change}`)
  let out = j('structure', 'page unchanged')
  for (const key of changedKeys(ctx.pdf, entriesOf(ch.before), entriesOf(ch.after))) {
    if (key === 'Annots') {
      const b = deref(ctx, entriesOf(ch.before)?.get('Annots'), ctx.before)
      const a = deref(ctx, entriesOf(ch.after)?.get('Annots'), ctx.after)
      out = worse(out, annotsJudge(ctx, b, a))
    } else out = worse(out, j('other', `page entry /${key} changed`))
  }
  return out
}

function formObjectJudge(ctx: ClassifyContext, ch: RawChange, role: Role, notes: Notes): Judged {
  const f = fieldOf(ctx, ch.num)
  const field = f.a ?? f.b
  if (ch.change === 'added') {
    return field?.isSig
      ? sigJudge(f.a, 'new signature field or widget')
      : j('other', 'new form field or widget')
  }
  if (ch.change === 'removed') return j('other', `form ${role.name} removed`)
  let out = j('structure', 'form object unchanged')
  for (const key of changedKeys(ctx.pdf, entriesOf(ch.before), entriesOf(ch.after))) {
    const visual = key === 'V' || key === 'AP' || key === 'AS' || key === 'MK'
    if (!visual) out = worse(out, j('other', `form ${role.name} entry /${key} changed`))
    else if (field?.isSig && f.b?.signed) {
      if (key === 'V') notes.sigRedefined = true
      out = worse(out, j('other', `signed signature field /${key} changed`))
    } else if (field?.isSig) out = worse(out, sigJudge(f.a, 'signature field signed'))
    else {
      if (key !== 'MK') lockCheck(ctx, f, notes)
      out = worse(out, j('form-fill', `form field /${key}`))
    }
  }
  return out
}

function appearanceJudge(
  ctx: ClassifyContext,
  ch: RawChange,
  owner: number | undefined,
  notes: Notes,
) {
  if (owner === undefined) return j('other', 'appearance without owner')
  if (!isWidget(ctx, owner)) return j('annotation', 'annotation appearance')
  const f = fieldOf(ctx, owner)
  const field = f.a ?? f.b
  if (!field) return j('other', 'appearance of a widget outside the form')
  if (field.isSig) {
    if (f.b?.signed && ch.change !== 'added') return j('other', 'appearance of a signed signature')
    return sigJudge(f.a, 'signature appearance')
  }
  lockCheck(ctx, f, notes)
  return j('form-fill', 'form field appearance')
}
