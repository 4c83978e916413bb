/**
 * Follows what a content stream draws: `Do` of image XObjects, inline images (`BI … EI`), and
 * `Do` of form XObjects whose own content is followed in turn (appearances nest: /FRM → /n0,
 * /n2 → /Im0). Content is read even without /XObject resources: inline images need none.
 * Bounded in depth, in form visits, in images and in the inline image bytes kept; a form
 * already on the path is not entered again.
 */
import { YrdError } from '../../../errors.js'
import type { PdfFile, PdfObject, PdfRef, PdfStream } from '../types.js'
import { drawOps, type DrawOp } from './content-ops.js'
import {
  readInlineImage,
  type InlineContext,
  type InlineData,
  type InlineImage,
} from './inline-image.js'

/** An image XObject drawn by some content, with the way it was reached. */
export interface DrawnXObject {
  readonly kind: 'xobject'
  /** The image XObject's reference (null when it is a direct object). */
  readonly ref: PdfRef | null
  readonly stream: PdfStream
  readonly dict: ReadonlyMap<string, PdfObject>
  /** Resource names from the starting content to the image, e.g. `FRM/n2/Im0`. */
  readonly path: string
}

/** An inline image drawn by some content. */
export interface DrawnInline {
  readonly kind: 'inline'
  readonly ref: null
  /** Full key names, as an image XObject's dictionary (see inline-dict.ts). */
  readonly dict: ReadonlyMap<string, PdfObject>
  /** The data after its filters; null when unfiltered and too large to keep. */
  readonly data: InlineData | null
  /** Identifies the occurrence: the content stream and the offset of `BI` in it. */
  readonly key: string
  /** The forms from the starting content, then `inline#n` (n-th inline image there). */
  readonly path: string
}

/** An image drawn by some content. */
export type DrawnImage = DrawnXObject | DrawnInline

/** Bounds of one walk. */
export interface WalkLimits {
  readonly maxDepth: number
  readonly maxForms: number
  /** Most image XObjects listed. */
  readonly maxImages: number
  /** Most inline images listed (they are small and many: glyphs, scanned strips). */
  readonly maxInlineImages: number
  /** Most bytes of decoded inline image data kept. */
  readonly maxInlineBytes: number
  /** Most encoded bytes read by attempts to find where inline images end. */
  readonly maxInlineWork: number
}

export const DEFAULT_WALK_LIMITS: WalkLimits = {
  maxDepth: 12,
  maxForms: 256,
  maxImages: 256,
  maxInlineImages: 4096,
  maxInlineBytes: 64 * 1024 * 1024,
  maxInlineWork: 128 * 1024 * 1024,
}

/** The images found and the problems met on the way (unreadable streams, bounds reached). */
export interface WalkResult {
  readonly images: DrawnImage[]
  readonly problems: { readonly code: string; readonly message: string }[]
}

type Dict = ReadonlyMap<string, PdfObject>

const join = (path: string, name: string) => (path === '' ? name : `${path}/${name}`)

/** The state of one walk: what it found, what it used of its bounds. */
class Walk {
  readonly out: WalkResult = { images: [], problems: [] }
  private forms = 0
  private xobjects = 0
  private inlineCount = 0
  private bytes = 0
  private work: number
  private readonly seen = new Set<string>()

  constructor(
    private readonly pdf: PdfFile,
    private readonly rev: number,
    private readonly limits: WalkLimits,
  ) {
    this.work = limits.maxInlineWork
  }

  private note(code: string, message: string): void {
    if (this.out.problems.length < 100) this.out.problems.push({ code, message })
  }

  private noteError(e: unknown): void {
    if (!(e instanceof YrdError)) throw e
    this.note(e.code, e.message)
  }

  /** What one stream draws; inline image decoding is charged to the file afterwards. */
  private scan(s: PdfStream, res: Dict | undefined): DrawOp<InlineImage>[] {
    const { pdf, rev, limits } = this
    let data: Uint8Array
    try {
      data = pdf.decodeStream(s, rev).data
    } catch (e) {
      this.noteError(e)
      return []
    }
    const { perStream, remaining } = pdf.decodeBudget
    const ctx: InlineContext = {
      pdf,
      rev,
      resources: res,
      budget: { perStream, remaining },
      work: this.work,
    }
    const found = drawOps(data, {
      maxDo: limits.maxImages * 16,
      maxInline: limits.maxInlineImages,
      inline: (d, at) => readInlineImage(d, at, ctx),
    })
    this.work = ctx.work
    for (const p of found.problems) this.note(p.code, p.message)
    try {
      pdf.chargeDecoded(remaining - ctx.budget.remaining)
    } catch (e) {
      this.noteError(e)
    }
    return found.ops
  }

  /** Lists an inline image; false when a bound is reached (the walk then stops). */
  private inline(image: InlineImage, key: string, path: string): boolean {
    const { limits } = this
    if (this.seen.has(key)) return true
    const size = image.data?.data.length ?? 0
    if (this.inlineCount >= limits.maxInlineImages || this.bytes + size > limits.maxInlineBytes) {
      this.note(
        'limit.pdf.appearance-inline-images',
        `more than ${limits.maxInlineImages} inline images or ${limits.maxInlineBytes} bytes ` +
          `of them drawn / 绘制的内嵌图片超过 ${limits.maxInlineImages} 张或 ` +
          `${limits.maxInlineBytes} 字节`,
      )
      return false
    }
    this.seen.add(key)
    this.inlineCount++
    this.bytes += size
    this.out.images.push({
      kind: 'inline',
      ref: null,
      dict: image.dict,
      data: image.data,
      key,
      path,
    })
    return true
  }

  visit(
    streams: readonly PdfStream[],
    res: Dict | undefined,
    path: string,
    depth: number,
    onPath: ReadonlySet<string>,
  ): void {
    const { pdf, rev, limits, seen } = this
    const xobjects = pdf.deref(res?.get('XObject'), rev)
    let n = 0
    for (const s of streams) {
      for (const op of this.scan(s, res)) {
        if (op.kind === 'inline') {
          if (!this.inline(op.image, `@${s.dataStart}#${op.offset}`, join(path, `inline#${++n}`))) {
            return
          }
          continue
        }
        if (xobjects?.kind !== 'dict') continue
        if (this.xobjects >= limits.maxImages) {
          this.note('limit.pdf.appearance-images', `more than ${limits.maxImages} images drawn`)
          return
        }
        const name = op.name
        const entry = xobjects.entries.get(name)
        const ref = entry?.kind === 'ref' ? entry.ref : null
        const obj = pdf.deref(entry, rev)
        if (obj?.kind !== 'stream') continue
        const subtype = pdf.deref(obj.dict.get('Subtype'), rev)
        const here = join(path, name)
        const key = ref ? `${ref.num} ${ref.gen}` : `@${obj.dataStart}`
        if (subtype?.kind === 'name' && subtype.value === 'Image') {
          if (!seen.has(key)) {
            seen.add(key)
            this.xobjects++
            this.out.images.push({ kind: 'xobject', ref, stream: obj, dict: obj.dict, path: here })
          }
        } else if (subtype?.kind === 'name' && subtype.value === 'Form') {
          if (onPath.has(key)) continue
          if (depth >= limits.maxDepth || this.forms >= limits.maxForms) {
            this.note(
              'limit.pdf.appearance-forms',
              `form XObjects nest deeper than the bound at ${here}`,
            )
            continue
          }
          this.forms++
          const own = pdf.deref(obj.dict.get('Resources'), rev)
          const formRes = own?.kind === 'dict' ? own.entries : res
          this.visit([obj], formRes, here, depth + 1, new Set([...onPath, key]))
        }
      }
    }
  }
}

/**
 * Collects the images drawn by `contents` (one stream or several, as a page's /Contents)
 * with `resources`, following form XObjects.
 */
export function imagesDrawn(
  pdf: PdfFile,
  contents: readonly PdfStream[],
  resources: Dict | undefined,
  rev: number,
  limits: WalkLimits = DEFAULT_WALK_LIMITS,
): WalkResult {
  const walk = new Walk(pdf, rev, limits)
  walk.visit(contents, resources, '', 0, new Set())
  return walk.out
}
