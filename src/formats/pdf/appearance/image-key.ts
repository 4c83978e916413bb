/**
 * The key of the picture cache (image-cache.ts): everything decoding an image XObject reads,
 * as one byte sequence. It holds the entries of the image dictionary that decoding uses,
 * resolved in full (colour space with its profiles and palettes, masks, filters and their
 * parameters), and the raw bytes of every stream reached from them. Each node is a tag byte;
 * counts and lengths take 4 bytes, numbers their 8 IEEE bytes, names their UTF-16 units (one
 * byte below 0xff, else 0xff and two bytes), strings and stream data their bytes after their
 * length. A small input is kept whole and compared on a hit; a larger one is keyed by its
 * SHA-256.
 */
import { createHasher, type Hasher } from '../../../crypto/hash.js'
import { YrdError } from '../../../errors.js'
import type { PdfFile, PdfObject, PdfStream } from '../types.js'

/** Most dictionary nodes and raw stream and string bytes a key covers; beyond, no key. */
const MAX_KEY_NODES = 4096
const MAX_KEY_BYTES = 4 * 1024 * 1024
/** Most references followed inside each other. */
const MAX_KEY_DEPTH = 32
/** Inputs up to this size are kept whole (with their cache entry); larger ones are hashed. */
export const MAX_EXACT_INPUT = 64 * 1024
/** The entries of an image (or mask) dictionary that decoding reads, in key order. */
const IMAGE_KEYS: readonly string[] = [
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
].sort()
const IMAGE_KEY_INDEX = new Map(IMAGE_KEYS.map((k, i) => [k, i]))

const TAG = new TextEncoder().encode('yrd-image-xobject@2;')

/** A cache key: `e` with the input's length and fingerprint, or `s` with its SHA-256. */
export interface ImageKey {
  readonly id: string
  /**
   * The whole input of an `e` key. It is a view of a buffer the next key reuses: compare or
   * copy it before computing another key.
   */
  readonly input: Uint8Array | undefined
}

interface KeyState {
  readonly pdf: PdfFile
  readonly rev: number
  nodes: number
  bytes: number
  /** Input bytes not yet hashed: `buf[0..len)`. */
  buf: Uint8Array
  view: DataView
  len: number
  /** Created once the input outgrows MAX_EXACT_INPUT. */
  h: Hasher | undefined
  /** Number and generation of each reference being followed, outermost first. */
  readonly path: number[]
}

/** The buffer keys are built in, kept between keys (they are built one at a time). */
let scratch: { buf: Uint8Array; view: DataView } = newBuffer(1024)

function newBuffer(size: number): { buf: Uint8Array; view: DataView } {
  const buf = new Uint8Array(size)
  return { buf, view: new DataView(buf.buffer) }
}

/** Hands the buffered bytes to the hasher (created on first use). */
function spill(st: KeyState): Hasher {
  st.h ??= createHasher('SHA-256')
  if (st.len > 0) st.h.update(st.buf.subarray(0, st.len))
  st.len = 0
  return st.h
}

/** Makes room for `n` more bytes in the buffer. */
function room(st: KeyState, n: number): void {
  if (st.len + n > MAX_EXACT_INPUT) spill(st)
  if (st.len + n <= st.buf.length) return
  const need = st.len + n
  const next = newBuffer(
    need > MAX_EXACT_INPUT ? need : Math.min(MAX_EXACT_INPUT, Math.max(st.buf.length * 2, need)),
  )
  next.buf.set(st.buf.subarray(0, st.len))
  st.buf = next.buf
  st.view = next.view
}

function putTag(st: KeyState, tag: number): void {
  room(st, 1)
  st.buf[st.len++] = tag
}

function putCount(st: KeyState, tag: number, n: number): void {
  room(st, 5)
  st.buf[st.len] = tag
  st.view.setUint32(st.len + 1, n)
  st.len += 5
}

function putName(st: KeyState, name: string): void {
  putCount(st, 0x2f, name.length)
  room(st, name.length * 3)
  const buf = st.buf
  let at = st.len
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i)
    if (c < 0xff) {
      buf[at++] = c
    } else {
      buf[at++] = 0xff
      buf[at++] = c >> 8
      buf[at++] = c & 0xff
    }
  }
  st.len = at
}

/** Length-prefixed bytes; false when the key would cover too many. */
function putBytes(st: KeyState, tag: number, bytes: Uint8Array): boolean {
  st.bytes += bytes.length
  if (st.bytes > MAX_KEY_BYTES) return false
  putCount(st, tag, bytes.length)
  if (st.h === undefined && st.len + bytes.length <= MAX_EXACT_INPUT) {
    room(st, bytes.length)
    st.buf.set(bytes, st.len)
    st.len += bytes.length
  } else {
    spill(st).update(bytes)
  }
  return true
}

/** Adds `obj`, references resolved; false when the key would be too large. */
function feed(st: KeyState, obj: PdfObject | undefined): boolean {
  if (++st.nodes > MAX_KEY_NODES || st.path.length > 2 * MAX_KEY_DEPTH) return false
  if (obj === undefined) {
    putTag(st, 0x75)
    return true
  }
  switch (obj.kind) {
    case 'null':
      putTag(st, 0x6e)
      return true
    case 'bool':
      putTag(st, obj.value ? 0x74 : 0x66)
      return true
    case 'number':
      room(st, 9)
      st.buf[st.len] = 0x64
      st.view.setFloat64(st.len + 1, obj.value)
      st.len += 9
      return true
    case 'name':
      putName(st, obj.value)
      return true
    case 'string':
      return putBytes(st, 0x73, obj.bytes)
    case 'ref': {
      const { num, gen } = obj.ref
      const path = st.path
      // A reference back into the path is a cycle: name it instead of following it.
      for (let i = 0; i < path.length; i += 2) {
        if (path[i] === num && path[i + 1] === gen) {
          putCount(st, 0x63, (path.length - i) / 2)
          return true
        }
      }
      path.push(num, gen)
      const ok = feed(st, st.pdf.deref(obj, st.rev))
      path.length -= 2
      return ok
    }
    case 'array':
      putCount(st, 0x5b, obj.items.length)
      for (const item of obj.items) if (!feed(st, item)) return false
      return true
    case 'dict':
      return feedDict(st, obj.entries)
    case 'stream': {
      const sub = obj.dict.get('Subtype')
      const image = sub?.kind === 'name' && sub.value === 'Image'
      if (!(image ? feedImageDict(st, obj.dict) : feedDict(st, obj.dict))) return false
      const end = Math.max(obj.dataStart, obj.dataEnd)
      st.pdf.ensure(obj.dataStart, end)
      return putBytes(st, 0x62, st.pdf.bytes.subarray(obj.dataStart, end))
    }
  }
}

function feedDict(st: KeyState, entries: ReadonlyMap<string, PdfObject>): boolean {
  putCount(st, 0x3c, entries.size)
  const keys: string[] = []
  for (const k of entries.keys()) {
    let i = keys.length
    keys.push(k)
    for (; i > 0 && keys[i - 1]! > k; i--) keys[i] = keys[i - 1]!
    keys[i] = k
  }
  for (const k of keys) {
    putName(st, k)
    if (!feed(st, entries.get(k))) return false
  }
  return true
}

/** An image dictionary: only the entries decoding reads, in key order. */
function feedImageDict(st: KeyState, entries: ReadonlyMap<string, PdfObject>): boolean {
  // Positions in IMAGE_KEYS of the entries present, sorted by insertion (at most 12).
  const kept: number[] = []
  const values: PdfObject[] = []
  for (const k of entries.keys()) {
    const at = IMAGE_KEY_INDEX.get(k)
    if (at === undefined) continue
    const v = entries.get(k)!
    let i = kept.length
    kept.push(at)
    values.push(v)
    for (; i > 0 && kept[i - 1]! > at; i--) {
      kept[i] = kept[i - 1]!
      values[i] = values[i - 1]!
    }
    kept[i] = at
    values[i] = v
  }
  putCount(st, 0x3c, kept.length)
  for (let i = 0; i < kept.length; i++) {
    putName(st, IMAGE_KEYS[kept[i]!]!)
    if (!feed(st, values[i])) return false
  }
  return true
}

/** A fingerprint of `bytes` (which start at offset 0 of their buffer): about 64 words of it. */
function fingerprint(bytes: Uint8Array): number {
  const words = new Int32Array(bytes.buffer, 0, bytes.length >> 2)
  const step = Math.max(1, words.length >> 6)
  let h = bytes.length
  for (let i = words.length - 1; i >= 0; i -= step) h = Math.imul(h ^ words[i]!, 0x5bd1e995)
  for (let i = words.length * 4; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x5bd1e995)
  return (h ^ (h >>> 15)) >>> 0
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function read(pdf: PdfFile, stream: PdfStream, rev: number, digest: boolean): ImageKey | undefined {
  const { buf, view } = scratch
  const st: KeyState = { pdf, rev, nodes: 0, bytes: 0, buf, view, len: 0, h: undefined, path: [] }
  buf.set(TAG)
  st.len = TAG.length
  try {
    if (!feed(st, stream)) return undefined
  } catch (e) {
    if (e instanceof YrdError) return undefined
    throw e
  } finally {
    if (st.buf.length <= MAX_EXACT_INPUT) scratch = { buf: st.buf, view: st.view }
  }
  if (!digest && st.h === undefined) {
    const input = st.buf.subarray(0, st.len)
    return { id: `e${input.length}:${fingerprint(input)}`, input }
  }
  let id = 's'
  for (const b of spill(st).digest()) id += HEX[b]
  return { id, input: undefined }
}

/**
 * The cache key of an image XObject, or undefined when it is too large to key or an object it
 * reaches cannot be read (decoding then decides).
 */
export function imageKeyOf(pdf: PdfFile, stream: PdfStream, rev: number): ImageKey | undefined {
  return read(pdf, stream, rev, false)
}

/** The SHA-256 (hex) of an image XObject's key input, or undefined as for imageKeyOf. */
export function imageKey(pdf: PdfFile, stream: PdfStream, rev: number): string | undefined {
  return read(pdf, stream, rev, true)?.id.slice(1)
}
