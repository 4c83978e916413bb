/**
 * Follows what a content stream draws: `Do` of image XObjects, and of form XObjects whose
 * own content is followed in turn (appearances nest: /FRM → /n0, /n2 → /Im0). Bounded in
 * depth, in form visits and in images; a form already on the path is not entered again.
 */
import { YrdError } from '../../../errors.js'
import type { PdfFile, PdfObject, PdfRef, PdfStream } from '../types.js'
import { xobjectNamesDrawn } from './content-ops.js'

/** An image drawn by some content, with the way it was reached. */
export interface DrawnImage {
  /** The image XObject's reference (null when it is a direct object). */
  readonly ref: PdfRef | null
  readonly stream: PdfStream
  /** Resource names from the starting content to the image, e.g. `FRM/n2/Im0`. */
  readonly path: string
}

/** Bounds of one walk. */
export interface WalkLimits {
  readonly maxDepth: number
  readonly maxForms: number
  readonly maxImages: number
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxDepth: 12, maxForms: 256, maxImages: 256 }

/** The images found and the problems met on the way (unreadable streams, bounds reached). */
export interface WalkResult {
  readonly images: DrawnImage[]
  readonly problems: { readonly code: string; readonly message: string }[]
}

type Dict = ReadonlyMap<string, PdfObject>

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
  const out: WalkResult = { images: [], problems: [] }
  const state = { forms: 0, seen: new Set<string>() }
  const note = (code: string, message: string) => {
    if (out.problems.length < 100) out.problems.push({ code, message })
  }

  const names = (streams: readonly PdfStream[]): string[] => {
    const all: string[] = []
    for (const s of streams) {
      try {
        all.push(...xobjectNamesDrawn(pdf.decodeStream(s, rev).data, limits.maxImages * 4))
      } catch (e) {
        if (!(e instanceof YrdError)) throw e
        note(e.code, e.message)
      }
    }
    return all
  }

  const visit = (
    streams: readonly PdfStream[],
    res: Dict | undefined,
    path: string,
    depth: number,
    onPath: ReadonlySet<string>,
  ) => {
    const xobjects = pdf.deref(res?.get('XObject'), rev)
    if (xobjects?.kind !== 'dict') return
    for (const name of names(streams)) {
      if (out.images.length >= limits.maxImages) {
        note('limit.pdf.appearance-images', `more than ${limits.maxImages} images drawn`)
        return
      }
      const entry = xobjects.entries.get(name)
      const ref = entry?.kind === 'ref' ? entry.ref : null
      const obj = pdf.deref(entry, rev)
      if (obj?.kind !== 'stream') continue
      const subtype = pdf.deref(obj.dict.get('Subtype'), rev)
      const here = path === '' ? name : `${path}/${name}`
      if (subtype?.kind === 'name' && subtype.value === 'Image') {
        const key = ref ? `${ref.num} ${ref.gen}` : `@${obj.dataStart}`
        if (!state.seen.has(key)) {
          state.seen.add(key)
          out.images.push({ ref, stream: obj, path: here })
        }
      } else if (subtype?.kind === 'name' && subtype.value === 'Form') {
        const key = ref ? `${ref.num} ${ref.gen}` : `@${obj.dataStart}`
        if (onPath.has(key)) continue
        if (depth >= limits.maxDepth || state.forms >= limits.maxForms) {
          note('limit.pdf.appearance-forms', `form XObjects nest deeper than the bound at ${here}`)
          continue
        }
        state.forms++
        const own = pdf.deref(obj.dict.get('Resources'), rev)
        const formRes = own?.kind === 'dict' ? own.entries : res
        visit([obj], formRes, here, depth + 1, new Set([...onPath, key]))
      }
    }
  }

  visit(contents, resources, '', 0, new Set())
  return out
}
