/**
 * Parsing of one indirect object `n g obj … endobj` at a file offset, including the stream
 * data range found by /Length (with a flagged fallback search for `endstream`).
 */
import type { PdfObject, PdfProblem } from './types.js'
import type { ProblemSink } from './problems.js'
import { PdfLexer } from './lexer.js'
import { isBoundary, isWhite } from './chars.js'
import { ascii, type NextIndex } from './bytes.js'
import { searchBytes, withWindow, type PdfByteSource } from './source.js'
import { pdfFormat } from './errors.js'

const ENDSTREAM = ascii('endstream')

/** One parsed indirect object. */
export interface IndirectObject {
  readonly num: number
  readonly gen: number
  readonly obj: PdfObject
  /** Offset just past `endobj` (or past the object when `endobj` is missing). */
  readonly end: number
}

/** Context needed to parse an indirect object. */
export interface IndirectContext {
  readonly bytes: Uint8Array
  readonly maxDepth: number
  readonly problems: ProblemSink
  /** Resolves an indirect /Length to a number, or undefined. */
  readonly lengthOf: (obj: PdfObject) => number | undefined
  /** Shared, memoised search for `endstream` (optional). */
  readonly endstream?: NextIndex
  /** Set when `bytes` is the sparse array of a paged file. */
  readonly source?: PdfByteSource
}

/** Runs `read` with a lexer at `at`, in a window of a paged file grown as needed. */
function windowed<T>(
  ctx: IndirectContext,
  at: number,
  read: (lx: PdfLexer, problems: ProblemSink) => T & { readonly pos: number },
): T & { readonly pos: number } {
  if (ctx.source === undefined)
    return read(new PdfLexer(ctx.bytes, 0, ctx.maxDepth, at), ctx.problems)
  let held: PdfProblem[] = []
  const out = withWindow(ctx.bytes, ctx.source, at, (view) => {
    held = []
    const r = read(new PdfLexer(view, 0, ctx.maxDepth, at), held)
    return { value: r, end: r.pos }
  })
  for (const p of held) ctx.problems.push(p)
  return out
}

interface Head {
  readonly num: number
  readonly gen: number
  readonly obj: PdfObject
  /** True when the object is a stream; `pos` is then where its data starts. */
  readonly stream: boolean
  readonly pos: number
}

function readHead(lx: PdfLexer, offset: number, problems: ProblemSink): Head {
  const num = lx.readUint()
  const gen = num === null ? null : lx.readUint()
  if (num === null || gen === null || !lx.keyword('obj')) {
    throw pdfFormat(
      'bad-object-header',
      `no "n g obj" header at offset ${offset}`,
      `偏移 ${offset} 处没有对象头`,
    )
  }
  const obj = lx.parseObject()
  if (obj.kind === 'dict' && lx.keyword('stream')) {
    const b = lx.buf
    let p = lx.pos
    if (b[p] === 13 && b[p + 1] === 10) p += 2
    else if (b[p] === 10) p += 1
    else if (b[p] === 13) {
      p += 1
      problems.push({
        code: 'format.pdf.stream-eol',
        message: `stream ${num} keyword followed by CR alone / stream 关键字后仅有 CR`,
        offset: p,
      })
    }
    return { num, gen, obj, stream: true, pos: p }
  }
  endobj(lx, num, gen, offset, problems)
  return { num, gen, obj, stream: false, pos: lx.pos }
}

/** Consumes `endobj` or notes its absence (at `at`, or where the lexer stopped). */
function endobj(lx: PdfLexer, num: number, gen: number, at: number | null, problems: ProblemSink) {
  if (!lx.keyword('endobj')) {
    problems.push({
      code: 'format.pdf.missing-endobj',
      message: `object ${num} ${gen} lacks endobj / 对象缺少 endobj`,
      offset: at ?? lx.pos,
    })
  }
}

/** Reads the indirect object whose header starts at `offset` (leading whitespace tolerated). */
export function parseIndirect(ctx: IndirectContext, offset: number): IndirectObject {
  const { bytes } = ctx
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= bytes.length) {
    throw pdfFormat(
      'bad-offset',
      `object offset ${offset} outside the file`,
      `对象偏移 ${offset} 超出文件`,
    )
  }
  const head = windowed(ctx, offset, (lx, problems) => readHead(lx, offset, problems))
  const { num, gen, obj } = head
  if (!head.stream || obj.kind !== 'dict') return { num, gen, obj, end: head.pos }
  const data = streamData(ctx, num, gen, obj.entries, head.pos)
  const tail = windowed(ctx, data.after, (lx, problems) => {
    endobj(lx, num, gen, null, problems)
    return { pos: lx.pos }
  })
  const stream: PdfObject = {
    kind: 'stream',
    dict: obj.entries,
    dataStart: head.pos,
    dataEnd: data.end,
  }
  return { num, gen, obj: stream, end: tail.pos }
}

/** The end of a stream's data and the offset past `endstream`. */
function streamData(
  ctx: IndirectContext,
  num: number,
  gen: number,
  dict: ReadonlyMap<string, PdfObject>,
  dataStart: number,
): { end: number; after: number } {
  const b = ctx.bytes
  const lenObj = dict.get('Length')
  const length = lenObj === undefined ? undefined : ctx.lengthOf(lenObj)
  if (length !== undefined && Number.isSafeInteger(length) && length >= 0) {
    const e = dataStart + length
    if (e <= b.length) {
      ctx.source?.ensure(e, e + 8 + ENDSTREAM.length + 1)
      const after = endstreamNear(b, e)
      if (after >= 0) return { end: e, after }
    }
  }
  const at = ctx.endstream
    ? ctx.endstream.find(dataStart)
    : searchBytes(b, ctx.source, ENDSTREAM, dataStart, b.length)
  if (at < 0) {
    throw pdfFormat(
      'stream-unterminated',
      `stream ${num} ${gen} has no endstream`,
      `流 ${num} ${gen} 没有 endstream`,
    )
  }
  ctx.problems.push({
    code: 'format.pdf.stream-length',
    message: `stream ${num} ${gen}: /Length wrong or unreadable, endstream searched / 流长度错误`,
    offset: dataStart,
  })
  ctx.source?.ensure(Math.max(dataStart, at - 2), at)
  let end = at
  if (end > dataStart && b[end - 1] === 10) end--
  if (end > dataStart && b[end - 1] === 13) end--
  return { end, after: at + ENDSTREAM.length }
}

/** Offset past `endstream` when it follows `e` after at most a few whitespace bytes, or -1. */
function endstreamNear(b: Uint8Array, e: number): number {
  let p = e
  while (p < e + 8 && isWhite(b[p])) p++
  for (let i = 0; i < ENDSTREAM.length; i++) if (b[p + i] !== ENDSTREAM[i]) return -1
  return isBoundary(b[p + ENDSTREAM.length]) ? p + ENDSTREAM.length : -1
}
