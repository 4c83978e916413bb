/**
 * Node-only: a file read on demand into a sparse array of its size (Linux maps untouched pages
 * of a large zeroed allocation lazily, so unread parts cost no resident memory). Windows are
 * loaded with `fs.readSync` straight into the array and remembered; whole-file passes stream
 * through one reusable buffer and are never stored. A read that fails or comes back short is a
 * `format.pdf.read` FormatError: the reader never sees a zero where a file byte should be.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs'
import { pdfFormat } from '../formats/pdf/errors.js'
import type { PdfByteSource } from '../formats/pdf/source.js'

/** Options of {@link openPagedFile}. */
export interface PagedFileOptions {
  /** Bytes loaded at a time around what the reader asks for (rounded to whole windows). */
  readonly window?: number
  /** Size of the reusable buffer of whole-file passes. */
  readonly chunk?: number
}

/** Default window: 64 KiB. */
export const DEFAULT_PAGE_WINDOW = 64 * 1024
/** Default chunk of whole-file passes: 1 MiB. */
export const DEFAULT_PAGE_CHUNK = 1024 * 1024

function readFailure(path: string, at: number, why: string): Error {
  return pdfFormat(
    'read',
    `cannot read ${path} at offset ${at}: ${why}`,
    `无法读取文件 ${path}（偏移 ${at}）：${why}`,
  )
}

/** An open file with on-demand loading (see the file comment). Close it when done. */
export class PagedFile implements PdfByteSource {
  /** The sparse array: valid where {@link ensure} loaded it. */
  readonly bytes: Uint8Array
  readonly length: number
  readonly window: number
  private readonly loaded: Uint8Array
  private readonly chunk: Uint8Array
  private fd: number | null
  /** Bytes loaded into the sparse array so far. */
  loadedBytes = 0

  /** Opens `path`; throws the `fs` error when it cannot be opened. */
  constructor(
    readonly path: string,
    options: PagedFileOptions = {},
  ) {
    const window = options.window ?? DEFAULT_PAGE_WINDOW
    const chunk = options.chunk ?? DEFAULT_PAGE_CHUNK
    if (
      !Number.isSafeInteger(window) ||
      window < 256 ||
      !Number.isSafeInteger(chunk) ||
      chunk < 256
    ) {
      throw new RangeError('page window and chunk must be integers of at least 256 bytes')
    }
    this.fd = openSync(path, 'r')
    try {
      this.length = fstatSync(this.fd).size
      this.window = window
      this.bytes = new Uint8Array(this.length)
      this.loaded = new Uint8Array(Math.ceil(this.length / window))
      this.chunk = new Uint8Array(Math.min(chunk, Math.max(1, this.length)))
    } catch (error) {
      this.close()
      throw error
    }
  }

  /** Reads file bytes [at, at + length) into `into` from `offset`, all of them or throws. */
  private readFully(into: Uint8Array, offset: number, length: number, at: number): void {
    if (this.fd === null) throw readFailure(this.path, at, 'file closed')
    let done = 0
    while (done < length) {
      let n: number
      try {
        n = readSync(this.fd, into, offset + done, length - done, at + done)
      } catch (error) {
        throw readFailure(this.path, at + done, (error as Error).message)
      }
      if (n <= 0) throw readFailure(this.path, at + done, 'the file is shorter than it was')
      done += n
    }
  }

  ensure(start: number, end: number): void {
    const s = Math.max(0, Math.floor(start))
    const e = Math.min(this.length, Math.ceil(end))
    if (e <= s) return
    const w = this.window
    const last = Math.floor((e - 1) / w)
    for (let k = Math.floor(s / w); k <= last; k++) {
      if (this.loaded[k] === 1) continue
      let run = k
      while (run + 1 <= last && this.loaded[run + 1] !== 1) run++
      const from = k * w
      const to = Math.min(this.length, (run + 1) * w)
      this.readFully(this.bytes, from, to - from, from)
      this.loaded.fill(1, k, run + 1)
      this.loadedBytes += to - from
      k = run
    }
  }

  stream(
    start: number,
    end: number,
    visit: (chunk: Uint8Array, offset: number) => boolean | void,
  ): void {
    const e = Math.min(this.length, end)
    for (let at = Math.max(0, start); at < e;) {
      const n = Math.min(this.chunk.length, e - at)
      this.readFully(this.chunk, 0, n, at)
      if (visit(this.chunk.subarray(0, n), at) === true) return
      at += n
    }
  }

  /** Closes the file; later reads throw `format.pdf.read`. */
  close(): void {
    if (this.fd === null) return
    const fd = this.fd
    this.fd = null
    closeSync(fd)
  }
}
