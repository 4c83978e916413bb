/**
 * Decoded seal pictures remembered across documents. The licences of one issuer draw the same
 * stamp image, so a verifier decodes it once. The key is a digest of everything decoding reads:
 * the entries of the image dictionary that decoding uses, resolved in full (colour space with
 * its profiles and palettes, masks, filters and their parameters), and the raw bytes of every
 * stream reached from them, so equal keys mean equal inputs and equal pixels. A hit is charged
 * to the file's decode budget as the decode was, and is taken only when that budget would have
 * allowed the decode: the verdict is the one a miss gives.
 */
import { createHasher, type Hasher } from '../../../crypto/hash.js'
import { YrdError } from '../../../errors.js'
import { toHex } from '../../../crypto/bytes.js'
import type { BoundedCache } from '../../../pki/cache.js'
import type { PdfFile, PdfObject, PdfStream } from '../types.js'
import { decodeImageXObject } from './image-xobject.js'
import { toPicture, type DecodedPicture } from './picture.js'

/** A cached decode: the picture, what it cost the budget, the per-stream bound it met. */
export interface CachedPicture {
  readonly picture: DecodedPicture
  readonly charged: number
  readonly perStream: number
}

/** Where a verifier keeps decoded pictures. */
export type PictureCache = BoundedCache<CachedPicture>

/** Largest raster kept (RGBA bytes): seal pictures, not page scans. */
export const MAX_CACHED_RASTER = 1024 * 1024
/** Most dictionary nodes and raw stream bytes a key covers; beyond, nothing is cached. */
const MAX_KEY_NODES = 4096
const MAX_KEY_BYTES = 4 * 1024 * 1024
/** The entries of an image (or mask) dictionary that decoding reads; others are not followed. */
const IMAGE_KEYS: ReadonlySet<string> = new Set([
  'Width',
  'Height',
  'W',
  'H',
  'ImageMask',
  'ColorSpace',
  'BitsPerComponent',
  'Decode',
  'SMask',
  'Mask',
  'Filter',
  'DecodeParms',
])

interface KeyState {
  readonly h: Hasher
  readonly pdf: PdfFile
  readonly rev: number
  nodes: number
  bytes: number
  /** Structure text not yet hashed (hashed in one piece before raw bytes and at the end). */
  text: string
}

const enc = new TextEncoder()

function put(st: KeyState, text: string): void {
  st.text += text
}

function flush(st: KeyState): void {
  if (st.text.length === 0) return
  st.h.update(enc.encode(st.text))
  st.text = ''
}

/** Feeds `obj`, references resolved, to the hash; false when the key would be too large. */
function feed(st: KeyState, obj: PdfObject | undefined, path: readonly string[]): boolean {
  if (++st.nodes > MAX_KEY_NODES || path.length > 32) return false
  if (obj === undefined) {
    put(st, 'u;')
    return true
  }
  switch (obj.kind) {
    case 'null':
      put(st, 'n;')
      return true
    case 'bool':
      put(st, obj.value ? 't;' : 'f;')
      return true
    case 'number':
      put(st, `d${obj.value};`)
      return true
    case 'name':
      put(st, `/${obj.value.length}:${obj.value};`)
      return true
    case 'string':
      put(st, `s${toHex(obj.bytes)};`)
      return true
    case 'ref': {
      const id = `${obj.ref.num} ${obj.ref.gen}`
      // A reference back into the path is a cycle: name it instead of following it.
      if (path.includes(id)) {
        put(st, `c${path.length - path.indexOf(id)};`)
        return true
      }
      return feed(st, st.pdf.deref(obj, st.rev), [...path, id])
    }
    case 'array':
      put(st, `[${obj.items.length};`)
      return obj.items.every((item) => feed(st, item, path))
    case 'dict':
      return feedDict(st, obj.entries, path)
    case 'stream': {
      const sub = obj.dict.get('Subtype')
      const image = sub?.kind === 'name' && sub.value === 'Image'
      if (!feedDict(st, obj.dict, path, image ? IMAGE_KEYS : undefined)) return false
      const end = Math.max(obj.dataStart, obj.dataEnd)
      st.bytes += end - obj.dataStart
      if (st.bytes > MAX_KEY_BYTES) return false
      st.pdf.ensure(obj.dataStart, end)
      put(st, `b${end - obj.dataStart};`)
      flush(st)
      st.h.update(st.pdf.bytes.subarray(obj.dataStart, end))
      return true
    }
  }
}

function feedDict(
  st: KeyState,
  entries: ReadonlyMap<string, PdfObject>,
  path: readonly string[],
  only?: ReadonlySet<string>,
): boolean {
  const keys = [...entries.keys()].filter((k) => !only || only.has(k)).sort()
  put(st, `<${keys.length};`)
  for (const k of keys) {
    put(st, `/${k.length}:${k};`)
    if (!feed(st, entries.get(k), path)) return false
  }
  return true
}

/**
 * The content key of an image XObject, or undefined when it is too large to key or an object it
 * reaches cannot be read (decoding then decides).
 */
export function imageKey(pdf: PdfFile, stream: PdfStream, rev: number): string | undefined {
  const st: KeyState = { h: createHasher('SHA-256'), pdf, rev, nodes: 0, bytes: 0, text: '' }
  put(st, 'yrd-image-xobject@1;')
  try {
    if (!feed(st, stream, [])) return undefined
  } catch (e) {
    if (e instanceof YrdError) return undefined
    throw e
  }
  flush(st)
  return toHex(st.h.digest())
}

/**
 * The picture of an image XObject, decoded or taken from `cache` (see the file comment).
 * Throws what decoding throws.
 */
export function pictureOfImage(
  pdf: PdfFile,
  stream: PdfStream,
  rev: number,
  cache?: PictureCache,
): DecodedPicture {
  // The key is computed with or without a cache: reading the objects it covers may note reader
  // problems, and a verifier and a plain verify() must note the same ones.
  const key = imageKey(pdf, stream, rev)
  if (!cache || key === undefined) return toPicture(decodeImageXObject(pdf, stream, rev))
  const budget = pdf.decodeBudget
  const hit = cache.get(key)
  if (hit && budget.perStream >= hit.perStream && budget.remaining >= hit.charged) {
    pdf.chargeDecoded(hit.charged)
    return hit.picture
  }
  const image = decodeImageXObject(pdf, stream, rev)
  const charged = budget.remaining - pdf.decodeBudget.remaining
  const picture = toPicture(image)
  if (image.kind === 'raster' && image.raster.rgba.length <= MAX_CACHED_RASTER) {
    cache.set(key, { picture, charged, perStream: budget.perStream })
  }
  return picture
}
