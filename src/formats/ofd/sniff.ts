/**
 * Recognises an OFD package: a zip archive whose entries include `OFD.xml` at the root.
 */
import { YrdError } from '../../errors.js'
import { readZip } from '../zip/index.js'

/**
 * True when `bytes` start like a zip and open as one with an `OFD.xml` entry. Never throws:
 * anything malformed is simply "not recognised" (the reader reports why).
 * @example
 * if (sniffOfd(bytes)) evidence = readOfd(bytes)
 */
export function sniffOfd(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false
  if (bytes[2] !== 0x03 || bytes[3] !== 0x04) return false
  try {
    return readZip(bytes).has('OFD.xml')
  } catch (error) {
    if (error instanceof YrdError) return false
    throw error
  }
}
