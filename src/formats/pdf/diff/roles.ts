/**
 * The role of every object in one revision: which part of the document uses it (catalog,
 * page tree, page content, annotation, form field, signature, DSS, …). Built by walking
 * the document from the trailer, bounded in depth and in work.
 */
import { pdfLimit } from '../errors.js'
import type { PdfFile, PdfObject } from '../types.js'
import { entriesOf, nameOf, numbersOf, refOf, textOf } from './objects.js'
import { reachAll, type Reach } from './reach.js'

export type RoleName =
  | 'catalog'
  | 'info'
  | 'lta'
  | 'page-tree'
  | 'page'
  | 'annots'
  | 'page-content'
  | 'annotation'
  | 'annotation-part'
  | 'widget'
  | 'appearance'
  | 'acroform'
  | 'fields'
  | 'field'
  | 'field-part'
  | 'field-value'
  | 'form-resource'
  | 'sig-dict'
  | 'document'

/** One use of an object. `page` is 0-based; `owner` is the annotation or field concerned. */
export interface Role {
  readonly name: RoleName
  readonly page?: number
  readonly owner?: number
}

/** A terminal or non-terminal form field as one revision sees it. */
export interface FieldInfo {
  readonly name: string
  readonly isSig: boolean
  readonly signed: boolean
  readonly docTimeStamp: boolean
}

/** Everything known about the roles of one revision's objects. */
export interface RoleIndex {
  readonly roles: Map<number, Role[]>
  readonly fields: Map<number, FieldInfo>
  /** Widget annotation number → the field it belongs to (itself when merged). */
  readonly widgetField: Map<number, number>
  /** Page boxes (MediaBox, CropBox when present) by 0-based page index. */
  readonly pageBoxes: Map<number, number[]>
}

/** Keys of a field dictionary (the rest of a merged field/widget belongs to the widget). */
const FIELD_KEYS = new Set([
  'FT',
  'T',
  'TU',
  'TM',
  'Ff',
  'V',
  'DV',
  'AA',
  'DA',
  'Q',
  'DS',
  'RV',
  'Opt',
  'TI',
  'I',
  'MaxLen',
  'Lock',
  'SV',
  'DR',
  'Kids',
  'Parent',
])

/** Most role assignments in one revision. */
export const MAX_ROLE_WORK = 2_000_000
const MAX_TREE_DEPTH = 64
const MAX_PAGES = 100_000

/** Builds the role index of revision `rev`. Throws a `limit.pdf.*` error on excess. */
export function indexRoles(pdf: PdfFile, rev: number): RoleIndex {
  const idx: RoleIndex = {
    roles: new Map(),
    fields: new Map(),
    widgetField: new Map(),
    pageBoxes: new Map(),
  }
  const structural = new Set<number>()
  const reaches: Reach[] = []
  let work = 0
  const mark = (num: number, role: Role): boolean => {
    if (++work > MAX_ROLE_WORK) {
      throw pdfLimit('diff-work', 'Too many objects to analyse', '需分析的对象过多')
    }
    const list = idx.roles.get(num)
    if (list?.some((r) => r.name === role.name && r.owner === role.owner)) return false
    if (list) list.push(role)
    else idx.roles.set(num, [role])
    return true
  }
  const get = (o: PdfObject | undefined) => pdf.deref(o, rev)
  const node = (
    o: PdfObject | undefined,
    role: Role,
  ): ReadonlyMap<string, PdfObject> | undefined => {
    const r = refOf(o)
    if (r) {
      structural.add(r.num)
      if (!mark(r.num, role)) return undefined
    }
    return entriesOf(get(o))
  }
  const rev0 = pdf.revisions[rev]
  if (!rev0) return idx
  for (const [key, value] of rev0.trailer) {
    if (key === 'Root' || key === 'Prev' || key === 'XRefStm' || key === 'Size') continue
    reaches.push({ from: value, role: { name: key === 'Info' ? 'info' : 'document' } })
  }
  const catalog = node(rev0.trailer.get('Root'), { name: 'catalog' })
  if (catalog) {
    const pages = catalog.get('Pages')
    if (pages) walkPages(pages)
    for (const [key, value] of catalog) {
      if (key === 'Pages') continue
      else if (key === 'AcroForm') walkAcroForm(value)
      else if (key === 'DSS') reaches.push({ from: value, role: { name: 'lta' } })
      // XMP metadata, like /Info, is rewritten by writers on every save; readers of licence
      // metadata take it from the signed revision, so a later update cannot change what counts.
      else if (key === 'Metadata') reaches.push({ from: value, role: { name: 'info' } })
      else if (key === 'Perms') walkPerms(value)
      else reaches.push({ from: value, role: { name: 'document' } })
    }
  }
  reachAll(pdf, rev, reaches, structural, mark)
  return idx

  function walkPages(root: PdfObject): void {
    let pageIndex = 0
    const stack: { o: PdfObject; depth: number; box?: number[] }[] = [{ o: root, depth: 0 }]
    const seen = new Set<number>()
    while (stack.length > 0) {
      const { o, depth, box } = stack.pop()!
      const r = refOf(o)
      if (!r || seen.has(r.num) || depth > MAX_TREE_DEPTH) continue
      seen.add(r.num)
      const d = entriesOf(get(o))
      if (!d) continue
      const ownBox = numbersOf(get(d.get('CropBox'))) ?? numbersOf(get(d.get('MediaBox'))) ?? box
      const kids = get(d.get('Kids'))
      const isPage =
        nameOf(d.get('Type')) === 'Page' || (!kids && nameOf(d.get('Type')) !== 'Pages')
      if (isPage) {
        if (pageIndex >= MAX_PAGES) throw pdfLimit('pages', 'Too many pages', '页数过多')
        walkPage(r.num, d, pageIndex, ownBox)
        pageIndex++
        continue
      }
      structural.add(r.num)
      mark(r.num, { name: 'page-tree' })
      for (const [key, value] of d) {
        if (key !== 'Kids' && key !== 'Parent')
          reaches.push({ from: value, role: { name: 'page-content' } })
      }
      if (kids?.kind === 'array') {
        if (refOf(d.get('Kids'))) mark(refOf(d.get('Kids'))!.num, { name: 'page-tree' })
        for (let i = kids.items.length - 1; i >= 0; i--) {
          stack.push({ o: kids.items[i]!, depth: depth + 1, ...(ownBox ? { box: ownBox } : {}) })
        }
      }
    }
  }

  function walkPage(num: number, d: ReadonlyMap<string, PdfObject>, page: number, box?: number[]) {
    structural.add(num)
    mark(num, { name: 'page', page })
    if (box) idx.pageBoxes.set(page, box)
    for (const [key, value] of d) {
      if (key === 'Parent') continue
      if (key !== 'Annots') {
        reaches.push({ from: value, role: { name: 'page-content', page } })
        continue
      }
      const ar = refOf(value)
      if (ar) mark(ar.num, { name: 'annots', page })
      const arr = get(value)
      if (arr?.kind !== 'array') continue
      for (const item of arr.items) walkAnnotation(item, page)
    }
  }

  function walkAnnotation(item: PdfObject, page: number): void {
    const d = entriesOf(get(item))
    const r = refOf(item)
    if (!d) return
    const widget = nameOf(d.get('Subtype')) === 'Widget'
    if (r) {
      structural.add(r.num)
      if (!mark(r.num, { name: widget ? 'widget' : 'annotation', page, owner: r.num })) return
    }
    if (r) reachAnnotationKeys(r.num, d, widget, page)
    const popup = d.get('Popup')
    if (popup) walkAnnotation(popup, page)
  }

  function reachAnnotationKeys(
    owner: number,
    d: ReadonlyMap<string, PdfObject>,
    widget: boolean,
    page: number | undefined,
  ): void {
    const at = page === undefined ? {} : { page }
    for (const [key, value] of d) {
      if (key === 'P' || key === 'Parent' || key === 'Popup' || key === 'IRT') continue
      if (widget && FIELD_KEYS.has(key)) continue
      const name: RoleName = key === 'AP' || key === 'MK' ? 'appearance' : 'annotation-part'
      reaches.push({ from: value, role: { name, owner, ...at } })
    }
  }

  function walkAcroForm(value: PdfObject): void {
    const d = node(value, { name: 'acroform' })
    if (!d) return
    for (const [key, v] of d) {
      if (key === 'Fields') {
        const fr = refOf(v)
        if (fr) mark(fr.num, { name: 'fields' })
        const arr = get(v)
        if (arr?.kind === 'array') for (const f of arr.items) walkField(f, '', undefined, 0)
      } else if (key === 'DR' || key === 'DA' || key === 'NeedAppearances') {
        reaches.push({ from: v, role: { name: 'form-resource' } })
      } else reaches.push({ from: v, role: { name: 'document' } })
    }
  }

  function walkField(o: PdfObject, prefix: string, ft: string | undefined, depth: number) {
    const r = refOf(o)
    if (!r || depth > MAX_TREE_DEPTH) return
    const d = entriesOf(get(o))
    if (!d || idx.fields.has(r.num)) return
    structural.add(r.num)
    const t = textOf(get(d.get('T')))
    const name = t === undefined ? prefix : prefix ? `${prefix}.${t}` : t
    const type = nameOf(get(d.get('FT'))) ?? ft
    const v = get(d.get('V'))
    const vd = entriesOf(v)
    const isSig = type === 'Sig'
    const docTimeStamp =
      isSig &&
      (nameOf(vd?.get('Type')) === 'DocTimeStamp' ||
        nameOf(vd?.get('SubFilter')) === 'ETSI.RFC3161')
    idx.fields.set(r.num, { name, isSig, signed: !!v && v.kind !== 'null', docTimeStamp })
    mark(r.num, { name: 'field', owner: r.num })
    const merged = nameOf(d.get('Subtype')) === 'Widget'
    if (merged) {
      idx.widgetField.set(r.num, r.num)
      if (mark(r.num, { name: 'widget', owner: r.num }))
        reachAnnotationKeys(r.num, d, true, undefined)
    }
    for (const [key, value] of d) {
      if (key === 'Parent' || key === 'P' || key === 'Kids') continue
      if (merged && !FIELD_KEYS.has(key)) continue
      let role: RoleName = 'field-part'
      if (key === 'V') role = isSig ? 'sig-dict' : 'field-value'
      else if (key === 'AP') role = 'appearance'
      else if (key === 'DR' || key === 'DA') role = 'form-resource'
      if (role === 'sig-dict') sigDict(value, r.num)
      else reaches.push({ from: value, role: { name: role, owner: r.num } })
    }
    const kids = get(d.get('Kids'))
    if (kids?.kind !== 'array') return
    for (const kid of kids.items) {
      const kr = refOf(kid)
      const kd = entriesOf(get(kid))
      if (!kr || !kd) continue
      if (kd.has('T') || nameOf(kd.get('Subtype')) !== 'Widget')
        walkField(kid, name, type, depth + 1)
      else {
        idx.widgetField.set(kr.num, r.num)
        structural.add(kr.num)
        if (mark(kr.num, { name: 'widget', owner: kr.num })) {
          reachAnnotationKeys(kr.num, kd, true, undefined)
        }
      }
    }
  }

  function walkPerms(value: PdfObject): void {
    const d = node(value, { name: 'document' })
    if (!d) return
    for (const v of d.values()) sigDict(v, undefined)
  }

  /** Marks a signature dictionary (structural: other walks stop there) and its contents. */
  function sigDict(value: PdfObject, owner: number | undefined): void {
    const role: Role = { name: 'sig-dict', ...(owner !== undefined ? { owner } : {}) }
    const d = node(value, role)
    if (d) for (const v of d.values()) reaches.push({ from: v, role })
  }
}
