/**
 * The byte scan of signature discovery: every `/ByteRange` and `/Type /Sig` (or
 * `/DocTimeStamp`) in the raw file, mapped to the indirect object whose body encloses it.
 * Each body is parsed at most once and the whole scan is bounded in candidates and work.
 */
import type { PdfFile, PdfObject, PdfRef } from './types.js'
import { ascii, lastIndexOfBytes } from './bytes.js'
import { PdfLexer } from './lexer.js'
import { isBoundary, isWhite } from './chars.js'
import { parseIndirect, type IndirectObject } from './indirect.js'
import { YrdError } from '../../errors.js'
import { pdfLimit } from './errors.js'
import { MAX_SCAN_CANDIDATES, sigMarksOf } from './markers.js'
import { byteSourceOf } from './source.js'

const OBJ = ascii('obj')
const BACK_WINDOW = 1 << 20
const MAX_BACK_WORK = 256 << 20

/** One scan finding. */
export interface ScanHit {
  /** Offset of the needle in the file. */
  readonly offset: number
  /** True when the needle is `/ByteRange`. */
  readonly byteRange: boolean
  /** The enclosing object, when an xref entry of some revision points to its body. */
  readonly ref: PdfRef | null
  /** True when the hit is in a field whose /V is a direct signature dictionary. */
  readonly inField: boolean
  /** Revision whose xref entry points at the enclosing body (or whose bytes hold the hit). */
  readonly revision: number
  /** Offset of the enclosing object's header. */
  readonly body: number
}

/** True when `d` looks like a signature dictionary. */
export function isSigDict(d: ReadonlyMap<string, PdfObject>): boolean {
  const t = d.get('Type')
  if (t?.kind === 'name' && (t.value === 'Sig' || t.value === 'DocTimeStamp')) return true
  return d.has('ByteRange')
}

function classify(obj: PdfObject): 'sig' | 'field' | null {
  if (obj.kind !== 'dict') return null
  if (isSigDict(obj.entries)) return 'sig'
  const v = obj.entries.get('V')
  return v?.kind === 'dict' && isSigDict(v.entries) ? 'field' : null
}

function direct(obj: PdfObject): number | undefined {
  return obj.kind === 'number' ? obj.value : undefined
}

class Scanner {
  /** Known body offsets (sorted) and, per offset, the (num, gen, revision) pointing there. */
  private readonly offsets: number[]
  private readonly owners = new Map<number, { num: number; gen: number; rev: number }[]>()
  private readonly parsed = new Map<number, IndirectObject | null>()
  private candidates = 0
  private backWork = 0
  private last: { from: number; start: number } | null = null

  constructor(private readonly pdf: PdfFile) {
    for (const rev of pdf.revisions) {
      for (const [num, e] of rev.entries) {
        if (e.type !== 'offset') continue
        const list = this.owners.get(e.offset) ?? []
        if (list.length === 0) this.owners.set(e.offset, list)
        list.push({ num, gen: e.gen, rev: rev.index })
      }
    }
    this.offsets = [...this.owners.keys()].sort((a, b) => a - b)
  }

  private parse(offset: number): IndirectObject | null {
    let out: IndirectObject | null | undefined =
      this.parsed.get(offset) ?? this.pdf.parsedAt?.(offset)
    if (out !== undefined) return out
    const source = byteSourceOf(this.pdf.bytes)
    try {
      out = parseIndirect(
        {
          bytes: this.pdf.bytes,
          maxDepth: 64,
          problems: [],
          lengthOf: direct,
          ...(source ? { source } : {}),
        },
        offset,
      )
    } catch (error) {
      if (!(error instanceof YrdError)) throw error
      out = null
    }
    this.parsed.set(offset, out)
    return out
  }

  /** Maps the needle at `p` to the object enclosing it, or null if none is a signature. */
  hit(p: number, byteRange: boolean): ScanHit | null {
    if (++this.candidates > MAX_SCAN_CANDIDATES) {
      throw pdfLimit('scan-hits', 'too many signature-like tokens', '疑似签名标记过多')
    }
    let lo = 0
    let hi = this.offsets.length - 1
    let found = -1
    while (lo <= hi) {
      const mid = (lo + hi) >> 1
      if (this.offsets[mid]! <= p) {
        found = mid
        lo = mid + 1
      } else hi = mid - 1
    }
    const at = this.offsets[found]
    const body = at === undefined ? null : this.parse(at)
    if (at !== undefined && body !== null && body.end > p) return this.make(p, byteRange, at, body)
    return this.orphan(p, byteRange)
  }

  private make(p: number, byteRange: boolean, at: number, body: IndirectObject): ScanHit | null {
    const kind = classify(body.obj)
    if (kind === null) return null
    const owner = this.owners.get(at)?.find((o) => o.num === body.num && o.gen === body.gen)
    return {
      offset: p,
      byteRange,
      ref: owner ? { num: body.num, gen: body.gen } : null,
      inField: kind === 'field',
      revision: owner ? owner.rev : this.revisionHolding(p),
      body: at,
    }
  }

  private revisionHolding(offset: number): number {
    const i = this.pdf.revisions.findIndex((r) => offset < r.end)
    return i >= 0 ? i : this.pdf.revisions.length - 1
  }

  private orphan(p: number, byteRange: boolean): ScanHit | null {
    const start = this.nearestHeader(p)
    if (start < 0) return null
    const body = this.parse(start)
    return body !== null && body.end > p ? this.make(p, byteRange, start, body) : null
  }

  /** The nearest `N G obj` header before `p` within the window, reusing the last search. */
  private nearestHeader(p: number): number {
    const b = this.pdf.bytes
    const min = Math.max(0, p - BACK_WINDOW)
    const last = this.last
    const floor = last !== null && last.from <= p && last.from >= min ? last.from - 3 : min
    this.pdf.ensure(floor, p + OBJ.length + 1)
    let found = -1
    for (let at = lastIndexOfBytes(b, OBJ, p - OBJ.length, Math.max(0, floor)); at >= 0;) {
      this.backWork += p - at
      if (this.backWork > MAX_BACK_WORK) {
        throw pdfLimit('scan-work', 'signature scan work bound exceeded', '签名扫描工作量超限')
      }
      found = this.headerAt(at, Math.max(0, floor))
      if (found >= 0) break
      at = lastIndexOfBytes(b, OBJ, at - 1, Math.max(0, floor))
    }
    if (found < 0 && last !== null && floor !== min && last.start >= min) found = last.start
    this.last = { from: p, start: found }
    return found
  }

  /** {@link headerStart}, loading further back in a paged file while it needs more. */
  private headerAt(at: number, loaded: number): number {
    if (byteSourceOf(this.pdf.bytes) === undefined) return headerStart(this.pdf.bytes, at, 0)
    for (let lo = loaded; ; lo = Math.max(0, at - 2 * (at - lo) - 4096)) {
      this.pdf.ensure(lo, at)
      const r = headerStart(this.pdf.bytes, at, lo)
      if (r !== MORE) return r
    }
  }
}

const MORE = -2

/**
 * Start of `N G obj` whose `obj` keyword is at `at`, or -1; MORE when the walk back reached
 * `lo` (the lowest loaded byte of a paged file) above the start of the file.
 */
function headerStart(b: Uint8Array, at: number, lo: number): number {
  if (!isBoundary(b[at + 3]) || at < 4) return -1
  let p = at - 1
  const back = (digitsWanted: boolean): boolean => {
    const e = p
    if (digitsWanted) while (p >= lo && b[p]! >= 48 && b[p]! <= 57) p--
    else while (p >= lo && isWhite(b[p])) p--
    return p < e
  }
  const ok = back(false) && back(true) && back(false) && back(true)
  if (p < lo && lo > 0) return MORE
  if (!ok) return -1
  const lx = new PdfLexer(b, 0, 1, p + 1)
  return lx.readUint() !== null ? p + 1 : -1
}

/**
 * Scans the raw bytes for signature dictionaries in one pass over the `/` bytes; each body
 * is reported once per `/ByteRange` and once for its `/Type /Sig` or `/Type /DocTimeStamp`.
 */
export function scanSignatures(pdf: PdfFile): ScanHit[] {
  const scanner = new Scanner(pdf)
  const hits: ScanHit[] = []
  const typed = new Set<number>()
  for (const mark of sigMarksOf(pdf)) {
    const hit = scanner.hit(mark.offset, mark.byteRange)
    if (hit === null) continue
    if (mark.byteRange) {
      hits.push(hit)
    } else {
      if (!typed.has(hit.body)) hits.push(hit)
      typed.add(hit.body)
    }
  }
  return hits
}
