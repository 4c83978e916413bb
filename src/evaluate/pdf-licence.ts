/**
 * GB/T 36903 licence metadata of a PDF, read as the revision the issuing signature covers sees
 * it: custom keys of the document information dictionary, then simple XMP properties named
 * like the fields (the convention of `fixtures/pdf/README.md`). Later revisions may update
 * /Info and XMP without breaking a signature, so they are never read here.
 */
import { LICENCE_KEYS } from '../formats/licence/metadata.js'
import type { PdfFile, PdfObject } from '../formats/pdf/index.js'
import { decodeTextString } from '../formats/pdf/index.js'
import { parseXml, directText, type XmlElement } from '../formats/xml/index.js'

type Pair = { readonly name: string; readonly value: string }

const KEYS: ReadonlySet<string> = new Set(Object.values(LICENCE_KEYS))
const MAX_XMP_ELEMENTS = 10_000

/** ASCII characters that upper-case to the first letter of a key. */
const KEY_INITIALS = new Uint8Array(128)
for (const key of KEYS) {
  KEY_INITIALS[key.charCodeAt(0)] = 1
  KEY_INITIALS[key.toLowerCase().charCodeAt(0)] = 1
}

/** True when `name` is a licence key in any case (the keys are upper case). */
function isKey(name: string): boolean {
  // An ASCII character upper-cases to one ASCII character, which must begin the key.
  const first = name.charCodeAt(0)
  if (first < 128 && KEY_INITIALS[first] === 0) return false
  return KEYS.has(name) || KEYS.has(name.toUpperCase())
}

function infoPairs(pdf: PdfFile, rev: number, out: Pair[]): void {
  const trailer = pdf.revisions[rev]?.trailer
  const info = pdf.deref(trailer?.get('Info'), rev)
  if (info?.kind !== 'dict') return
  for (const [key, value] of info.entries) {
    const v: PdfObject | undefined = pdf.deref(value, rev)
    if (isKey(key) && v?.kind === 'string') {
      out.push({ name: key, value: decodeTextString(v.bytes) })
    }
  }
}

function xmpPairs(pdf: PdfFile, rev: number, out: Pair[]): void {
  const meta = pdf.deref(pdf.catalog(rev)?.get('Metadata'), rev)
  if (meta?.kind !== 'stream') return
  try {
    const doc = parseXml(pdf.decodeStream(meta, rev).data)
    const stack: XmlElement[] = [doc.root]
    for (let seen = 0; stack.length > 0 && seen < MAX_XMP_ELEMENTS; seen++) {
      const el = stack.pop()!
      let leaf = true
      for (const c of el.children) {
        if (c.kind === 'element') {
          leaf = false
          stack.push(c)
        }
      }
      if (leaf && isKey(el.localName)) {
        out.push({ name: el.localName, value: directText(el).trim() })
      }
    }
  } catch {
    // Unreadable XMP is no metadata; the information dictionary may still carry it.
  }
}

/**
 * The licence metadata pairs of revision `rev` (information dictionary first, then XMP; the
 * licence reader reports conflicting values), or undefined when neither carries any field.
 */
export function pdfLicencePairs(pdf: PdfFile, rev: number): Pair[] | undefined {
  const pairs: Pair[] = []
  infoPairs(pdf, rev, pairs)
  xmpPairs(pdf, rev, pairs)
  return pairs.length > 0 ? pairs : undefined
}
