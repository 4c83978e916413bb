/**
 * The area a content stream paints (ISO 32000-1 §8–9), as page-space rectangles that hold
 * everything a viewer could draw: text shows placed by the text matrix, font size and CTM,
 * images as their CTM unit square, paths by their coordinates, shadings as the clip, form
 * XObjects followed (or their transformed /BBox when they cannot be). Clipping only narrows
 * by boxes that hold the clip path. Bounded in operators, nesting, forms and fonts; what
 * cannot be bounded makes the area unknown, never smaller.
 */
import { concatBytes } from '../../../crypto/bytes.js'
import { YrdError } from '../../../errors.js'
import { readRect, type Rect } from '../appearance/geometry.js'
import type { PdfFile, PdfObject, PdfStream } from '../types.js'
import { IDENTITY, mapRect, matrixOf, multiply, type Matrix } from './affine.js'
import { AreaUnknown, EVERYWHERE, RectSet, type Area } from './area.js'
import {
  NOTHING,
  clipTo,
  initialState,
  newFrame,
  nums,
  stateStep,
  type Frame,
  type GState,
} from './content-state.js'
import { forEachOp, type ContentOp } from './content-tokens.js'
import { DEFAULT_METRICS, UnboundedFont, fontMetrics, type FontMetrics } from './font-metrics.js'
import { numbersOf } from './objects.js'
import { moveLine, showText, type ShowPart } from './text-extent.js'
import { PLAIN } from '../../../shape.js'

type Dict = ReadonlyMap<string, PdfObject>

/** Most operators interpreted for one area, forms included. */
export const MAX_AREA_OPS = 2_000_000
/** Most operators interpreted for all the areas of one file (several signatures, pages). */
export const MAX_FILE_AREA_OPS = 8_000_000

const MAX_FORM_DEPTH = 12
const MAX_FORMS = 2000
const UNIT: Rect = [0, 0, 1, 1]

/** Operators left for each file, so that many signatures or annotations cannot add up. */
const left = new WeakMap<PdfFile, { ops: number }>()

/** Where the content starts: its CTM and clip (page space). */
export interface AreaStart {
  readonly ctm?: Matrix
  readonly clip?: Rect
}

class Interpreter {
  readonly out = new RectSet()
  private ops = 0
  private forms = 0
  private readonly budget: { ops: number }
  private readonly fonts = new Map<string, FontMetrics>()

  constructor(
    private readonly pdf: PdfFile,
    private readonly rev: number,
  ) {
    const known = left.get(pdf)
    this.budget = known ?? { ops: MAX_FILE_AREA_OPS }
    if (!known) left.set(pdf, this.budget)
  }

  private deref(o: PdfObject | undefined): PdfObject | undefined {
    return this.pdf.deref(o, this.rev)
  }

  private resource(res: Dict | undefined, kind: string, name: string): PdfObject | undefined {
    const d = this.deref(res?.get(kind))
    return d?.kind === 'dict' ? d.entries.get(name) : undefined
  }

  data(streams: readonly PdfStream[]): Uint8Array {
    const parts: Uint8Array[] = []
    for (const s of streams) {
      const d = this.pdf.decodeStream(s, this.rev)
      if (d.rawFilter) throw new AreaUnknown(`a content stream is ${d.rawFilter}-encoded`)
      parts.push(d.data, new Uint8Array([0x0a]))
    }
    return concatBytes(...parts)
  }

  run(data: Uint8Array, res: Dict | undefined, gs: GState, depth: number, on: Set<string>) {
    const f = newFrame(gs, res, depth, on)
    forEachOp(data, (o) => {
      if (++this.ops > MAX_AREA_OPS) {
        throw new AreaUnknown(`more than ${MAX_AREA_OPS} content operators`, true)
      }
      if (--this.budget.ops < 0) {
        throw new AreaUnknown(`more than ${MAX_FILE_AREA_OPS} content operators in the file`, true)
      }
      if (!stateStep(f, o)) this.step(f, o)
      return true
    })
  }

  private paint(f: Frame, fill: boolean, stroke: boolean): void {
    const gs = f.gs
    if (fill) for (const r of f.path.fillBoxes()) this.out.add(r, gs.clip)
    if (stroke) for (const r of f.path.strokeBoxes(gs)) this.out.add(r, gs.clip)
    if (f.clipPending) gs.clip = clipTo(gs.clip, f.path.bounds() ?? NOTHING)
    f.clipPending = false
    f.path.clear()
  }

  private step(f: Frame, o: ContentOp): void {
    const gs = f.gs
    switch (o.op) {
      case 'n':
        return this.paint(f, false, false)
      case 'S':
        return this.paint(f, false, true)
      case 's':
        f.path.close()
        return this.paint(f, false, true)
      case 'f':
      case 'F':
      case 'f*':
        return this.paint(f, true, false)
      case 'B':
      case 'B*':
        return this.paint(f, true, true)
      case 'b':
      case 'b*':
        f.path.close()
        return this.paint(f, true, true)
      case 'sh':
        return this.out.add(EVERYWHERE, gs.clip)
      case 'BI':
        return this.out.add(mapRect(gs.ctm, UNIT), gs.clip)
      case 'Do':
        return this.xobject(f, o)
      case 'gs':
        return this.extGState(f, o)
      case 'Tf': {
        const name = o.operands[o.operands.length - 2]
        const size = nums(o, 1)?.[0]
        if (name?.kind !== 'name' || size === undefined) return
        gs.font = this.font(this.resource(f.res, 'Font', name.value))
        gs.size = size
        return
      }
      case 'Tj':
      case "'":
      case '"': {
        const s = o.operands[o.operands.length - 1]
        if (s?.kind !== 'string') return
        if (o.op === '"') {
          const sp = nums({ op: o.op, operands: o.operands.slice(0, -1) }, 2)
          if (sp) [gs.tw, gs.tc] = [sp[0]!, sp[1]!]
        }
        if (o.op !== 'Tj') moveLine(f.pen, 0, -gs.tl)
        return this.show(f, [s.bytes])
      }
      case 'TJ': {
        const a = o.operands[o.operands.length - 1]
        if (a?.kind !== 'array') return
        const parts: ShowPart[] = []
        for (const x of a.items) {
          if (x.kind === 'string') parts.push(x.bytes)
          else if (x.kind === 'number') parts.push(x.value)
        }
        return this.show(f, parts)
      }
    }
  }

  private show(f: Frame, parts: ShowPart[]): void {
    const gs = f.gs
    if (!gs.font) throw new AreaUnknown('text shown before a font is selected')
    const tm = f.pen.tm
    const box = showText({ ...PLAIN, ...gs, font: gs.font }, f.pen, parts)
    if (box) this.out.add(mapRect(multiply(tm, gs.ctm), box), gs.clip)
  }

  private font(entry: PdfObject | undefined): FontMetrics {
    const key = entry?.kind === 'ref' ? `${entry.ref.num} ${entry.ref.gen}` : undefined
    const known = key ? this.fonts.get(key) : undefined
    if (known) return known
    if (!entry) return DEFAULT_METRICS
    const m = fontMetrics(this.pdf, entry, this.rev)
    if (key) this.fonts.set(key, m)
    return m
  }

  private extGState(f: Frame, o: ContentOp): void {
    const name = o.operands[o.operands.length - 1]
    if (name?.kind !== 'name') return
    const d = this.deref(this.resource(f.res, 'ExtGState', name.value))
    if (d?.kind !== 'dict') return
    const num = (k: string) => {
      const x = this.deref(d.entries.get(k))
      return x?.kind === 'number' ? x.value : undefined
    }
    f.gs.lineWidth = Math.abs(num('LW') ?? f.gs.lineWidth)
    f.gs.join = num('LJ') ?? f.gs.join
    f.gs.miter = num('ML') ?? f.gs.miter
    const font = this.deref(d.entries.get('Font'))
    if (font?.kind === 'array' && font.items.length === 2) {
      const size = this.deref(font.items[1])
      f.gs.font = this.font(font.items[0])
      if (size?.kind === 'number') f.gs.size = size.value
    }
  }

  private xobject(f: Frame, o: ContentOp): void {
    const name = o.operands[o.operands.length - 1]
    if (name?.kind !== 'name') return
    const entry = this.resource(f.res, 'XObject', name.value)
    const x = this.deref(entry)
    if (x?.kind !== 'stream') return
    const subtype = this.deref(x.dict.get('Subtype'))
    if (subtype?.kind !== 'name') return
    if (subtype.value === 'Image') return this.out.add(mapRect(f.gs.ctm, UNIT), f.gs.clip)
    if (subtype.value !== 'Form') return
    const key = entry?.kind === 'ref' ? `${entry.ref.num} ${entry.ref.gen}` : `@${x.dataStart}`
    this.form(f, x, key)
  }

  private form(f: Frame, x: PdfStream, key: string): void {
    const gs = f.gs
    const ctm = multiply(matrixOf(numbersOf(this.deref(x.dict.get('Matrix')))) ?? IDENTITY, gs.ctm)
    const bbox = readRect(this.pdf, x.dict.get('BBox'), this.rev)
    const box = bbox ? mapRect(ctm, bbox) : undefined
    const fallback = () => {
      if (!box) throw new AreaUnknown('a form XObject without a /BBox cannot be read')
      this.out.add(box, gs.clip)
    }
    if (f.onPath.has(key) || f.depth >= MAX_FORM_DEPTH || ++this.forms > MAX_FORMS) {
      return fallback()
    }
    const own = this.deref(x.dict.get('Resources'))
    const res = own?.kind === 'dict' ? own.entries : f.res
    const clip = box ? clipTo(gs.clip, box) : gs.clip
    try {
      const data = this.data([x])
      this.run(data, res, { ...PLAIN, ...gs, ctm, clip }, f.depth + 1, new Set([...f.onPath, key]))
    } catch (e) {
      if (e instanceof AreaUnknown && e.fatal) throw e
      if (!(e instanceof YrdError || e instanceof AreaUnknown || e instanceof UnboundedFont)) {
        throw e
      }
      fallback()
    }
  }
}

/**
 * The area that `streams` (drawn in order, as one content) paint with `resources`, from
 * `start` (default: identity CTM, no clip).
 */
export function contentArea(
  pdf: PdfFile,
  streams: readonly PdfStream[],
  resources: Dict | undefined,
  rev: number,
  start: AreaStart = {},
): Area {
  const it = new Interpreter(pdf, rev)
  const gs = initialState(start.ctm ?? IDENTITY, start.clip)
  try {
    it.run(it.data(streams), resources, gs, 0, new Set())
  } catch (e) {
    if (e instanceof AreaUnknown || e instanceof UnboundedFont || e instanceof YrdError) {
      return { known: false, reason: e.message }
    }
    throw e
  }
  return { known: true, rects: it.out.rects }
}
