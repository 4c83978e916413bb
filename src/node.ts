/**
 * The `yrd-verify/node` entry: everything of the root entry, with Node's native crypto
 * installed (SHA-2 and SM3 through OpenSSL, RSA/ECDSA/DSA verification), plus helpers that
 * read files.
 */
import { readFile } from 'node:fs/promises'
import { setCryptoBackend } from './crypto/backend.js'
import { nodeCryptoBackend } from './crypto/node-backend.js'
import { setByteFinderFactory } from './formats/pdf/byte-finder.js'
import { nodeByteFinder } from './node/byte-finder.js'
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

/**
 * Reads a file and verifies it.
 * @example
 * import { verifyFile } from 'yrd-verify/node'
 * const verdict = await verifyFile('licence.pdf')
 */
export async function verifyFile(path: string, options?: VerifyOptions): Promise<Verdict> {
  const bytes = new Uint8Array(await readFile(path))
  return { file: path, ...(await verify(bytes, options)) }
}

export * from './index.js'
