/**
 * PDF text strings (ISO 32000-1 §7.9.2.2): UTF-16BE with BOM, UTF-8 with BOM, or
 * PDFDocEncoding (read here as Latin-1, which agrees on every printable ASCII byte).
 */

/** Decodes a PDF text string to a JavaScript string. */
export function decodeTextString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    let s = ''
    for (let i = 2; i + 1 < bytes.length; i += 2) {
      s += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!)
    }
    return s
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return new TextDecoder('utf-8').decode(bytes.subarray(3))
  }
  let s = ''
  for (const b of bytes) s += String.fromCharCode(b)
  return s
}
