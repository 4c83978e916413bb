/**
 * Entry point of the PDF reader: revisions are read eagerly, objects lazily and through the
 * cross-reference chain of the revision asked for.
 */
import type {
  PdfFile,
  PdfLimits,
  PdfObject,
  PdfProblem,
  PdfRef,
  PdfRevision,
  PdfStream,
  XrefEntry,
} from './types.js'
import { YrdError } from '../../errors.js'
import { resolvePdfLimits } from './limits.js'
import { pdfFormat, pdfLimit } from './errors.js'
import { ascii, indexOfBytes, NextIndex } from './bytes.js'
import { readRevisions } from './revisions.js'
import { rememberSigMarks, scanMarkers, type SigMark } from './markers.js'
import { byteSourceOf, searchBytes, type PdfByteSource } from './source.js'
import { parseIndirect, type IndirectObject } from './indirect.js'
import { applyFilters, type FilterStep } from './filters.js'
import { objectAt, readObjectStream, type ObjectStream } from './objstm.js'
import { chargeBudget, type DecodeBudget } from './output.js'
import { walkPages } from './pages.js'
import { ProblemList } from './problems.js'

const MAX_NESTED_RESOLVE = 8

interface Parsed {
  readonly obj: PdfObject
  readonly num: number
  readonly gen: number
  /** Offset just past the object. */
  readonly end: number
}

class Reader implements PdfFile {
  readonly revisions: PdfRevision[]
  private readonly sink = new ProblemList()
  private readonly budget: DecodeBudget
  private readonly objects = new Map<string, Parsed>()
  private readonly objStreams = new Map<string, ObjectStream | null>()
  private active = 0
  private readonly endstream: NextIndex
  /** Signature-like tokens of the whole file (the signature scan's candidates). */
  readonly sigMarks: readonly SigMark[]

  constructor(
    readonly bytes: Uint8Array,
    private readonly limits: PdfLimits,
    private readonly source: PdfByteSource | undefined,
  ) {
    const needle = ascii('endstream')
    this.endstream = new NextIndex(bytes, needle, (from, to) =>
      searchBytes(bytes, source, needle, from, to),
    )
    this.budget = { perStream: limits.maxStreamOutput, remaining: limits.maxTotalOutput }
    source?.ensure(0, 1024)
    const head = bytes.subarray(0, 1024)
    if (indexOfBytes(head, ascii('%PDF-')) < 0) {
      this.sink.push({ code: 'format.pdf.no-header', message: 'no %PDF- header / 无文件头' })
    }
    const linearized = indexOfBytes(head, ascii('/Linearized')) >= 0
    const ctx = {
      bytes,
      maxDepth: limits.maxDepth,
      maxObjects: limits.maxObjects,
      problems: this.sink,
      budget: this.budget,
      count: 0,
      ...(source ? { source } : {}),
    }
    const markers = scanMarkers(bytes, source, this.sink)
    this.sigMarks = markers.sigMarks
    this.revisions = readRevisions(ctx, markers.statements, limits.maxRevisions, linearized)
    const last = this.revisions[this.revisions.length - 1]!
    if (last.trailer.has('Encrypt')) {
      this.sink.push({
        code: 'format.pdf.encrypted',
        message: 'the document is encrypted; strings and streams are read as stored / 文档已加密',
      })
    }
  }

  get problems(): readonly PdfProblem[] {
    return this.sink.items
  }

  ensure(start: number, end: number): void {
    this.source?.ensure(Math.max(0, start), Math.min(this.bytes.length, end))
  }

  get decodeBudget(): { readonly perStream: number; readonly remaining: number } {
    return { perStream: this.budget.perStream, remaining: this.budget.remaining }
  }

  chargeDecoded(bytes: number): void {
    chargeBudget(this.budget, bytes)
  }

  private revOf(rev: number | undefined): number {
    const r = rev ?? this.revisions.length - 1
    return Number.isSafeInteger(r) && r >= 0 && r < this.revisions.length ? r : -1
  }

  private note(code: string, message: string, offset?: number): void {
    this.sink.push(offset === undefined ? { code, message } : { code, message, offset })
  }

  locate(num: number, rev?: number): { entry: XrefEntry; revision: number } | undefined {
    const r = this.revOf(rev)
    for (let i = r; i >= 0; i--) {
      const entry = this.revisions[i]!.entries.get(num)
      if (entry !== undefined) return { entry, revision: i }
    }
    return undefined
  }

  resolve(ref: PdfRef, rev?: number): PdfObject | undefined {
    const r = this.revOf(rev)
    if (r < 0) return undefined
    const loc = this.locate(ref.num, r)
    if (loc === undefined || loc.entry.type === 'free') return undefined
    if (this.active >= MAX_NESTED_RESOLVE) {
      this.note('format.pdf.resolve-loop', `resolving object ${ref.num} recurses / 解析递归`)
      return undefined
    }
    this.active++
    try {
      return this.guarded(ref, loc.entry, r)
    } catch (error) {
      if (!(error instanceof YrdError) || error.code.startsWith('limit.')) throw error
      this.note(error.code, `object ${ref.num} ${ref.gen}: ${error.message}`)
      return undefined
    } finally {
      this.active--
    }
  }

  private guarded(ref: PdfRef, entry: XrefEntry, r: number): PdfObject | undefined {
    if (entry.type === 'offset') {
      if (entry.gen !== ref.gen) return undefined
      return this.atOffset(ref, entry.offset, r)
    }
    if (entry.type !== 'compressed' || ref.gen !== 0) return undefined
    const stm = this.objectStream(entry.stream, r)
    if (stm === undefined) return undefined
    return objectAt(stm, entry.index, ref.num, this.limits.maxDepth)
  }

  private atOffset(ref: PdfRef, offset: number, r: number): PdfObject | undefined {
    const hit = this.objects.get(String(offset)) ?? this.objects.get(`${offset}@${r}`)
    if (hit !== undefined) return this.checkHeader(hit, ref, offset)
    let indirectLength = false
    const ind = parseIndirect(
      {
        bytes: this.bytes,
        maxDepth: this.limits.maxDepth,
        problems: this.sink,
        endstream: this.endstream,
        ...(this.source ? { source: this.source } : {}),
        lengthOf: (obj) => {
          if (obj.kind === 'ref') indirectLength = true
          const v = obj.kind === 'ref' ? this.resolve(obj.ref, r) : obj
          return v?.kind === 'number' && Number.isSafeInteger(v.value) ? v.value : undefined
        },
      },
      offset,
    )
    const parsed = { obj: ind.obj, num: ind.num, gen: ind.gen, end: ind.end }
    this.objects.set(indirectLength ? `${offset}@${r}` : String(offset), parsed)
    return this.checkHeader(parsed, ref, offset)
  }

  parsedAt(offset: number): IndirectObject | undefined {
    return this.objects.get(String(offset))
  }

  private checkHeader(h: Parsed, ref: PdfRef, offset: number): PdfObject | undefined {
    if (h.num !== ref.num || h.gen !== ref.gen) {
      this.note(
        'format.pdf.object-header-mismatch',
        `xref entry for ${ref.num} ${ref.gen} points to "${h.num} ${h.gen} obj" / 对象头编号不符`,
        offset,
      )
      return undefined
    }
    return h.obj
  }

  private objectStream(num: number, r: number): ObjectStream | undefined {
    const loc = this.locate(num, r)
    if (loc === undefined || loc.entry.type !== 'offset') {
      this.note('format.pdf.bad-objstm', `object stream ${num} is not a plain object / 对象流无效`)
      return undefined
    }
    const stream = this.resolve({ num, gen: loc.entry.gen }, r)
    if (stream?.kind !== 'stream') return undefined
    const key = `${stream.dataStart}:${stream.dataEnd}`
    const cached = this.objStreams.get(key)
    if (cached !== undefined) return cached ?? undefined
    this.objStreams.set(key, null)
    const data = this.decodeStream(stream, r).data
    const stm = readObjectStream(stream.dict, data, this.limits.maxObjects)
    this.objStreams.set(key, stm)
    return stm
  }

  deref(obj: PdfObject | undefined, rev?: number): PdfObject | undefined {
    let cur = obj
    for (let i = 0; cur?.kind === 'ref'; i++) {
      if (i >= this.limits.maxRefChain) {
        this.note('format.pdf.ref-chain', 'reference chain too long / 引用链过长')
        return undefined
      }
      cur = this.resolve(cur.ref, rev)
    }
    return cur
  }

  decodeStream(stream: PdfStream, rev?: number): { data: Uint8Array; rawFilter?: string } {
    const dict = stream.dict
    const f = this.deref(dict.get('Filter'), rev)
    const p = this.deref(dict.get('DecodeParms'), rev)
    const names = f?.kind === 'name' ? [f] : f?.kind === 'array' ? f.items : []
    const parms = p?.kind === 'array' ? p.items : p ? [p] : []
    const steps: FilterStep[] = names.map((n, i) => {
      const name = this.deref(n, rev)
      const q = this.deref(parms[i], rev)
      if (name?.kind !== 'name') {
        throw pdfFormat('filter', 'stream filter is not a name', '流过滤器不是名称')
      }
      return { name: name.value, parms: q?.kind === 'dict' ? q.entries : undefined }
    })
    const end = Math.max(stream.dataStart, stream.dataEnd)
    this.ensure(stream.dataStart, end)
    const raw = this.bytes.subarray(stream.dataStart, end)
    return applyFilters(raw, steps, this.budget)
  }

  objectNumbers(rev?: number): number[] {
    const r = this.revOf(rev)
    const seen = new Map<number, XrefEntry>()
    for (let i = r; i >= 0; i--) {
      for (const [n, e] of this.revisions[i]!.entries) if (!seen.has(n)) seen.set(n, e)
    }
    const out: number[] = []
    for (const [n, e] of seen) if (e.type !== 'free') out.push(n)
    return out.sort((a, b) => a - b)
  }

  catalog(rev?: number): ReadonlyMap<string, PdfObject> | undefined {
    const r = this.revOf(rev)
    for (let i = r; i >= 0; i--) {
      const root = this.revisions[i]!.trailer.get('Root')
      if (root === undefined) continue
      const cat = this.deref(root, r)
      return cat?.kind === 'dict' ? cat.entries : undefined
    }
    return undefined
  }

  pages(rev?: number): { ref: PdfRef; dict: ReadonlyMap<string, PdfObject> }[] {
    const r = this.revOf(rev)
    if (r < 0) return []
    return walkPages(this, r, this.limits)
  }
}

/** Options of {@link readPdf} besides the limits. */
export interface ReadPdfOptions {
  /**
   * Loads the bytes on demand when `bytes` is the sparse array of a paged file; defaults to
   * the source attached to `bytes` (`attachByteSource`), if any.
   */
  readonly source?: PdfByteSource
}

/**
 * Reads a PDF's revisions and cross-reference data; objects are parsed lazily, each through
 * the xref chain of the revision asked for. The whole file is scanned once for its
 * `startxref` statements and signature-like tokens. Throws a `format.pdf.*` FormatError when
 * no cross-reference section can be read, and a `limit.pdf.*` LimitError past a bound.
 */
export function readPdf(
  bytes: Uint8Array,
  limits?: Partial<PdfLimits>,
  options: ReadPdfOptions = {},
): PdfFile {
  const l = resolvePdfLimits(limits)
  if (bytes.length > l.maxFileSize) {
    throw pdfLimit('file-size', `file larger than ${l.maxFileSize} bytes`, '文件过大')
  }
  const source = options.source ?? byteSourceOf(bytes)
  if (source !== undefined && source.length !== bytes.length) {
    throw new RangeError('the byte source does not match the bytes')
  }
  const reader = new Reader(bytes, l, source)
  rememberSigMarks(reader, reader.sigMarks)
  return reader
}
