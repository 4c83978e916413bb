/**
 * Where the data of an inline image ends. Without a filter its size is known from /Width,
 * /Height, /BitsPerComponent and the colour space, and `EI` must follow it. With a filter the
 * data ends before an `EI` preceded by whitespace and followed by whitespace or the end of the
 * stream; such bytes can also occur inside the data, so each candidate end (a bounded number,
 * within a bounded window) is tried by decoding the data up to it: the end is the first
 * candidate whose data decodes to the whole image and after which the stream reads as
 * operators again, else the first whose data decodes; when no `EI` ends decodable data, the
 * data running to the end of the stream is tried, as viewers read it. Every decode goes
 * through the file's decode budget, and the bytes decode attempts read are bounded; a search
 * that reaches a bound before it finds the end is a `limit.*` error, never a guess.
 */
import { LimitError, YrdError } from '../../../errors.js'
import { isWhite } from '../chars.js'
import { pdfFormat, pdfLimit } from '../errors.js'
import { applyFilters, type FilterStep } from '../filters.js'
import type { DecodeBudget } from '../output.js'
import type { ContentProblem, InlineStep } from './content-ops.js'
import { PLAIN } from '../../../shape.js'

/** Image data after its filters (an image codec's data kept, with the codec's name). */
export interface InlineData {
  readonly data: Uint8Array
  readonly rawFilter?: string
}

/** How the data of one inline image is decoded and how long it must be. */
export interface InlinePlan {
  readonly steps: readonly FilterStep[]
  /** Bytes the samples take after the filters, when the dictionary tells. */
  readonly expected: number | undefined
}

/** The decode budget and the bytes decode attempts may still read (shared by one walk). */
export interface InlineWork {
  readonly budget: DecodeBudget
  work: number
}

/** Bounds of the search for the end of one inline image. */
export const INLINE_END_LIMITS = {
  /** Largest encoded data searched for its end; unfiltered data beyond is not kept. */
  maxData: 16 * 1024 * 1024,
  /** Most candidate `EI` tried. */
  maxCandidates: 16,
  /** Bytes after a candidate `EI` that must read as content text. */
  lookAhead: 16,
} as const

type Attempt = { readonly data: InlineData } | { readonly error: YrdError }

const problem = (e: YrdError): ContentProblem => ({ code: e.code, message: e.message })

/** True when the bytes from `at` look like content operators (printable text), or none. */
export function contentFollows(data: Uint8Array, at: number): boolean {
  const end = Math.min(data.length, at + INLINE_END_LIMITS.lookAhead)
  for (let i = at; i < end; i++) {
    const b = data[i]!
    if (!(b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || (b >= 0x20 && b <= 0x7e))) {
      return false
    }
  }
  return true
}

/** Index just past an `EI` that is the next token from `at` (whitespace skipped), or -1. */
function eiAt(data: Uint8Array, at: number): number {
  let p = at
  while (p < data.length && isWhite(data[p])) p++
  if (data[p] !== 0x45 || data[p + 1] !== 0x49) return -1
  return p + 2 === data.length || isWhite(data[p + 2]) ? p + 2 : -1
}

/** Positions of `EI` tokens in `data[from, to)`: whitespace before, whitespace or end after. */
export function eiCandidates(data: Uint8Array, from: number, to: number, max: number): number[] {
  const out: number[] = []
  const window = data.subarray(0, Math.min(to + 1, data.length))
  for (let p = window.indexOf(0x45, from); p >= 0 && p < to; p = window.indexOf(0x45, p + 1)) {
    if (data[p + 1] !== 0x49 || !isWhite(data[p - 1])) continue
    if (p + 2 < data.length && !isWhite(data[p + 2])) continue
    out.push(p)
    if (out.length >= max) break
  }
  return out
}

function keep(data: Uint8Array, content: Uint8Array): Uint8Array {
  // data still inside the content stream is copied, so that the stream is not retained
  return data.buffer === content.buffer ? data.slice() : data
}

function complete(out: InlineData, plan: InlinePlan): boolean {
  const codec = out.rawFilter
  if (codec === undefined) return plan.expected === undefined || out.data.length >= plan.expected
  if (codec !== 'DCTDecode') return true
  const d = out.data
  let end = d.length
  while (end > 0 && isWhite(d[end - 1])) end--
  return d[0] === 0xff && d[1] === 0xd8 && d[end - 2] === 0xff && d[end - 1] === 0xd9
}

/** Decodes `bytes` as the image data; a LimitError (a bound of the file) propagates. */
function attempt(bytes: Uint8Array, plan: InlinePlan, w: InlineWork): Attempt {
  if (bytes.length > w.work) {
    throw pdfLimit(
      'inline-image-search',
      'finding where inline images end needs more decoding than the bound',
      '查找内嵌图片结尾所需的解码量超过上限',
    )
  }
  w.work -= bytes.length
  try {
    const out = applyFilters(bytes, plan.steps, w.budget)
    if (complete(out, plan)) return { data: out }
    return {
      error: pdfFormat(
        'inline-image',
        `inline image data decodes to ${out.data.length} of ${plan.expected ?? '?'} bytes`,
        `内嵌图片数据解码后仅 ${out.data.length} 字节，应为 ${plan.expected ?? '?'} 字节`,
      ),
    }
  } catch (e) {
    if (e instanceof LimitError || !(e instanceof YrdError)) throw e
    return { error: e }
  }
}

/**
 * Finds the end of the data starting at `start` and decodes it. The step's `next` is the index
 * just past the `EI` (or the end of the stream); its image is null for unfiltered data larger
 * than the bound, whose end is known but which is not kept. Throws a LimitError past a bound
 * of the file or of the search: the rest of the stream cannot then be read.
 */
export function findInlineEnd(
  data: Uint8Array,
  start: number,
  plan: InlinePlan,
  w: InlineWork,
): InlineStep<InlineData | null> {
  const max = INLINE_END_LIMITS.maxData
  let note: ContentProblem | undefined
  if (plan.steps.length === 0 && plan.expected !== undefined) {
    const end = start + plan.expected
    const next = end <= data.length ? eiAt(data, end) : -1
    if (next >= 0) {
      return { next, image: plan.expected <= max ? { data: data.slice(start, end) } : null }
    }
    note = problem(
      pdfFormat(
        'inline-image-end',
        'inline image data does not end with EI where its size says',
        '内嵌图片数据未在其尺寸所示位置以 EI 结束',
      ),
    )
  }
  const window = Math.min(data.length, start + max + 1)
  const ends = eiCandidates(data, start, window, INLINE_END_LIMITS.maxCandidates)
  const tried: Attempt[] = []
  for (const [k, p] of ends.entries()) {
    const a = (tried[k] = attempt(data.subarray(start, Math.max(start, p - 1)), plan, w))
    if ('data' in a && contentFollows(data, p + 2)) return accept(a.data, p + 2, data, note)
  }
  for (const [k, a] of tried.entries()) {
    if ('data' in a) return accept(a.data, ends[k]! + 2, data, note)
  }
  if (ends.length >= INLINE_END_LIMITS.maxCandidates) {
    // a later EI may end the data: reading on to the end of the stream could hide content
    throw pdfLimit(
      'inline-image-search',
      `none of the first ${ends.length} possible ends of an inline image ends its data`,
      `内嵌图片的前 ${ends.length} 个可能结尾均不是其数据的结尾`,
    )
  }
  const noEnd = pdfFormat(
    'inline-image-end',
    'inline image data is not ended by EI',
    '内嵌图片数据没有以 EI 结束',
  )
  if (window === data.length) {
    const a = attempt(data.subarray(start), plan, w)
    if ('data' in a) return accept(a.data, data.length, data, problem(noEnd))
  }
  const first = tried[0]
  if (first && 'error' in first) return { next: ends[0]! + 2, problem: problem(first.error) }
  if (window < data.length) {
    throw pdfLimit(
      'inline-image-size',
      `inline image data longer than ${max} bytes`,
      `内嵌图片数据超过 ${max} 字节`,
    )
  }
  return { next: data.length, problem: problem(noEnd), stop: true }
}

function accept(
  out: InlineData,
  next: number,
  content: Uint8Array,
  note: ContentProblem | undefined,
): InlineStep<InlineData> {
  const image = { ...PLAIN, ...out, data: keep(out.data, content) }
  return note ? { next, image, problem: note } : { next, image }
}
