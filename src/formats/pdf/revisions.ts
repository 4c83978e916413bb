/**
 * Finding the revisions of a file: the `startxref … %%EOF` statements, the chain of xref
 * sections from the last readable one through /Prev (and /XRefStm for hybrid files).
 */
import type { PdfObject, PdfRevision, XrefEntry } from './types.js'
import type { Statement } from './markers.js'
import { firstNonWhite } from './source.js'
import { readXrefSection, type XrefContext, type XrefSection } from './xref.js'
import { YrdError } from '../../errors.js'
import { pdfFormat, pdfLimit } from './errors.js'

interface Group {
  sections: XrefSection[]
  kind: 'table' | 'stream' | 'hybrid'
}

function readChainSection(ctx: XrefContext, offset: number): { sec: XrefSection; hybrid: boolean } {
  const sec = readXrefSection(ctx, offset)
  const stm = sec.trailer.get('XRefStm')
  if (sec.kind !== 'table' || stm?.kind !== 'number') return { sec, hybrid: false }
  const extra = readXrefSection(ctx, stm.value)
  if (extra.kind !== 'stream') {
    throw pdfFormat('bad-xrefstm', '/XRefStm does not point to an xref stream', '/XRefStm 无效')
  }
  for (const [n, e] of extra.entries) {
    const mine = sec.entries.get(n)
    if (mine === undefined || mine.type === 'free') sec.entries.set(n, e)
  }
  return { sec, hybrid: true }
}

function prevOf(trailer: ReadonlyMap<string, PdfObject>): number | undefined {
  const p = trailer.get('Prev')
  return p?.kind === 'number' && Number.isSafeInteger(p.value) ? p.value : undefined
}

/**
 * Reads the revisions, oldest first, from the file's `startxref … %%EOF` statements (file
 * order, see `markers.ts`). Throws a FormatError only when no xref section at all can be read.
 */
export function readRevisions(
  ctx: XrefContext,
  stmts: readonly Statement[],
  maxRevisions: number,
  linearized: boolean,
): PdfRevision[] {
  const { problems } = ctx
  let lastError: unknown
  for (let s = stmts.length - 1; s >= 0; s--) {
    const stmt = stmts[s]!
    try {
      const groups = walkChain(ctx, stmt.xref, maxRevisions, linearized)
      return finish(ctx, groups, stmts, s, linearized)
    } catch (error) {
      if (!(error instanceof YrdError) || error.code.startsWith('limit.')) throw error
      lastError = error
      problems.push({
        code: 'format.pdf.unreadable-xref',
        message: `the xref at ${stmt.xref} cannot be read (${error.code}) / 无法读取交叉引用`,
        offset: stmt.at,
      })
    }
  }
  if (lastError instanceof Error) throw lastError
  throw pdfFormat(
    'no-startxref',
    'no startxref … %%EOF in the file: it looks truncated (not a readable PDF)',
    '文件中没有 startxref … %%EOF：文件似乎被截断（无法作为 PDF 读取）',
  )
}

function walkChain(
  ctx: XrefContext,
  start: number,
  maxRevisions: number,
  linearized: boolean,
): Group[] {
  const groups: Group[] = []
  const seen = new Set<number>()
  let offset: number | undefined = start
  let prevOffset = -1
  while (offset !== undefined) {
    if (seen.has(offset)) {
      ctx.problems.push({
        code: 'format.pdf.prev-cycle',
        message: `/Prev chain loops back to ${offset} / /Prev 链循环`,
        offset,
      })
      break
    }
    seen.add(offset)
    let read: { sec: XrefSection; hybrid: boolean }
    try {
      read = readChainSection(ctx, offset)
    } catch (error) {
      if (groups.length === 0 || !(error instanceof YrdError) || error.code.startsWith('limit.')) {
        throw error
      }
      ctx.problems.push({
        code: 'format.pdf.prev-unreadable',
        message: `/Prev section at ${offset} cannot be read (${error.code}) / 前一交叉引用不可读`,
        offset,
      })
      break
    }
    const last = groups[groups.length - 1]
    if (last !== undefined && offset > prevOffset && linearized) {
      last.sections.push(read.sec)
    } else {
      if (last !== undefined && offset > prevOffset) {
        ctx.problems.push({
          code: 'format.pdf.forward-prev',
          message: `/Prev points forward to ${offset} / /Prev 指向文件后部`,
          offset,
        })
      }
      if (groups.length >= maxRevisions) {
        throw pdfLimit('revisions', `more than ${maxRevisions} revisions`, '修订版本过多')
      }
      groups.push({ sections: [read.sec], kind: read.hybrid ? 'hybrid' : read.sec.kind })
    }
    prevOffset = offset
    offset = prevOf(read.sec.trailer)
  }
  return groups.reverse()
}

function finish(
  ctx: XrefContext,
  groups: Group[],
  stmts: readonly Statement[],
  startIdx: number,
  linearized: boolean,
): PdfRevision[] {
  const { bytes, problems } = ctx
  const used = new Set<number>([startIdx])
  const revisions: PdfRevision[] = groups.map((g, index) => {
    const first = g.sections[0]!
    const entries = new Map<number, XrefEntry>()
    for (const sec of g.sections) {
      for (const [n, e] of sec.entries) if (!entries.has(n)) entries.set(n, e)
    }
    let end: number
    if (index === groups.length - 1) {
      end = stmts[startIdx]!.end
    } else {
      const hi = Math.max(...g.sections.map((x) => x.offset))
      const k = stmts.findIndex((st) => st.at > hi && g.sections.some((x) => x.offset === st.xref))
      const j = k >= 0 ? k : stmts.findIndex((st) => st.at > hi)
      if (k < 0) {
        problems.push({
          code: 'format.pdf.startxref-mismatch',
          message: `no startxref names the xref at ${first.offset} / 无 startxref 指向该交叉引用`,
          offset: first.offset,
        })
      }
      if (j >= 0) used.add(j)
      end = j >= 0 ? stmts[j]!.end : bytes.length
    }
    return {
      index,
      startxref: first.offset,
      end,
      xrefKind: g.kind,
      trailer: first.trailer,
      entries,
    }
  })
  for (let i = 1; i < revisions.length; i++) {
    if (revisions[i]!.end <= revisions[i - 1]!.end) {
      problems.push({
        code: 'format.pdf.revision-order',
        message: `revision ${i} does not end after revision ${i - 1} / 修订版本顺序异常`,
      })
    }
  }
  for (let i = 0; i < stmts.length; i++) {
    // a linearized file's first-page trailer ends with the placeholder `startxref 0`
    const placeholder = linearized && stmts[i]!.xref === 0
    if (!used.has(i) && !placeholder && stmts[i]!.at < stmts[startIdx]!.at) {
      problems.push({
        code: 'format.pdf.unchained-revision',
        message: 'a startxref/%%EOF is not on the /Prev chain / 存在未链接的修订',
        offset: stmts[i]!.at,
      })
    }
  }
  const lastEnd = revisions[revisions.length - 1]!.end
  if (firstNonWhite(bytes, ctx.source, lastEnd) < bytes.length) {
    problems.push({
      code: 'format.pdf.trailing-data',
      message: `${bytes.length - lastEnd} bytes follow the last revision / 最后修订之后有多余数据`,
      offset: lastEnd,
    })
  }
  return revisions
}
