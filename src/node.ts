/**
 * The `yrd-verify/node` entry: everything of the root entry, with Node's native crypto
 * installed (SHA-2 and SM3 through OpenSSL, RSA/ECDSA/DSA verification), plus helpers that
 * read files.
 */
import { open, stat } from 'node:fs/promises'
import { setCryptoBackend } from './crypto/backend.js'
import { nodeCryptoBackend } from './crypto/node-backend.js'
import { setByteFinderFactory } from './formats/pdf/byte-finder.js'
import { setNativeInflate } from './formats/pdf/filters.js'
import { setHexDigitsDecoder } from './formats/pdf/hex-digits.js'
import { nodeByteFinder } from './node/byte-finder.js'
import { nodeHexDigits } from './node/hex-digits.js'
import { nodeInflate } from './node/inflate.js'
import { PagedFile } from './node/paged-file.js'
import { ascii, indexOfBytes } from './formats/pdf/bytes.js'
import { attachByteSource, SNIFF_BYTES } from './formats/pdf/source.js'
import type { Verdict } from './verdict/types.js'
import { verify, type VerifyOptions } from './verify.js'
import { PLAIN } from './shape.js'

let installed = false

/**
 * Makes the library use Node's native crypto (and Node's native byte search for the PDF
 * scans, zlib for Flate streams and Buffer's hex codec for long hex strings). Called on
 * import of this entry.
 */
export function installNodeCrypto(): void {
  if (installed) return
  setCryptoBackend(nodeCryptoBackend)
  setByteFinderFactory(nodeByteFinder)
  setNativeInflate(nodeInflate)
  setHexDigitsDecoder(nodeHexDigits)
  installed = true
}

installNodeCrypto()

/** Options of {@link verifyFile}: those of `verify`, and how large PDFs are read. */
export interface VerifyFileOptions extends VerifyOptions {
  /**
   * PDFs larger than this many bytes are read on demand instead of whole (default 64 MiB;
   * 0 pages every PDF). Other inputs are always read whole.
   */
  readonly pagedThreshold?: number
  /** Bytes loaded at a time when paging (default 64 KiB, at least 256). */
  readonly pageWindow?: number
}

/** Default {@link VerifyFileOptions.pagedThreshold}: 64 MiB. */
export const DEFAULT_PAGED_THRESHOLD = 64 * 1024 * 1024

const PDF_MAGIC = ascii('%PDF-')

/** A file's bytes as {@link readForVerify} gives them; `close` releases a paged file. */
export interface VerifyInput {
  readonly bytes: Uint8Array
  /** True when `bytes` is a sparse array read on demand. */
  readonly paged: boolean
  close(): void
}

/**
 * The bytes to hand to `verify` / `verifyDetailed` for the file at `path`: a PDF above
 * `pagedThreshold` as a sparse array read on demand (its source attached), anything else read
 * whole. Call `close` when verification is done. Rejects with the `fs` error when the file
 * cannot be opened.
 */
export async function readForVerify(
  path: string,
  options: Pick<VerifyFileOptions, 'pagedThreshold' | 'pageWindow'> = {},
): Promise<VerifyInput> {
  const threshold = options.pagedThreshold ?? DEFAULT_PAGED_THRESHOLD
  if ((await stat(path)).size > threshold) {
    const window = options.pageWindow
    const file = new PagedFile(path, window === undefined ? {} : { window })
    try {
      file.ensure(0, SNIFF_BYTES)
      if (indexOfBytes(file.bytes.subarray(0, SNIFF_BYTES), PDF_MAGIC) >= 0) {
        attachByteSource(file.bytes, file)
        return { bytes: file.bytes, paged: true, close: () => file.close() }
      }
    } catch (error) {
      file.close()
      throw error
    }
    file.close()
  }
  return { bytes: await readWhole(path), paged: false, close: () => undefined }
}

/**
 * Verifies the file at `path`. A PDF above `pagedThreshold` is read on demand: the scans and
 * the hashing of the signed ranges stream through a small buffer, and only the objects the
 * verdict needs are loaded, so memory stays far below the file's size; the verdict is the one
 * `verify` gives for the file's bytes. Rejects with the `fs` error when the file cannot be
 * opened; a read failing midway is a FORMAT_FAILURE verdict (`format.pdf.read`).
 * @example
 * import { verifyFile } from 'yrd-verify/node'
 * const verdict = await verifyFile('licence.pdf')
 */
export async function verifyFile(path: string, options: VerifyFileOptions = {}): Promise<Verdict> {
  const { pagedThreshold, pageWindow, ...verifyOptions } = options
  const input = await readForVerify(path, {
    ...PLAIN,
    ...(pagedThreshold === undefined ? {} : { pagedThreshold }),
    ...(pageWindow === undefined ? {} : { pageWindow }),
  })
  try {
    return { file: path, ...(await verify(input.bytes, verifyOptions)) }
  } finally {
    input.close()
  }
}

/** The whole file in one array (read in place: no chunks to concatenate). */
async function readWhole(path: string): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const size = (await handle.stat()).size
    const bytes = new Uint8Array(size)
    let done = 0
    while (done < size) {
      const { bytesRead } = await handle.read(bytes, done, size - done, done)
      if (bytesRead <= 0) break
      done += bytesRead
    }
    return done === size ? bytes : bytes.subarray(0, done)
  } finally {
    await handle.close()
  }
}

export * from './index.js'
