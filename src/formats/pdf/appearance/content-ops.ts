/**
 * A minimal scanner of content streams (ISO 32000-1 §7.8.2): it finds what a stream draws as
 * pictures, in order: the XObjects of `/Name Do` and the inline images of `BI … ID … EI`. It
 * skips strings, comments and dictionaries so that their bytes are never mistaken for
 * operators, and hands every inline image to a reader that knows where its data ends. It
 * interprets nothing else.
 */

/** Byte classes: regular characters, white space, delimiters. */
const REGULAR = 0
const WHITE = 1
const DELIM = 2
const CLASS = new Uint8Array(256)
for (const b of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[b] = WHITE
for (const b of [0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]) CLASS[b] = DELIM

/** Index of the first byte at or after `j` that is not a regular character. */
function regularEnd(d: Uint8Array, j: number): number {
  const n = d.length
  while (j < n && CLASS[d[j]!] === REGULAR) j++
  return j
}

/** Something the scan could not read, or a bound it reached (`limit.*` codes). */
export interface ContentProblem {
  readonly code: string
  readonly message: string
}

/** What one inline image reader call found; `next` is where the scan goes on. */
export interface InlineStep<I> {
  readonly next: number
  readonly image?: I
  readonly problem?: ContentProblem
  /** The rest of the stream cannot be read as operators (its end is unknown). */
  readonly stop?: boolean
}

/** Reads the inline image whose `BI` ends at `at` (the index just past `BI`). */
export type InlineReader<I> = (data: Uint8Array, at: number) => InlineStep<I>

/** One picture drawn, in drawing order. */
export type DrawOp<I> =
  | { readonly kind: 'xobject'; readonly name: string }
  | { readonly kind: 'inline'; readonly image: I; readonly offset: number }

/** Bounds and the inline image reader of one scan. */
export interface ScanOptions<I> {
  /** Most `Do` operators listed; past it the scan stops with a `limit.*` problem. */
  readonly maxDo: number
  /** Most inline images read; past it the scan stops with a `limit.*` problem. */
  readonly maxInline: number
  readonly inline: InlineReader<I>
}

/** Decodes a name token's `#xx` escapes; the name is read as Latin-1 text. */
function nameText(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === 0x23 && i + 2 < bytes.length) {
      const v = Number.parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16)
      if (!Number.isNaN(v)) {
        out += String.fromCharCode(v)
        i += 2
        continue
      }
    }
    out += String.fromCharCode(b)
  }
  return out
}

/** Candidates of a pair `mayDraw` looks at before it leaves the question to the scan. */
const MAX_PAIR_CANDIDATES = 64

/** Whether `data` holds the byte pair `a b`; also true past the candidate bound. */
function hasPair(data: Uint8Array, a: number, b: number): boolean {
  let k = data.indexOf(b, 1)
  for (let n = 0; k >= 0; n++) {
    if (data[k - 1] === a || n >= MAX_PAIR_CANDIDATES) return true
    k = data.indexOf(b, k + 1)
  }
  return false
}

/**
 * Whether a scan could find anything: pictures and problems come only from `Do` and `BI`
 * operators, so a stream without those byte pairs anywhere draws nothing.
 */
function mayDraw(data: Uint8Array): boolean {
  return hasPair(data, 0x44, 0x6f) || hasPair(data, 0x42, 0x49)
}

/** Index just past the literal string starting at `i` (on its '('). */
function skipLiteral(d: Uint8Array, i: number): number {
  let depth = 0
  for (; i < d.length; i++) {
    const b = d[i]!
    if (b === 0x5c) i++
    else if (b === 0x28) depth++
    else if (b === 0x29 && --depth === 0) return i + 1
  }
  return d.length
}

/**
 * The pictures a content stream draws, in drawing order, and the problems met. Each loop step
 * moves forward, and the inline reader must return a `next` beyond `at`, so the scan is linear
 * in the stream's length plus what the reader does.
 * @example
 * const ops = drawOps(new TextEncoder().encode('q 10 0 0 10 0 0 cm /Im0 Do Q'), {
 *   maxDo: 100,
 *   maxInline: 100,
 *   inline: (_, at) => ({ next: at, stop: true }),
 * }).ops // [{ kind: 'xobject', name: 'Im0' }]
 */
export function drawOps<I>(
  data: Uint8Array,
  options: ScanOptions<I>,
): { ops: DrawOp<I>[]; problems: ContentProblem[] } {
  const ops: DrawOp<I>[] = []
  const problems: ContentProblem[] = []
  if (!mayDraw(data)) return { ops, problems }
  const n = data.length
  let drawn = 0
  let inline = 0
  // The name token just before, as a range of `data` (start -1: none); decoded only for Do.
  let nameStart = -1
  let nameEnd = -1
  let i = 0
  while (i < n) {
    const b = data[i]!
    const c = CLASS[b]
    if (c === WHITE) {
      i++
    } else if (b === 0x25) {
      while (i < n && data[i] !== 0x0a && data[i] !== 0x0d) i++
    } else if (b === 0x28) {
      i = skipLiteral(data, i)
      nameStart = -1
    } else if (b === 0x2f) {
      const j = regularEnd(data, i + 1)
      nameStart = i + 1
      nameEnd = j
      i = j
    } else if (b === 0x3c || b === 0x3e || b === 0x5b || b === 0x5d || b === 0x7b || b === 0x7d) {
      if (b === 0x3c && data[i + 1] !== 0x3c) {
        const k = data.indexOf(0x3e, i)
        i = k < 0 ? n : k
      }
      i++
      nameStart = -1
    } else {
      let j = c === REGULAR ? regularEnd(data, i + 1) : i + 1
      if (j - i === 2) {
        const b1 = data[i + 1]!
        if (b === 0x44 && b1 === 0x6f && nameStart >= 0) {
          // Do
          if (drawn >= options.maxDo) {
            problems.push({
              code: 'limit.pdf.content-draws',
              message:
                `more than ${options.maxDo} XObjects drawn by one content stream / ` +
                `一个内容流绘制的外部对象超过 ${options.maxDo} 个`,
            })
            break
          }
          ops.push({ kind: 'xobject', name: nameText(data.subarray(nameStart, nameEnd)) })
          drawn++
        } else if (b === 0x42 && b1 === 0x49) {
          // BI
          if (inline >= options.maxInline) {
            problems.push({
              code: 'limit.pdf.inline-images',
              message:
                `more than ${options.maxInline} inline images in one content stream / ` +
                `一个内容流中的内嵌图片超过 ${options.maxInline} 张`,
            })
            break
          }
          inline++
          const step = options.inline(data, j)
          if (step.problem) problems.push(step.problem)
          if (step.image !== undefined) ops.push({ kind: 'inline', image: step.image, offset: i })
          if (step.stop) break
          j = Math.max(j, step.next)
        }
      }
      nameStart = -1
      i = j
    }
  }
  return { ops, problems }
}
