/**
 * The byte scan of signature discovery: every `/ByteRange` and `/Type /Sig` (or
 * `/DocTimeStamp`) in the raw file, mapped to the indirect object that encloses it.
 */
import type { PdfFile, PdfObject, PdfRef } from './types.js'
import { ascii, indexOfBytes, lastIndexOfBytes } from './bytes.js'
import { isBoundary, PdfLexer } from './lexer.js'
import { parseIndirect } from './indirect.js'
import { YrdError } from '../../errors.js'
import { pdfLimit } from './errors.js'

const NEEDLES = [
  '/ByteRange',
  '/Type /Sig',
  '/Type/Sig',
  '/Type /DocTimeStamp',
  '/Type/DocTimeStamp',
]
const OBJ = ascii('obj')
const MAX_HITS = 10_000
const BACK_WINDOW = 1 << 20

/** One scan finding. */
export interface ScanHit {
  /** Offset of the needle in the file. */
  readonly offset: number
  /** True when the needle is `/ByteRange`. */
  readonly byteRange: boolean
  /** The object enclosing the hit, when an xref entry of some revision points to it. */
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

interface Body {
  readonly offset: number
  readonly ref: PdfRef
  readonly revision: number
}

function bodies(pdf: PdfFile): Body[] {
  const seen = new Map<number, Body>()
  for (const rev of pdf.revisions) {
    for (const [num, e] of rev.entries) {
      if (e.type === 'offset' && !seen.has(e.offset)) {
        seen.set(e.offset, { offset: e.offset, ref: { num, gen: e.gen }, revision: rev.index })
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.offset - b.offset)
}

function revisionHolding(pdf: PdfFile, offset: number): number {
  const i = pdf.revisions.findIndex((r) => offset < r.end)
  return i >= 0 ? i : pdf.revisions.length - 1
}

function classify(obj: PdfObject | undefined, pdf: PdfFile, rev: number): 'sig' | 'field' | null {
  const d = obj?.kind === 'dict' ? obj.entries : undefined
  if (d === undefined) return null
  if (isSigDict(d)) return 'sig'
  const v = d.get('V')
  return v?.kind === 'dict' && isSigDict(v.entries) && pdf.revisions[rev] ? 'field' : null
}

/** Scans the raw bytes for signature dictionaries. */
export function scanSignatures(pdf: PdfFile): ScanHit[] {
  const b = pdf.bytes
  const list = bodies(pdf)
  const hits: ScanHit[] = []
  const done = new Set<number>()
  for (const needle of NEEDLES) {
    const n = ascii(needle)
    for (let p = indexOfBytes(b, n); p >= 0; p = indexOfBytes(b, n, p + n.length)) {
      if (!isBoundary(b[p + n.length])) continue
      if (hits.length >= MAX_HITS) {
        throw pdfLimit('scan-hits', 'too many signature-like dictionaries', '签名字典过多')
      }
      const hit = locateHit(pdf, list, p, needle === '/ByteRange')
      if (hit === null) continue
      if (hit.byteRange || !done.has(hit.body)) hits.push(hit)
      done.add(hit.body)
    }
  }
  return hits
}

function locateHit(pdf: PdfFile, list: Body[], p: number, byteRange: boolean): ScanHit | null {
  let lo = 0
  let hi = list.length - 1
  let found = -1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (list[mid]!.offset <= p) {
      found = mid
      lo = mid + 1
    } else hi = mid - 1
  }
  const body = list[found]
  if (body !== undefined && endOf(pdf.bytes, body.offset) > p) {
    const obj = pdf.resolve(body.ref, body.revision)
    const kind = classify(obj, pdf, body.revision)
    if (kind !== null) {
      return {
        offset: p,
        byteRange,
        ref: body.ref,
        inField: kind === 'field',
        revision: body.revision,
        body: body.offset,
      }
    }
  }
  return orphan(pdf, p, byteRange)
}

function endOf(b: Uint8Array, offset: number): number {
  try {
    return parseIndirect({ bytes: b, maxDepth: 64, problems: [], lengthOf: direct }, offset).end
  } catch (error) {
    if (!(error instanceof YrdError)) throw error
    return -1
  }
}

function direct(obj: PdfObject): number | undefined {
  return obj.kind === 'number' ? obj.value : undefined
}

function orphan(pdf: PdfFile, p: number, byteRange: boolean): ScanHit | null {
  const b = pdf.bytes
  const min = Math.max(0, p - BACK_WINDOW)
  for (let at = lastIndexOfBytes(b, OBJ, p - OBJ.length, min); at >= 0;) {
    const start = headerStart(b, at)
    if (start >= 0) {
      try {
        const ind = parseIndirect({ bytes: b, maxDepth: 64, problems: [], lengthOf: direct }, start)
        if (ind.end > p && ind.obj.kind === 'dict' && isSigDict(ind.obj.entries)) {
          return {
            offset: p,
            byteRange,
            ref: null,
            inField: false,
            revision: revisionHolding(pdf, p),
            body: start,
          }
        }
      } catch (error) {
        if (!(error instanceof YrdError)) throw error
      }
      return null
    }
    at = lastIndexOfBytes(b, OBJ, at - 1, min)
  }
  return null
}

/** Start of `N G obj` whose `obj` keyword is at `at`, or -1. */
function headerStart(b: Uint8Array, at: number): number {
  if (!isBoundary(b[at + 3]) || at < 4) return -1
  let p = at - 1
  const back = (digitsWanted: boolean): boolean => {
    if (digitsWanted) {
      const e = p
      while (p >= 0 && b[p]! >= 48 && b[p]! <= 57) p--
      return p < e
    }
    const e = p
    while (p >= 0 && (b[p] === 32 || b[p] === 10 || b[p] === 13 || b[p] === 9)) p--
    return p < e
  }
  if (!back(false) || !back(true) || !back(false) || !back(true)) return -1
  const lx = new PdfLexer(b, 0, 1, p + 1)
  return lx.readUint() !== null ? p + 1 : -1
}
