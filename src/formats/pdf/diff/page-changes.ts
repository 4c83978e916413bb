/**
 * Names what a change to a signed page does, by the attack it stands for: content streams
 * the page did not draw at signing now drawn (incremental saving, ISA); content drawn at
 * signing changed, emptied or dropped (shadow hide: an overlay taken away, or an xref entry
 * re-pointed to another body); resources the content draws with swapped (shadow replace:
 * other glyphs or pictures for the same content). Such changes are never allowed; this only
 * says which kind each is.
 */
import type { PdfFile, PdfObject } from '../types.js'
import type { Classified } from './classify.js'
import { changedKeys, entriesOf, objectAt, refOf } from './objects.js'
import type { Role, RoleIndex } from './roles.js'
import { pageNumbers } from './signed-content.js'

export type PageChangeKind = 'content-added' | 'content-altered' | 'resources-swapped'

/** One kind of change to one page (0-based; undefined for inherited page-tree attributes). */
export interface PageChange {
  readonly kind: PageChangeKind
  readonly page?: number
  readonly objects: readonly number[]
}

/** The revisions compared: `before` indexed by `ib`, `after` by `ia`. */
export interface PageChangeContext {
  readonly pdf: PdfFile
  readonly before: number
  readonly after: number
  readonly ib: RoleIndex
  readonly ia: RoleIndex
}

/** Most objects followed from one page's resources. */
const MAX_REACH = 100_000
const MAX_ITEMS = 10_000
const MAX_PARENTS = 64

interface Contents {
  readonly streams: Set<number>
  /** Indirect arrays listing the streams. */
  readonly arrays: Set<number>
}

function contentsOf(pdf: PdfFile, page: number | undefined, rev: number): Contents {
  const out: Contents = { streams: new Set(), arrays: new Set() }
  if (page === undefined) return out
  const v = entriesOf(objectAt(pdf, page, rev))?.get('Contents')
  const r = refOf(v)
  const target = pdf.deref(v, rev)
  if (r && target?.kind === 'stream') out.streams.add(r.num)
  if (target?.kind !== 'array') return out
  if (r) out.arrays.add(r.num)
  for (const item of target.items.slice(0, MAX_ITEMS)) {
    const ir = refOf(item)
    if (ir) out.streams.add(ir.num)
  }
  return out
}

/** Objects reachable from the page's resources, its own and inherited (bounded). */
function resourcesOf(pdf: PdfFile, page: number | undefined, rev: number): Set<number> {
  const seen = new Set<number>()
  if (page === undefined) return seen
  const stack: PdfObject[] = []
  let node = entriesOf(objectAt(pdf, page, rev))
  for (let i = 0; node && i < MAX_PARENTS; i++) {
    const res = node.get('Resources')
    if (res) stack.push(res)
    node = entriesOf(pdf.deref(node.get('Parent'), rev))
  }
  while (stack.length > 0 && seen.size < MAX_REACH) {
    const o = stack.pop()!
    if (o.kind === 'ref') {
      if (seen.has(o.ref.num)) continue
      seen.add(o.ref.num)
      const t = pdf.resolve(o.ref, rev)
      if (t) stack.push(t)
    } else if (o.kind === 'array') stack.push(...o.items.slice(0, MAX_ITEMS))
    else if (o.kind === 'dict' || o.kind === 'stream') {
      stack.push(...(o.kind === 'dict' ? o.entries : o.dict).values())
    }
  }
  return seen
}

/** Lazily computed facts about the pages of the two revisions. */
class Pages {
  private readonly nums: [Map<number, number>, Map<number, number>]
  private readonly cache = new Map<string, Contents | Set<number>>()

  constructor(private readonly ctx: PageChangeContext) {
    this.nums = [pageNumbers(ctx.ib), pageNumbers(ctx.ia)]
  }

  private memo<T extends Contents | Set<number>>(key: string, make: () => T): T {
    const known = this.cache.get(key)
    if (known) return known as T
    const v = make()
    this.cache.set(key, v)
    return v
  }

  contents(side: 0 | 1, page: number): Contents {
    const rev = side === 0 ? this.ctx.before : this.ctx.after
    return this.memo(`c${side}:${page}`, () =>
      contentsOf(this.ctx.pdf, this.nums[side].get(page), rev),
    )
  }

  resources(side: 0 | 1, page: number): Set<number> {
    const rev = side === 0 ? this.ctx.before : this.ctx.after
    return this.memo(`r${side}:${page}`, () =>
      resourcesOf(this.ctx.pdf, this.nums[side].get(page), rev),
    )
  }
}

const minus = (a: Set<number>, b: Set<number>) => [...a].filter((x) => !b.has(x))

/** The page changes among `changed` (the classified changes between the two revisions). */
export function pageChanges(ctx: PageChangeContext, changed: readonly Classified[]): PageChange[] {
  const found = new Map<string, { kind: PageChangeKind; page?: number; objects: Set<number> }>()
  const note = (kind: PageChangeKind, page: number | undefined, objects: number[]) => {
    const key = `${kind}:${page ?? '-'}`
    const f = found.get(key) ?? {
      kind,
      ...(page !== undefined ? { page } : {}),
      objects: new Set(),
    }
    for (const o of objects) f.objects.add(o)
    found.set(key, f)
  }
  const pages = new Pages(ctx)
  const listChange = (num: number, page: number) => {
    const b = pages.contents(0, page).streams
    const a = pages.contents(1, page).streams
    const added = minus(a, b)
    const dropped = minus(b, a)
    if (added.length) note('content-added', page, [num, ...added])
    if (dropped.length) note('content-altered', page, [num, ...dropped])
  }
  for (const c of changed) {
    const roles: Role[] = [
      ...(c.change !== 'added' ? (ctx.ib.roles.get(c.num) ?? []) : []),
      ...(c.change !== 'removed' ? (ctx.ia.roles.get(c.num) ?? []) : []),
    ]
    for (const r of roles) {
      if ((r.name === 'page' || r.name === 'page-tree') && c.change === 'changed') {
        const keys = changedKeys(
          ctx.pdf,
          entriesOf(objectAt(ctx.pdf, c.num, ctx.before)),
          entriesOf(objectAt(ctx.pdf, c.num, ctx.after)),
        )
        if (keys.includes('Resources')) note('resources-swapped', r.page, [c.num])
        if (keys.includes('Contents') && r.page !== undefined) listChange(c.num, r.page)
      } else if (r.name === 'page-content') {
        if (r.page === undefined) note('resources-swapped', undefined, [c.num])
        else if (pages.contents(0, r.page).arrays.has(c.num)) listChange(c.num, r.page)
        else if (pages.contents(1, r.page).arrays.has(c.num)) listChange(c.num, r.page)
        else if (pages.contents(0, r.page).streams.has(c.num)) {
          note('content-altered', r.page, [c.num])
        } else if (pages.contents(1, r.page).streams.has(c.num)) {
          note('content-added', r.page, [c.num])
        } else if (pages.resources(0, r.page).has(c.num) || pages.resources(1, r.page).has(c.num)) {
          note('resources-swapped', r.page, [c.num])
        }
      }
    }
  }
  return [...found.values()].map((f) => ({
    kind: f.kind,
    ...(f.page !== undefined ? { page: f.page } : {}),
    objects: [...f.objects].sort((x, y) => x - y),
  }))
}
