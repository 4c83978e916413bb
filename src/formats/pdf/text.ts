/**
 * PDF text strings (ISO 32000-1 §7.9.2.2): UTF-16BE with BOM, UTF-8 with BOM, or
 * PDFDocEncoding. Every reader of a text string goes through {@link decodeTextString}, so that
 * two places that compare names (a FieldMDP lock and the field it names) read the same bytes
 * as the same text.
 */

import { latin1Text, utf16beText } from '../code-units.js'

const UTF8 = new TextDecoder('utf-8')

/**
 * PDFDocEncoding (ISO 32000-1 Annex D.2) as code points: Latin-1 apart from the accents at
 * 0x18–0x1F and the punctuation, ligatures and letters at 0x80–0xA0. The three bytes it leaves
 * undefined (0x7F, 0x9F, 0xAD) stand for their Latin-1 characters.
 */
const PDF_DOC = new Uint16Array(256).map((_, i) => i)
PDF_DOC.set([0x02d8, 0x02c7, 0x02c6, 0x02d9, 0x02dd, 0x02db, 0x02da, 0x02dc], 0x18)
PDF_DOC.set(
  [
    0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039, 0x203a, 0x2212, 0x2030,
    0x201e, 0x201c, 0x201d, 0x2018, 0x2019, 0x201a, 0x2122, 0xfb01, 0xfb02, 0x0141, 0x0152, 0x0160,
    0x0178, 0x017d, 0x0131, 0x0142, 0x0153, 0x0161, 0x017e, 0x009f, 0x20ac,
  ],
  0x80,
)

/** The bytes read as PDFDocEncoding. */
function pdfDocText(b: Uint8Array): string {
  let i = 0
  while (i < b.length && PDF_DOC[b[i]!] === b[i]) i++
  if (i === b.length) return latin1Text(b)
  let s = latin1Text(b, 0, i)
  for (; i < b.length; i++) s += String.fromCharCode(PDF_DOC[b[i]!]!)
  return s
}

/** Decodes a PDF text string to a JavaScript string (unpaired UTF-16 surrogates are kept). */
export function decodeTextString(bytes: Uint8Array): string {
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16beText(bytes, 2)
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return UTF8.decode(bytes.subarray(3))
  }
  return pdfDocText(bytes)
}
