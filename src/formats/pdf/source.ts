/**
 * Paged access to a PDF that is not held in memory (no Node built-ins: the loader is supplied by
 * the host, see `src/node/paged-file.ts`). The reader sees a sparse array of the file's size
 * whose bytes are valid only where {@link PdfByteSource.ensure} loaded them; every read of file
 * bytes in the reader goes through {@link withWindow} or an explicit `ensure` first, and the
 * whole-file scans and hashing stream through {@link PdfByteSource.stream} without storing.
 */
import { YrdError } from '../../errors.js'
import { indexOfBytes } from './bytes.js'
import { WS_TABLE } from './chars.js'

/** Loads file bytes on demand into the sparse array it was attached to. */
export interface PdfByteSource {
  /** File length (the sparse array's length). */
  readonly length: number
  /** First window tried when parsing an object or an xref section; doubled as needed. */
  readonly window: number
  /**
   * Makes bytes [start, end) of the sparse array hold the file's bytes (clamped to the file).
   * Throws a `format.pdf.read` FormatError when they cannot be read.
   */
  ensure(start: number, end: number): void
  /**
   * Passes the file's bytes [start, end) to `visit` in order, in chunks of a reusable buffer
   * (valid only during the call), without storing them; stops when `visit` returns true.
   * Throws like `ensure`.
   */
  stream(
    start: number,
    end: number,
    visit: (chunk: Uint8Array, offset: number) => boolean | void,
  ): void
}

const attached = new WeakMap<Uint8Array, PdfByteSource>()

/** Bytes the sniffing of `verify` reads; loaded when a source is attached. */
export const SNIFF_BYTES = 1024

/**
 * Marks `bytes` as the sparse array of a paged file: readers and digests given these bytes
 * load what they read through `source`. The first {@link SNIFF_BYTES} are loaded at once, for
 * the sniffing of `verify` (which sends anything with `%PDF-` there to the PDF reader).
 */
export function attachByteSource(bytes: Uint8Array, source: PdfByteSource): void {
  if (source.length !== bytes.length) throw new RangeError('source length differs from bytes')
  source.ensure(0, SNIFF_BYTES)
  attached.set(bytes, source)
}

/** The source attached to `bytes`, if they are a paged file. */
export function byteSourceOf(bytes: Uint8Array): PdfByteSource | undefined {
  return attached.get(bytes)
}

/** Bytes a parse may look ahead of where it stopped (keywords, boundaries, EOL pairs). */
export const LOOKAHEAD = 64

/** The result of one parse attempt: its value and the offset it stopped at. */
export interface Attempt<T> {
  readonly value: T
  readonly end: number
}

/**
 * Runs `parse` over a view of `bytes` that ends where the loaded window ends (so reading past it
 * gives `undefined`, as at the end of a file), growing the window from `start` until the parse
 * stops at least {@link LOOKAHEAD} bytes before the window's end or the window reaches the end
 * of the file. A format error inside a window that is not the whole rest of the file is retried
 * with a larger window; `reset` undoes an attempt's side effects before a retry. Without a
 * source, `parse` runs once over `bytes`.
 */
export function withWindow<T>(
  bytes: Uint8Array,
  source: PdfByteSource | undefined,
  start: number,
  parse: (view: Uint8Array) => Attempt<T>,
  reset?: () => void,
): T {
  if (source === undefined) return parse(bytes).value
  let size = Math.max(source.window, LOOKAHEAD * 4)
  for (;;) {
    const end = Math.min(bytes.length, Math.max(0, start) + size)
    source.ensure(Math.max(0, start), end)
    const whole = end >= bytes.length
    const view = whole ? bytes : bytes.subarray(0, end)
    try {
      const r = parse(view)
      if (whole || r.end + LOOKAHEAD <= end) return r.value
    } catch (error) {
      if (whole || !(error instanceof YrdError) || error.code.startsWith('limit.')) throw error
    }
    reset?.()
    size *= 2
  }
}

/**
 * First index of `needle` in the file's bytes [from, to), or -1: in memory a native search, in a
 * paged file a streaming one (a match across two chunks is found through a carried tail).
 */
export function searchBytes(
  bytes: Uint8Array,
  source: PdfByteSource | undefined,
  needle: Uint8Array,
  from: number,
  to: number,
): number {
  if (source === undefined) return indexOfBytes(bytes, needle, from, to)
  const end = Math.min(to, bytes.length)
  if (needle.length === 0 || from < 0 || end - from < needle.length) return -1
  const keep = needle.length - 1
  const carry = new Uint8Array(keep * 2)
  let held = 0
  let found = -1
  source.stream(from, end, (chunk, offset) => {
    if (held > 0) {
      const n = Math.min(keep, chunk.length)
      carry.set(chunk.subarray(0, n), held)
      const i = indexOfBytes(carry.subarray(0, held + n), needle)
      if (i >= 0) {
        found = offset - held + i
        return true
      }
    }
    const i = indexOfBytes(chunk, needle)
    if (i >= 0) {
      found = offset + i
      return true
    }
    held = Math.min(keep, chunk.length)
    carry.set(chunk.subarray(chunk.length - held))
    return false
  })
  return found
}

/**
 * Offset of the first byte at or after `from` that is not PDF whitespace, or the file length.
 * A paged file is streamed, not loaded.
 */
export function firstNonWhite(bytes: Uint8Array, source: PdfByteSource | undefined, from: number) {
  const len = bytes.length
  if (source === undefined) {
    let p = Math.max(0, from)
    while (p < len && WS_TABLE[bytes[p]!] === 1) p++
    return p
  }
  let found = len
  source.stream(Math.max(0, from), len, (chunk, offset) => {
    for (let i = 0; i < chunk.length; i++) {
      if (WS_TABLE[chunk[i]!] !== 1) {
        found = offset + i
        return true
      }
    }
    return false
  })
  return found
}
