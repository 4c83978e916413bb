/**
 * PDF text strings (ISO 32000-1 §7.9.2.2): UTF-16BE with BOM, UTF-8 with BOM, or
 * PDFDocEncoding (read here as Latin-1, which agrees on every printable ASCII byte).
 */

import { latin1Text, utf16beText } from '../code-units.js'

/** Decodes a PDF text string to a JavaScript string. */
export function decodeTextString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16beText(bytes, 2)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3))
  }
  return latin1Text(bytes)
}
