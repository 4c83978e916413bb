/**
 * The `yrd-verify/node` entry: everything of the root entry, with Node's native crypto
 * installed (SHA-2 and SM3 through OpenSSL, RSA/ECDSA/DSA verification), plus helpers that
 * read files.
 */
import { open, stat } from 'node:fs/promises'
import { setCryptoBackend } from './crypto/backend.js'
import { nodeCryptoBackend } from './crypto/node-backend.js'
import { setByteFinderFactory } from './formats/pdf/byte-finder.js'
import { nodeByteFinder } from './node/byte-finder.js'
import { PagedFile } from './node/paged-file.js'
import { ascii, indexOfBytes } from './formats/pdf/bytes.js'
import { attachByteSource } from './formats/pdf/source.js'
import type { Verdict } from './verdict/types.js'
import { verify, type VerifyOptions } from './verify.js'

let installed = false

/**
 * Makes the library use Node's native crypto (and Node's native byte search for the PDF
 * scans). Called on import of this entry.
 */
export function installNodeCrypto(): void {
  if (installed) return
  setCryptoBackend(nodeCryptoBackend)
  setByteFinderFactory(nodeByteFinder)
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
  const threshold = pagedThreshold ?? DEFAULT_PAGED_THRESHOLD
  if ((await stat(path)).size > threshold) {
    const file = new PagedFile(path, pageWindow === undefined ? {} : { window: pageWindow })
    try {
      file.ensure(0, 1024)
      if (indexOfBytes(file.bytes.subarray(0, 1024), PDF_MAGIC) >= 0) {
        attachByteSource(file.bytes, file)
        return { file: path, ...(await verify(file.bytes, verifyOptions)) }
      }
    } finally {
      file.close()
    }
  }
  return { file: path, ...(await verify(await readWhole(path), verifyOptions)) }
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
