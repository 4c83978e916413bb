/**
 * Parsing of one indirect object `n g obj … endobj` at a file offset, including the stream
 * data range found by /Length (with a flagged fallback search for `endstream`).
 */
import type { PdfObject } from './types.js'
import type { ProblemSink } from './problems.js'
import { PdfLexer } from './lexer.js'
import { isBoundary, isWhite } from './chars.js'
import { ascii, indexOfBytes, type NextIndex } from './bytes.js'
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
  const lx = new PdfLexer(bytes, 0, ctx.maxDepth, offset)
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
    return readStream(ctx, lx, num, gen, obj.entries)
  }
  if (!lx.keyword('endobj')) {
    ctx.problems.push({
      code: 'format.pdf.missing-endobj',
      message: `object ${num} ${gen} lacks endobj / 对象缺少 endobj`,
      offset,
    })
  }
  return { num, gen, obj, end: lx.pos }
}

function readStream(
  ctx: IndirectContext,
  lx: PdfLexer,
  num: number,
  gen: number,
  dict: ReadonlyMap<string, PdfObject>,
): IndirectObject {
  const b = ctx.bytes
  let p = lx.pos
  if (b[p] === 13 && b[p + 1] === 10) p += 2
  else if (b[p] === 10) p += 1
  else if (b[p] === 13) {
    p += 1
    ctx.problems.push({
      code: 'format.pdf.stream-eol',
      message: `stream ${num} keyword followed by CR alone / stream 关键字后仅有 CR`,
      offset: p,
    })
  }
  const dataStart = p
  const lenObj = dict.get('Length')
  const length = lenObj === undefined ? undefined : ctx.lengthOf(lenObj)
  let dataEnd = -1
  if (length !== undefined && Number.isSafeInteger(length) && length >= 0) {
    const e = dataStart + length
    if (e <= b.length) {
      const after = endstreamNear(b, e)
      if (after >= 0) {
        dataEnd = e
        lx.pos = after
      }
    }
  }
  if (dataEnd < 0) {
    const at = ctx.endstream ? ctx.endstream.find(dataStart) : indexOfBytes(b, ENDSTREAM, dataStart)
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
    dataEnd = at
    if (dataEnd > dataStart && b[dataEnd - 1] === 10) dataEnd--
    if (dataEnd > dataStart && b[dataEnd - 1] === 13) dataEnd--
    lx.pos = at + ENDSTREAM.length
  }
  if (!lx.keyword('endobj')) {
    ctx.problems.push({
      code: 'format.pdf.missing-endobj',
      message: `object ${num} ${gen} lacks endobj / 对象缺少 endobj`,
      offset: lx.pos,
    })
  }
  return { num, gen, obj: { kind: 'stream', dict, dataStart, dataEnd }, end: lx.pos }
}

/** Offset past `endstream` when it follows `e` after at most a few whitespace bytes, or -1. */
function endstreamNear(b: Uint8Array, e: number): number {
  let p = e
  while (p < e + 8 && isWhite(b[p])) p++
  for (let i = 0; i < ENDSTREAM.length; i++) if (b[p + i] !== ENDSTREAM[i]) return -1
  return isBoundary(b[p + ENDSTREAM.length]) ? p + ENDSTREAM.length : -1
}
