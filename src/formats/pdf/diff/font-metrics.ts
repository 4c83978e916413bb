/**
 * Upper bounds of what a font draws, for the content area: the widest advance, the glyph
 * box (ISO 32000-1 §9.8 FontBBox) and how many bytes a character code takes, read from the
 * font dictionary (§9.6–9.7) in text space units per unit of font size. Values are widened,
 * never narrowed, so the area stays a superset of what a viewer paints.
 */
import type { Rect } from '../appearance/geometry.js'
import type { PdfFile, PdfObject } from '../types.js'
import { mapRect, matrixOf, union } from './affine.js'
import { entriesOf, nameOf } from './objects.js'

/** What the content area needs to know about a font. */
export interface FontMetrics {
  /** Widest and narrowest advance (text space units per unit of font size). */
  readonly maxAdvance: number
  readonly minAdvance: number
  /** A box holding every glyph, relative to the glyph origin (same units). */
  readonly bbox: Rect
  /** Fewest bytes per character code (1 when unsure: more codes, a wider run). */
  readonly codeBytes: 1 | 2 | 4
  /** Vertical writing (a `-V` CMap or /WMode 1): glyphs advance down the page. */
  readonly vertical: boolean
}

/** Thrown when a font's extent cannot be bounded (a Type 3 font without a glyph box). */
export class UnboundedFont extends Error {}

/**
 * The box assumed around every glyph at least: it holds the FontBBox of each of the
 * standard 14 fonts and of the usual CJK fonts.
 */
const DEFAULT_BBOX: Rect = [-0.2, -0.3, 1.1, 1.05]
/** Widest advance assumed when a simple font lists no /Widths (standard 14 fonts: ≤ 1.09). */
const DEFAULT_MAX_ADVANCE = 1.1

/** Fonts with unreadable dictionaries get these. */
export const DEFAULT_METRICS: FontMetrics = {
  maxAdvance: DEFAULT_MAX_ADVANCE,
  minAdvance: 0,
  bbox: DEFAULT_BBOX,
  codeBytes: 1,
  vertical: false,
}

/** Most width entries read from one font; a longer list is not bounded. */
const MAX_WIDTHS = 100_000

type Dict = ReadonlyMap<string, PdfObject>

function numbersIn(pdf: PdfFile, o: PdfObject | undefined, rev: number): number[] | undefined {
  const a = pdf.deref(o, rev)
  if (a?.kind !== 'array') return undefined
  const out: number[] = []
  for (const item of a.items) {
    const n = pdf.deref(item, rev)
    if (n?.kind !== 'number' || !Number.isFinite(n.value)) return undefined
    out.push(n.value)
  }
  return out
}

function dictAt(pdf: PdfFile, o: PdfObject | undefined, rev: number): Dict | undefined {
  return entriesOf(pdf.deref(o, rev))
}

function numberAt(pdf: PdfFile, o: PdfObject | undefined, rev: number): number | undefined {
  const n = pdf.deref(o, rev)
  return n?.kind === 'number' && Number.isFinite(n.value) ? n.value : undefined
}

/** Extremes of a list of widths, with `extra` values (defaults, missing width) included. */
function extremes(widths: readonly number[], extra: readonly number[]): [number, number] {
  let lo = 0
  let hi = 0
  for (const w of [...widths, ...extra]) {
    lo = Math.min(lo, w)
    hi = Math.max(hi, w)
  }
  return [lo, hi]
}

function tooMany(n: number): never {
  throw new UnboundedFont(`a font lists more than ${MAX_WIDTHS} widths (${n})`)
}

/** Widths of a CIDFont /W array: `c [w1 w2 …]` and `c1 c2 w` groups. */
function cidWidths(pdf: PdfFile, w: PdfObject | undefined, rev: number): number[] {
  const a = pdf.deref(w, rev)
  if (a?.kind !== 'array') return []
  if (a.items.length > MAX_WIDTHS) tooMany(a.items.length)
  const out: number[] = []
  for (let i = 0; i < a.items.length;) {
    const next = pdf.deref(a.items[i + 1], rev)
    if (next?.kind === 'array') {
      if (out.length + next.items.length > MAX_WIDTHS) tooMany(out.length + next.items.length)
      for (const item of next.items) {
        const n = numberAt(pdf, item, rev)
        if (n !== undefined) out.push(n)
      }
      i += 2
    } else {
      const n = numberAt(pdf, a.items[i + 2], rev)
      if (n !== undefined) out.push(n)
      i += 3
    }
  }
  return out
}

function glyphBox(pdf: PdfFile, descriptor: Dict | undefined, rev: number, scale: number): Rect {
  const b = numbersIn(pdf, descriptor?.get('FontBBox'), rev)
  if (!b || b.length !== 4) return DEFAULT_BBOX
  const r: Rect = [
    Math.min(b[0]!, b[2]!) * scale,
    Math.min(b[1]!, b[3]!) * scale,
    Math.max(b[0]!, b[2]!) * scale,
    Math.max(b[1]!, b[3]!) * scale,
  ]
  return union(r, DEFAULT_BBOX)
}

function encodingOf(pdf: PdfFile, font: Dict, rev: number) {
  const enc = pdf.deref(font.get('Encoding'), rev)
  if (enc?.kind === 'name') {
    const name = enc.value
    const codeBytes: 1 | 2 | 4 = /UTF32/.test(name) ? 4 : /^Identity-|UCS2|UTF16/.test(name) ? 2 : 1
    return { codeBytes, vertical: name.endsWith('-V') }
  }
  // An embedded CMap: /WMode defaults to 0 (horizontal).
  const wmode = enc?.kind === 'stream' ? numberAt(pdf, enc.dict.get('WMode'), rev) : undefined
  return { codeBytes: 1 as const, vertical: wmode === 1 }
}

function composite(pdf: PdfFile, font: Dict, rev: number): FontMetrics {
  const kids = pdf.deref(font.get('DescendantFonts'), rev)
  const cid = kids?.kind === 'array' ? dictAt(pdf, kids.items[0], rev) : undefined
  const dw = numberAt(pdf, cid?.get('DW'), rev) ?? 1000
  const [lo, hi] = extremes(cidWidths(pdf, cid?.get('W'), rev), [dw])
  const descriptor = dictAt(pdf, cid?.get('FontDescriptor'), rev)
  const { codeBytes, vertical } = encodingOf(pdf, font, rev)
  return {
    maxAdvance: hi / 1000,
    minAdvance: lo / 1000,
    bbox: glyphBox(pdf, descriptor, rev, 1 / 1000),
    codeBytes,
    vertical,
  }
}

function type3(pdf: PdfFile, font: Dict, rev: number): FontMetrics {
  const m = matrixOf(numbersIn(pdf, font.get('FontMatrix'), rev)) ?? [0.001, 0, 0, 0.001, 0, 0]
  const b = numbersIn(pdf, font.get('FontBBox'), rev)
  if (!b || b.length !== 4 || b.every((v) => v === 0)) {
    throw new UnboundedFont('a Type 3 font without a glyph box (FontBBox)')
  }
  const box = mapRect(m, [
    Math.min(b[0]!, b[2]!),
    Math.min(b[1]!, b[3]!),
    Math.max(b[0]!, b[2]!),
    Math.max(b[1]!, b[3]!),
  ])
  const widths = numbersIn(pdf, font.get('Widths'), rev) ?? []
  if (widths.length > MAX_WIDTHS) tooMany(widths.length)
  const [lo, hi] = extremes(widths, [])
  const k = Math.abs(m[0]) + Math.abs(m[1])
  return {
    maxAdvance: hi * k,
    minAdvance: lo * k,
    bbox: union(box, DEFAULT_BBOX),
    codeBytes: 1,
    vertical: false,
  }
}

function simple(pdf: PdfFile, font: Dict, rev: number): FontMetrics {
  const descriptor = dictAt(pdf, font.get('FontDescriptor'), rev)
  const widths = numbersIn(pdf, font.get('Widths'), rev)
  if (widths && widths.length > MAX_WIDTHS) tooMany(widths.length)
  const missing = numberAt(pdf, descriptor?.get('MissingWidth'), rev) ?? 0
  const [lo, hi] = widths ? extremes(widths, [missing]) : [0, DEFAULT_MAX_ADVANCE * 1000]
  return {
    maxAdvance: hi / 1000,
    minAdvance: lo / 1000,
    bbox: glyphBox(pdf, descriptor, rev, 1 / 1000),
    codeBytes: 1,
    vertical: false,
  }
}

/**
 * The metrics of the font dictionary `font` (a missing or unreadable one gets the defaults).
 * Throws {@link UnboundedFont} when the font's extent has no bound.
 */
export function fontMetrics(pdf: PdfFile, font: PdfObject | undefined, rev: number): FontMetrics {
  const d = dictAt(pdf, font, rev)
  if (!d) return DEFAULT_METRICS
  const subtype = nameOf(pdf.deref(d.get('Subtype'), rev))
  if (subtype === 'Type0') return composite(pdf, d, rev)
  if (subtype === 'Type3') return type3(pdf, d, rev)
  return simple(pdf, d, rev)
}
