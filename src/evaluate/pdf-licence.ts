/**
 * GB/T 36903 licence metadata of a PDF, read as the revision the issuing signature covers sees
 * it: custom keys of the document information dictionary, then simple XMP properties named
 * like the fields (the convention of `fixtures/pdf/README.md`). Later revisions may update
 * /Info and XMP without breaking a signature, so they are never read here.
 */
import { LICENCE_KEYS } from '../formats/licence/metadata.js'
import type { PdfFile, PdfObject } from '../formats/pdf/index.js'
import { decodeTextString } from '../formats/pdf/index.js'
import { elementChildren, parseXml, directText, type XmlElement } from '../formats/xml/index.js'

type Pair = { readonly name: string; readonly value: string }

const KEYS: ReadonlySet<string> = new Set(Object.values(LICENCE_KEYS))
const MAX_XMP_ELEMENTS = 10_000

function infoPairs(pdf: PdfFile, rev: number): Pair[] {
  const trailer = pdf.revisions[rev]?.trailer
  const info = pdf.deref(trailer?.get('Info'), rev)
  if (info?.kind !== 'dict') return []
  const out: Pair[] = []
  for (const [key, value] of info.entries) {
    const v: PdfObject | undefined = pdf.deref(value, rev)
    if (KEYS.has(key.toUpperCase()) && v?.kind === 'string') {
      out.push({ name: key, value: decodeTextString(v.bytes) })
    }
  }
  return out
}

function xmpPairs(pdf: PdfFile, rev: number): Pair[] {
  const meta = pdf.deref(pdf.catalog(rev)?.get('Metadata'), rev)
  if (meta?.kind !== 'stream') return []
  const out: Pair[] = []
  try {
    const doc = parseXml(pdf.decodeStream(meta, rev).data)
    const stack: XmlElement[] = [doc.root]
    for (let seen = 0; stack.length > 0 && seen < MAX_XMP_ELEMENTS; seen++) {
      const el = stack.pop()!
      const children = elementChildren(el)
      if (children.length === 0 && KEYS.has(el.localName.toUpperCase())) {
        out.push({ name: el.localName, value: directText(el).trim() })
      }
      stack.push(...children)
    }
  } catch {
    // Unreadable XMP is no metadata; the information dictionary may still carry it.
  }
  return out
}

/**
 * The licence metadata pairs of revision `rev` (information dictionary first, then XMP; the
 * licence reader reports conflicting values), or undefined when neither carries any field.
 */
export function pdfLicencePairs(pdf: PdfFile, rev: number): Pair[] | undefined {
  const pairs = [...infoPairs(pdf, rev), ...xmpPairs(pdf, rev)]
  return pairs.length > 0 ? pairs : undefined
}
