/**
 * The one pass over the whole file: every `startxref N … %%EOF` statement and every
 * `/ByteRange` or `/Type /Sig` (`/DocTimeStamp`) token, found with a native byte search (`s`
 * and `/` anchors, then confirmed in place). In memory the file is one chunk; a paged file
 * streams through a reusable buffer, and a token too close to a chunk's end to confirm there is
 * confirmed in a window loaded around it.
 */
import type { ProblemSink } from './problems.js'
import { ascii } from './bytes.js'
import { byteFinder } from './byte-finder.js'
import { isBoundary, isWhite } from './chars.js'
import { PdfLexer } from './lexer.js'
import { pdfLimit } from './errors.js'
import type { PdfByteSource } from './source.js'

/** A `startxref N %%EOF` statement. */
export interface Statement {
  readonly at: number
  readonly xref: number
  /** Offset just past %%EOF and one optional EOL. */
  readonly end: number
}

/** A signature-like token: `/ByteRange`, or `/Type` followed by `/Sig` or `/DocTimeStamp`. */
export interface SigMark {
  readonly offset: number
  readonly byteRange: boolean
}

/** What the pass found, in file order. */
export interface Markers {
  readonly statements: Statement[]
  /** At most {@link MAX_SCAN_CANDIDATES} + 1 (the signature scan refuses more). */
  readonly sigMarks: SigMark[]
}

/** Most statements accepted (`limit.pdf.statements` past it). */
const MAX_STATEMENTS = 100_000
/** Most signature-like tokens the signature scan examines (`limit.pdf.scan-hits` past it). */
export const MAX_SCAN_CANDIDATES = 100_000
/** Bytes a confirmation may read past the position it decided at. */
const MARGIN = 32

const STARTXREF = ascii('startxref')
/** Searched prefixes: native searches are fastest for needles under 7 bytes. */
const STARTX = ascii('startx')
const BYTE_R = ascii('/ByteR')
const EOF_MARK = ascii('%%EOF')
const BYTE_RANGE = ascii('/ByteRange')
const TYPE = ascii('/Type')
const SIG_TYPES = [ascii('/Sig'), ascii('/DocTimeStamp')]
const MORE = 'more'

type Found = typeof MORE | null | { readonly stmt?: Statement; readonly noEof?: boolean }

/** True when `word` is at `i` (its first byte already known to match when `from` is 1). */
function wordAt(b: Uint8Array, i: number, word: Uint8Array, from = 1): boolean {
  for (let k = from; k < word.length; k++) if (b[i + k] !== word[k]) return false
  return true
}

/** The statement whose `startxref` is at `i` of `b` (file offset `base + i`). */
function statementAt(b: Uint8Array, i: number, base: number, tail: boolean): Found {
  if (!tail && i + STARTXREF.length + MARGIN > b.length) return MORE
  if (!wordAt(b, i, STARTXREF)) return null
  const lx = new PdfLexer(b, -1, 1, i + STARTXREF.length)
  const xref = lx.readUint()
  if (xref === null) return !tail && lx.pos + MARGIN > b.length ? MORE : {}
  let q = lx.pos
  while (isWhite(b[q])) q++
  if (!tail && q + MARGIN > b.length) return MORE
  if (!wordAt(b, q, EOF_MARK, 0)) return { noEof: true }
  let end = q + EOF_MARK.length
  if (b[end] === 13 && b[end + 1] === 10) end += 2
  else if (b[end] === 13 || b[end] === 10) end += 1
  return { stmt: { at: base + i, xref, end: base + end } }
}

/** True when the bytes from `i` to the end of `b` are a proper prefix of `needle`. */
function prefixAt(b: Uint8Array, i: number, needle: Uint8Array): boolean {
  for (let k = 0; i + k < b.length; k++) if (b[i + k] !== needle[k]) return false
  return true
}

/** Whether the `/` at `i` starts a signature-like token: true/false, or MORE. */
function sigMarkAt(b: Uint8Array, i: number, tail: boolean): boolean | typeof MORE | 'range' {
  if (!tail && i + BYTE_RANGE.length + MARGIN > b.length) return MORE
  const next = b[i + 1]
  if (next === 66) return wordAt(b, i, BYTE_RANGE) && isBoundary(b[i + 10]) ? 'range' : false
  if (next !== 84 || !wordAt(b, i, TYPE) || !isBoundary(b[i + TYPE.length])) return false
  let q = i + TYPE.length
  while (isWhite(b[q])) q++
  if (!tail && q + MARGIN > b.length) return MORE
  for (const t of SIG_TYPES) {
    if (wordAt(b, q, t, 0) && isBoundary(b[q + t.length])) return true
  }
  return false
}

/** Collects markers chunk by chunk, in file order. */
class Collector {
  readonly statements: Statement[] = []
  readonly sigMarks: SigMark[] = []

  constructor(
    private readonly bytes: Uint8Array,
    private readonly source: PdfByteSource | undefined,
    private readonly problems: ProblemSink,
  ) {}

  /** Scans `chunk`, the file's bytes from `base`. */
  chunk(chunk: Uint8Array, base: number): void {
    const tail = base + chunk.length >= this.bytes.length
    const find = byteFinder(chunk)
    this.each(find, chunk, tail, STARTX, (i, cut) => {
      const found = cut ? MORE : statementAt(chunk, i, base, tail)
      const at = base + i
      const s = found === MORE ? this.loaded(at, (v, k, t) => statementAt(v, k, 0, t)) : found
      if (s !== null && s !== MORE) this.statement(s, at)
    })
    const ranges: number[] = []
    const types: number[] = []
    for (const [needle, out] of [
      [BYTE_R, ranges],
      [TYPE, types],
    ] as const) {
      this.each(find, chunk, tail, needle, (i, cut) => {
        if (out.length > MAX_SCAN_CANDIDATES) return
        const found = cut ? MORE : sigMarkAt(chunk, i, tail)
        const m = found === MORE ? this.loaded(base + i, sigMarkAt) : found
        if (m === 'range' || m === true) out.push(base + i)
      })
    }
    this.merge(ranges, types)
  }

  /**
   * Calls `visit(i, false)` for every `needle` at index i of the chunk, in order, then (unless
   * the chunk ends the file) `visit(i, true)` where the chunk's end cuts a possible needle.
   */
  private each(
    find: (needle: Uint8Array, from: number) => number,
    chunk: Uint8Array,
    tail: boolean,
    needle: Uint8Array,
    visit: (i: number, cut: boolean) => void,
  ): void {
    for (let i = find(needle, 0); i >= 0; i = find(needle, i + 1)) visit(i, false)
    if (tail) return
    for (let i = Math.max(0, chunk.length - needle.length + 1); i < chunk.length; i++) {
      if (prefixAt(chunk, i, needle)) visit(i, true)
    }
  }

  /** Appends two sorted offset lists to the marks in file order, at most the scan's cap. */
  private merge(ranges: readonly number[], types: readonly number[]): void {
    let i = 0
    let j = 0
    const marks = this.sigMarks
    while ((i < ranges.length || j < types.length) && marks.length <= MAX_SCAN_CANDIDATES) {
      const r = ranges[i] ?? Infinity
      const t = types[j] ?? Infinity
      if (r < t) {
        marks.push({ offset: r, byteRange: true })
        i++
      } else {
        marks.push({ offset: t, byteRange: false })
        j++
      }
    }
  }

  private statement(r: Exclude<Found, null | typeof MORE>, at: number): void {
    if (this.statements.length >= MAX_STATEMENTS) {
      throw pdfLimit('statements', 'too many startxref statements', 'startxref 语句过多')
    }
    if (r.noEof) {
      this.problems.push({
        code: 'format.pdf.startxref-without-eof',
        message: 'startxref not followed by %%EOF / startxref 后没有 %%EOF',
        offset: at,
      })
    } else if (r.stmt) this.statements.push(r.stmt)
  }

  /** Confirms at file offset `at` in a window of the sparse array, grown until decided. */
  private loaded<T>(at: number, confirm: (view: Uint8Array, i: number, tail: boolean) => T): T {
    const source = this.source!
    for (let size = 256; ; size *= 2) {
      const end = Math.min(this.bytes.length, at + size)
      source.ensure(at, end)
      const tail = end >= this.bytes.length
      const r = confirm(tail ? this.bytes : this.bytes.subarray(0, end), at, tail)
      if (r !== MORE) return r
    }
  }
}

/**
 * Finds the statements and signature-like tokens of the whole file in one pass. Throws
 * `limit.pdf.statements` past 100 000 statements.
 */
export function scanMarkers(
  bytes: Uint8Array,
  source: PdfByteSource | undefined,
  problems: ProblemSink,
): Markers {
  const c = new Collector(bytes, source, problems)
  if (source === undefined) c.chunk(bytes, 0)
  else source.stream(0, bytes.length, (chunk, offset) => c.chunk(chunk, offset))
  return { statements: c.statements, sigMarks: c.sigMarks }
}

const remembered = new WeakMap<object, readonly SigMark[]>()

/** Keeps the signature-like tokens found while reading `pdf` for its signature scan. */
export function rememberSigMarks(pdf: object, marks: readonly SigMark[]): void {
  remembered.set(pdf, marks)
}

/**
 * The signature-like tokens of `pdf`: those found while it was read, else (a file not made by
 * `readPdf`) a scan of its bytes in memory.
 */
export function sigMarksOf(pdf: { readonly bytes: Uint8Array }): readonly SigMark[] {
  return remembered.get(pdf) ?? scanMarkers(pdf.bytes, undefined, []).sigMarks
}
