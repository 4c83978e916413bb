/**
 * Signature discovery (three ways, merged by object): the AcroForm field tree of every
 * revision (with /Kids and inherited /FT), the catalog's /Perms (/DocMDP, /UR3), and a byte
 * scan for signature dictionaries. Finds; never judges.
 */
import type { PdfFile, PdfObject, PdfRef, PdfSignatureRef } from './types.js'
import { DEFAULT_PDF_LIMITS } from './limits.js'
import { pdfLimit } from './errors.js'
import { decodeTextString } from './text.js'
import { isSigDict, scanSignatures } from './signature-scan.js'
import { PLAIN } from '../../shape.js'

type Method = PdfSignatureRef['foundBy'][number]
type Widget = PdfSignatureRef['widgets'][number]

interface Found {
  sigRef: PdfRef | null
  fieldRef: PdfRef | null
  fieldName: string | null
  widgets: Widget[]
  foundBy: Set<Method>
  firstRevision: number
  scanOffset: number | null
}

const MAX_FIELD_NODES = 50_000

class Collector {
  readonly found = new Map<string, Found>()
  constructor(readonly pdf: PdfFile) {}

  add(key: string, init: Omit<Found, 'foundBy'>, method: Method): Found {
    let f = this.found.get(key)
    if (f === undefined) {
      if (this.found.size >= DEFAULT_PDF_LIMITS.maxSignatures) {
        throw pdfLimit('signatures', 'too many signatures', '签名过多')
      }
      f = { ...PLAIN, ...init, foundBy: new Set() }
      this.found.set(key, f)
    }
    f.foundBy.add(method)
    return f
  }
}

function refKey(ref: PdfRef): string {
  return `s${ref.num} ${ref.gen}`
}

function pageMap(
  pdf: PdfFile,
  rev: number,
  list: { ref: PdfRef; dict: ReadonlyMap<string, PdfObject> }[],
): Map<number, number> {
  const map = new Map<number, number>()
  list.forEach((page, i) => {
    const annots = pdf.deref(page.dict.get('Annots'), rev)
    if (annots?.kind !== 'array') return
    for (const a of annots.items) if (a.kind === 'ref' && !map.has(a.ref.num)) map.set(a.ref.num, i)
  })
  return map
}

function pageIndexOf(list: { ref: PdfRef }[], ref: PdfRef): number | null {
  const i = list.findIndex((pg) => pg.ref.num === ref.num && pg.ref.gen === ref.gen)
  return i >= 0 ? i : null
}

function rectOf(pdf: PdfFile, d: ReadonlyMap<string, PdfObject>, rev: number): number[] | null {
  const r = pdf.deref(d.get('Rect'), rev)
  if (r?.kind !== 'array' || r.items.length !== 4) return null
  const nums = r.items.map((x) => pdf.deref(x, rev))
  return nums.every((x) => x?.kind === 'number')
    ? nums.map((x) => (x as { value: number }).value)
    : null
}

function walkFields(c: Collector, rev: number): void {
  const { pdf } = c
  const form = pdf.deref(pdf.catalog(rev)?.get('AcroForm'), rev)
  const fields = form?.kind === 'dict' ? pdf.deref(form.entries.get('Fields'), rev) : undefined
  if (fields?.kind !== 'array') return
  let pages: Map<number, number> | undefined
  let pageList: { ref: PdfRef; dict: ReadonlyMap<string, PdfObject> }[] | undefined
  const visited = new Set<number>()
  let budget = MAX_FIELD_NODES
  const visit = (ref: PdfRef, ft: string | null, names: string[], depth: number): void => {
    if (depth > 64 || visited.has(ref.num) || --budget < 0) return
    visited.add(ref.num)
    const node = pdf.resolve(ref, rev)
    if (node?.kind !== 'dict') return
    const d = node.entries
    const ownFt = pdf.deref(d.get('FT'), rev)
    const type = ownFt?.kind === 'name' ? ownFt.value : ft
    const t = pdf.deref(d.get('T'), rev)
    const path = t?.kind === 'string' ? [...names, decodeTextString(t.bytes)] : names
    const kids = pdf.deref(d.get('Kids'), rev)
    const widgetRefs: PdfRef[] = []
    let childFields = 0
    if (kids?.kind === 'array') {
      for (const k of kids.items) {
        if (k.kind !== 'ref') continue
        const kd = pdf.resolve(k.ref, rev)
        const st = kd?.kind === 'dict' ? pdf.deref(kd.entries.get('Subtype'), rev) : undefined
        const isWidget =
          kd?.kind === 'dict' &&
          !kd.entries.has('T') &&
          st?.kind === 'name' &&
          st.value === 'Widget'
        if (isWidget) widgetRefs.push(k.ref)
        else {
          childFields++
          visit(k.ref, type, path, depth + 1)
        }
      }
    }
    if (childFields > 0 || type !== 'Sig') return
    const v = d.get('V')
    const vObj = pdf.deref(v, rev)
    if (vObj?.kind !== 'dict') return
    if (d.has('Rect') || d.get('Subtype')) widgetRefs.unshift(ref)
    pageList ??= pdf.pages(rev)
    pages ??= pageMap(pdf, rev, pageList)
    const pm = pages
    const pl = pageList
    const widgets = widgetRefs.map((w) => {
      const wd = pdf.resolve(w, rev)
      const p = wd?.kind === 'dict' ? wd.entries.get('P') : undefined
      const byP = p?.kind === 'ref' ? pageIndexOf(pl, p.ref) : null
      return {
        ref: w,
        pageIndex: pm.get(w.num) ?? byP,
        rect: wd?.kind === 'dict' ? rectOf(pdf, wd.entries, rev) : null,
      }
    })
    const sigRef = v?.kind === 'ref' ? v.ref : null
    const key = sigRef ? refKey(sigRef) : `f${ref.num} ${ref.gen}`
    const init = {
      sigRef,
      fieldRef: ref,
      fieldName: path.length > 0 ? path.join('.') : null,
      widgets,
      firstRevision: rev,
      scanOffset: null,
    }
    const f = c.add(key, init, 'acroform')
    f.fieldRef ??= ref
    f.fieldName ??= init.fieldName
    if (f.widgets.length === 0) f.widgets = widgets
  }
  for (const item of fields.items) if (item.kind === 'ref') visit(item.ref, null, [], 0)
}

function walkPerms(c: Collector, rev: number): void {
  const { pdf } = c
  const perms = pdf.deref(pdf.catalog(rev)?.get('Perms'), rev)
  if (perms?.kind !== 'dict') return
  for (const [name, method] of [
    ['DocMDP', 'perms-docmdp'],
    ['UR3', 'perms-ur3'],
  ] as const) {
    const v = perms.entries.get(name)
    if (v?.kind !== 'ref' || pdf.resolve(v.ref, rev)?.kind !== 'dict') continue
    const init = {
      sigRef: v.ref,
      fieldRef: null,
      fieldName: null,
      widgets: [],
      firstRevision: rev,
      scanOffset: null,
    }
    c.add(refKey(v.ref), init, method)
  }
}

function firstRevisionOf(pdf: PdfFile, f: Found): number {
  for (let r = 0; r < pdf.revisions.length; r++) {
    if (f.sigRef) {
      const o = pdf.resolve(f.sigRef, r)
      if (o?.kind === 'dict' && (isSigDict(o.entries) || r >= f.firstRevision)) return r
    } else if (f.fieldRef) {
      const o = pdf.resolve(f.fieldRef, r)
      const v = o?.kind === 'dict' ? pdf.deref(o.entries.get('V'), r) : undefined
      if (v?.kind === 'dict') return r
    }
  }
  return f.firstRevision
}

/**
 * Finds every signature of `pdf` three ways (AcroForm fields of every revision, /Perms,
 * byte scan) and merges the findings by signature dictionary (or field, for a direct /V).
 * A scan hit on a body no xref entry points to is reported with `sigRef` null (an orphan).
 */
export function findSignatures(pdf: PdfFile): PdfSignatureRef[] {
  const c = new Collector(pdf)
  for (let rev = pdf.revisions.length - 1; rev >= 0; rev--) {
    walkFields(c, rev)
    walkPerms(c, rev)
  }
  for (const hit of scanSignatures(pdf)) {
    let key: string
    if (hit.ref === null) key = `@${hit.body}`
    else if (hit.inField) key = `f${hit.ref.num} ${hit.ref.gen}`
    else key = refKey(hit.ref)
    const init = {
      sigRef: hit.ref !== null && !hit.inField ? hit.ref : null,
      fieldRef: hit.inField ? hit.ref : null,
      fieldName: null,
      widgets: [],
      firstRevision: hit.revision,
      scanOffset: hit.byteRange ? hit.offset : null,
    }
    const f = c.add(key, init, 'scan')
    if (hit.byteRange && (f.scanOffset === null || hit.offset < f.scanOffset)) {
      f.scanOffset = hit.offset
    }
  }
  const out = [...c.found.values()].map((f) => ({
    sigRef: f.sigRef,
    fieldRef: f.fieldRef,
    fieldName: f.fieldName,
    widgets: f.widgets,
    foundBy: [...f.foundBy].sort(),
    firstRevision: f.sigRef || f.fieldRef ? firstRevisionOf(pdf, f) : f.firstRevision,
    scanOffset: f.scanOffset,
  }))
  return out.sort(
    (a, b) =>
      a.firstRevision - b.firstRevision ||
      (a.scanOffset ?? Infinity) - (b.scanOffset ?? Infinity) ||
      (a.sigRef?.num ?? 0) - (b.sigRef?.num ?? 0),
  )
}
