/**
 * Inline images (ISO 32000-1 §8.9.7): `BI <dictionary> ID <data> EI` inside a content stream.
 * Reads the dictionary (inline-dict.ts), works out how the data decodes and how long it must
 * be, finds where the data ends (inline-end.ts) and returns the image ready to be decoded as
 * an image XObject is. An image that cannot be read becomes a problem, never a silent skip;
 * the scan then goes on after the first plausible `EI`, or stops when there is none.
 */
import { YrdError } from '../../../errors.js'
import { pdfFormat } from '../errors.js'
import type { FilterStep } from '../filters.js'
import type { PdfFile, PdfObject } from '../types.js'
import { readColourSpace } from './colour-space.js'
import type { ContentProblem, InlineStep } from './content-ops.js'
import { readInlineDict } from './inline-dict.js'
import {
  contentFollows,
  eiCandidates,
  findInlineEnd,
  INLINE_END_LIMITS,
  type InlineData,
  type InlinePlan,
  type InlineWork,
} from './inline-end.js'
import { PLAIN } from '../../../shape.js'

type Dict = ReadonlyMap<string, PdfObject>

export type { InlineData } from './inline-end.js'

/** An inline image read from a content stream. */
export interface InlineImage {
  /** The dictionary with full key names, as an image XObject's (see inline-dict.ts). */
  readonly dict: Dict
  /** The data after its filters; null when it is unfiltered and larger than the bound. */
  readonly data: InlineData | null
}

/** What reading inline images needs: the file, the content's resources, the budgets. */
export interface InlineContext extends InlineWork {
  readonly pdf: PdfFile
  readonly rev: number
  readonly resources: Dict | undefined
}

const BITS = new Set([1, 2, 4, 8, 16])

const problemOf = (e: YrdError): ContentProblem => ({ code: e.code, message: e.message })

function positiveInt(obj: PdfObject | undefined): number | undefined {
  return obj?.kind === 'number' && Number.isSafeInteger(obj.value) && obj.value > 0
    ? obj.value
    : undefined
}

/** The filter chain of an inline image (names already expanded). */
function stepsOf(pdf: PdfFile, dict: Dict, rev: number): FilterStep[] {
  const f = pdf.deref(dict.get('Filter'), rev)
  const p = pdf.deref(dict.get('DecodeParms'), rev)
  const names = f === undefined || f.kind === 'null' ? [] : f.kind === 'array' ? f.items : [f]
  const parms = p?.kind === 'array' ? p.items : p ? [p] : []
  if (names.length > 8) throw pdfFormat('filter', 'too many filters', '过滤器过多')
  return names.map((n, i) => {
    const name = pdf.deref(n, rev)
    const q = pdf.deref(parms[i], rev)
    if (name?.kind !== 'name') {
      throw pdfFormat('filter', 'inline image filter is not a name', '内嵌图片过滤器不是名称')
    }
    return { name: name.value, parms: q?.kind === 'dict' ? q.entries : undefined }
  })
}

/** Bytes of the samples: rows of width × components × bits, padded to whole bytes. */
function expectedBytes(pdf: PdfFile, dict: Dict, rev: number): number | undefined {
  const width = positiveInt(pdf.deref(dict.get('Width'), rev))
  const height = positiveInt(pdf.deref(dict.get('Height'), rev))
  if (width === undefined || height === undefined) return undefined
  const mask = pdf.deref(dict.get('ImageMask'), rev)
  let components = 1
  let bits = 1
  if (!(mask?.kind === 'bool' && mask.value)) {
    components = readColourSpace(pdf, dict.get('ColorSpace'), rev)?.components ?? 0
    const bpc = pdf.deref(dict.get('BitsPerComponent'), rev)
    bits = bpc === undefined ? 8 : bpc.kind === 'number' ? bpc.value : 0
    if (components === 0 || !BITS.has(bits)) return undefined
  }
  const total = Math.ceil((width * components * bits) / 8) * height
  return Number.isSafeInteger(total) ? total : undefined
}

/** The plan of an image whose dictionary is read: its filters and the size they must give. */
export function planOf(pdf: PdfFile, dict: Dict, rev: number): InlinePlan {
  const steps = stepsOf(pdf, dict, rev)
  let expected: number | undefined
  try {
    expected = expectedBytes(pdf, dict, rev)
  } catch (e) {
    // an unreadable colour space (a palette stream that does not decode): the size is unknown
    if (!(e instanceof YrdError)) throw e
  }
  return { steps, expected }
}

/**
 * After a malformed image: goes on past the first `EI` that is followed by content text (else
 * the first `EI`), within the search window; with none, the rest of the stream is unreadable.
 */
function resync(data: Uint8Array, from: number, p: ContentProblem): InlineStep<InlineImage> {
  const window = Math.min(data.length, from + INLINE_END_LIMITS.maxData + 1)
  const ends = eiCandidates(data, from, window, INLINE_END_LIMITS.maxCandidates)
  const end = ends.find((e) => contentFollows(data, e + 2)) ?? ends[0]
  return end === undefined
    ? { next: data.length, problem: p, stop: true }
    : { next: end + 2, problem: p }
}

/**
 * Reads the inline image whose `BI` ends at `at` in the content `data` (an {@link
 * InlineReader} for drawOps). Decoding is charged to `ctx.budget`.
 */
export function readInlineImage(
  data: Uint8Array,
  at: number,
  ctx: InlineContext,
): InlineStep<InlineImage> {
  let dict: Dict
  let start: number
  let plan: InlinePlan
  try {
    const head = readInlineDict(data, at, ctx.pdf, ctx.resources, ctx.rev)
    dict = head.dict
    start = head.dataStart
  } catch (e) {
    if (!(e instanceof YrdError)) throw e
    return resync(data, at, problemOf(e))
  }
  try {
    plan = planOf(ctx.pdf, dict, ctx.rev)
  } catch (e) {
    if (!(e instanceof YrdError)) throw e
    return resync(data, start, problemOf(e))
  }
  try {
    const { image, ...rest } = findInlineEnd(data, start, plan, ctx)
    return image === undefined ? rest : { ...PLAIN, ...rest, image: { dict, data: image } }
  } catch (e) {
    if (!(e instanceof YrdError)) throw e
    return { next: data.length, problem: problemOf(e), stop: true }
  }
}
