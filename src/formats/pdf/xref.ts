/**
 * Cross-reference sections (ISO 32000-1 §7.5.4, §7.5.8): classic tables with trailers and
 * cross-reference streams with /W and /Index.
 */
import type { PdfObject, PdfProblem, XrefEntry } from './types.js'
import type { ProblemSink } from './problems.js'
import { PdfLexer } from './lexer.js'
import { parseIndirect } from './indirect.js'
import { applyFilters, type FilterStep } from './filters.js'
import type { DecodeBudget } from './output.js'
import { pdfFormat, pdfLimit } from './errors.js'
import { withWindow, type PdfByteSource } from './source.js'

/** One xref section as read from the file. */
export interface XrefSection {
  readonly offset: number
  readonly kind: 'table' | 'stream'
  readonly trailer: ReadonlyMap<string, PdfObject>
  readonly entries: Map<number, XrefEntry>
}

/** What reading a section needs. */
export interface XrefContext {
  readonly bytes: Uint8Array
  readonly maxDepth: number
  readonly maxObjects: number
  readonly problems: ProblemSink
  readonly budget: DecodeBudget
  /** Entries read so far across all sections (for the object cap). */
  count: number
  /** Set when `bytes` is the sparse array of a paged file. */
  readonly source?: PdfByteSource
}

/** The three two-byte entry endings ISO 32000 allows: SP CR, SP LF, CR LF. */
function isEntryEnd(a: number | undefined, b: number | undefined): boolean {
  return (a === 32 && (b === 13 || b === 10)) || (a === 13 && b === 10)
}

function digits(b: Uint8Array, p: number, n: number): number {
  let v = 0
  for (let i = 0; i < n; i++) {
    const c = b[p + i]
    if (c === undefined || c < 48 || c > 57) return -1
    v = v * 10 + c - 48
  }
  return v
}

function charge(ctx: XrefContext, n: number): void {
  ctx.count += n
  if (ctx.count > ctx.maxObjects) {
    throw pdfLimit('objects', `more than ${ctx.maxObjects} xref entries`, '交叉引用条目过多')
  }
}

/** Reads the section at `offset`: a table (`xref` keyword) or an xref stream object. */
export function readXrefSection(ctx: XrefContext, offset: number): XrefSection {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= ctx.bytes.length) {
    throw pdfFormat(
      'bad-startxref',
      `xref offset ${offset} outside the file`,
      '交叉引用偏移超出文件',
    )
  }
  const count = ctx.count
  let held: PdfProblem[] = []
  const table = withWindow(
    ctx.bytes,
    ctx.source,
    offset,
    (view) => {
      held = []
      const lx = new PdfLexer(view, 0, ctx.maxDepth, offset)
      if (!lx.keyword('xref')) return { value: null, end: lx.pos }
      const sink = ctx.source === undefined ? ctx.problems : held
      return { value: readTable(ctx, lx, offset, sink), end: lx.pos }
    },
    () => {
      ctx.count = count
    },
  )
  for (const p of held) ctx.problems.push(p)
  return table ?? readXrefStream(ctx, offset)
}

function readTable(
  ctx: XrefContext,
  lx: PdfLexer,
  offset: number,
  problems: ProblemSink,
): XrefSection {
  const b = lx.buf
  const entries = new Map<number, XrefEntry>()
  let flagged = false
  for (;;) {
    const save = lx.pos
    const first = lx.readUint()
    if (first === null) break
    const count = lx.readUint()
    if (count === null) {
      lx.pos = save
      break
    }
    charge(ctx, count)
    if (first + count > ctx.maxObjects) {
      throw pdfLimit('objects', `object number beyond ${ctx.maxObjects}`, '对象编号过大')
    }
    lx.skipWs()
    for (let i = 0; i < count; i++) {
      const p = lx.pos
      const off = digits(b, p, 10)
      const gen = digits(b, p + 11, 5)
      const t = b[p + 17]
      const strict =
        off >= 0 &&
        gen >= 0 &&
        b[p + 10] === 32 &&
        b[p + 16] === 32 &&
        (t === 110 || t === 102) &&
        isEntryEnd(b[p + 18], b[p + 19])
      let entry: { off: number; gen: number; t: number }
      if (strict) {
        entry = { off, gen, t: t! }
        lx.pos = p + 20
      } else {
        const o = lx.readUint()
        const g = o === null ? null : lx.readUint()
        const inUse = g === null ? false : lx.keyword('n')
        if (o === null || g === null || (!inUse && !lx.keyword('f'))) {
          throw pdfFormat(
            'bad-xref-entry',
            `malformed xref entry at ${p}`,
            `交叉引用条目格式错误（${p}）`,
          )
        }
        entry = { off: o, gen: g, t: inUse ? 110 : 102 }
        if (!flagged) {
          flagged = true
          problems.push({
            code: 'format.pdf.xref-entry-width',
            message: 'xref entries are not 20 bytes each / 交叉引用条目不是 20 字节',
            offset: p,
          })
        }
      }
      lx.skipWs()
      const n = first + i
      if (entries.has(n)) continue
      entries.set(
        n,
        entry.t === 110
          ? { type: 'offset', offset: entry.off, gen: entry.gen }
          : { type: 'free', nextGen: entry.gen },
      )
    }
  }
  if (!lx.keyword('trailer')) {
    throw pdfFormat(
      'no-trailer',
      `xref table at ${offset} has no trailer`,
      '交叉引用表缺少 trailer',
    )
  }
  lx.skipWs()
  if (b[lx.pos] !== 60 || b[lx.pos + 1] !== 60) {
    throw pdfFormat('no-trailer', `trailer at ${offset} is not a dictionary`, 'trailer 不是字典')
  }
  const trailer = lx.readDictEntries(0)
  return { offset, kind: 'table', trailer, entries }
}

function intOf(obj: PdfObject | undefined): number | undefined {
  return obj?.kind === 'number' && Number.isSafeInteger(obj.value) ? obj.value : undefined
}

/** The filter chain of a stream dictionary, with direct parameters only. */
export function directFilters(dict: ReadonlyMap<string, PdfObject>): FilterStep[] {
  const f = dict.get('Filter')
  const p = dict.get('DecodeParms')
  const names = f?.kind === 'name' ? [f] : f?.kind === 'array' ? f.items : []
  const parms = p?.kind === 'array' ? p.items : p ? [p] : []
  return names.map((n, i) => {
    if (n.kind !== 'name') throw pdfFormat('filter', 'filter is not a name', '过滤器不是名称')
    const q = parms[i]
    return { name: n.value, parms: q?.kind === 'dict' ? q.entries : undefined }
  })
}

function readXrefStream(ctx: XrefContext, offset: number): XrefSection {
  const ind = parseIndirect(
    {
      bytes: ctx.bytes,
      maxDepth: ctx.maxDepth,
      problems: ctx.problems,
      lengthOf: intOf,
      ...(ctx.source ? { source: ctx.source } : {}),
    },
    offset,
  )
  const o = ind.obj
  const type = o.kind === 'stream' ? o.dict.get('Type') : undefined
  if (o.kind !== 'stream' || type?.kind !== 'name' || type.value !== 'XRef') {
    throw pdfFormat(
      'bad-xref',
      `no xref table or stream at ${offset}`,
      `偏移 ${offset} 处没有交叉引用`,
    )
  }
  const dict = o.dict
  const w = dict.get('W')
  const widths = w?.kind === 'array' ? w.items.map(intOf) : []
  if (widths.length !== 3 || widths.some((x) => x === undefined || x < 0 || x > 8)) {
    throw pdfFormat('bad-xref', 'xref stream /W is malformed', '交叉引用流 /W 格式错误')
  }
  const [w0, w1, w2] = widths as [number, number, number]
  const rowLen = w0 + w1 + w2
  const size = intOf(dict.get('Size'))
  if (size === undefined || size < 0 || rowLen === 0) {
    throw pdfFormat('bad-xref', 'xref stream /Size or /W is invalid', '交叉引用流 /Size 无效')
  }
  const idx = dict.get('Index')
  const index = idx?.kind === 'array' ? idx.items.map(intOf) : [0, size]
  if (index.length % 2 !== 0 || index.some((x) => x === undefined || x < 0)) {
    throw pdfFormat('bad-xref', 'xref stream /Index is malformed', '交叉引用流 /Index 格式错误')
  }
  ctx.source?.ensure(o.dataStart, o.dataEnd)
  const raw = ctx.bytes.subarray(o.dataStart, o.dataEnd)
  const data = applyFilters(raw, directFilters(dict), ctx.budget).data
  const entries = new Map<number, XrefEntry>()
  let row = 0
  const field = (p: number, n: number, def: number): number => {
    if (n === 0) return def
    let v = 0
    for (let k = 0; k < n; k++) v = v * 256 + data[p + k]!
    return v
  }
  for (let s = 0; s < index.length; s += 2) {
    const first = index[s]!
    const count = index[s + 1]!
    charge(ctx, count)
    if (first + count > ctx.maxObjects) {
      throw pdfLimit('objects', `object number beyond ${ctx.maxObjects}`, '对象编号过大')
    }
    for (let i = 0; i < count; i++, row++) {
      const p = row * rowLen
      if (p + rowLen > data.length) {
        ctx.problems.push({
          code: 'format.pdf.xref-stream-short',
          message: 'xref stream data shorter than /Index declares / 交叉引用流数据不足',
          offset,
        })
        return { offset, kind: 'stream', trailer: dict, entries }
      }
      const t = field(p, w0, 1)
      const a = field(p + w0, w1, 0)
      const c = field(p + w0 + w1, w2, 0)
      const n = first + i
      if (entries.has(n)) continue
      if (t === 0) entries.set(n, { type: 'free', nextGen: c })
      else if (t === 1) entries.set(n, { type: 'offset', offset: a, gen: c })
      else if (t === 2) entries.set(n, { type: 'compressed', stream: a, index: c })
    }
  }
  return { offset, kind: 'stream', trailer: dict, entries }
}
