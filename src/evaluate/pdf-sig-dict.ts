/**
 * The signature dictionary as the signed revision sees it: the revision a ByteRange covers,
 * the values shown to people (/M, /Reason, /Name, /Location) read from that revision only,
 * and any later redefinition of the dictionary (sig-dict spoofing) or of its /ByteRange and
 * /Contents.
 */
import { sameBytes } from '../crypto/bytes.js'
import { decodeTextString } from '../formats/pdf/text.js'
import type { PdfFile, PdfObject, PdfRef } from '../formats/pdf/types.js'
import type { Finding } from '../verdict/messages.js'

type Dict = ReadonlyMap<string, PdfObject>

const MAX_COMPARE_DEPTH = 32

/** The dictionary `ref` designates as revision `rev` sees it, or undefined. */
export function dictAt(pdf: PdfFile, ref: PdfRef, rev: number): Dict | undefined {
  const obj = pdf.deref(pdf.resolve(ref, rev), rev)
  return obj?.kind === 'dict' ? obj.entries : undefined
}

/** Structural equality of two objects (string offsets ignored), bounded in depth. */
export function sameObject(x: PdfObject | undefined, y: PdfObject | undefined, depth = 0): boolean {
  if (x === undefined || y === undefined) return x === y
  if (depth > MAX_COMPARE_DEPTH || x.kind !== y.kind) return false
  switch (x.kind) {
    case 'null':
      return true
    case 'bool':
    case 'number':
    case 'name':
      return x.value === (y as typeof x).value
    case 'string': {
      const b = (y as typeof x).bytes
      return sameBytes(x.bytes, b)
    }
    case 'ref': {
      const r = (y as typeof x).ref
      return x.ref.num === r.num && x.ref.gen === r.gen
    }
    case 'array': {
      const items = (y as typeof x).items
      return (
        x.items.length === items.length &&
        x.items.every((v, i) => sameObject(v, items[i], depth + 1))
      )
    }
    case 'dict':
      return sameDict(x.entries, (y as typeof x).entries, depth + 1)
    case 'stream': {
      const s = y as typeof x
      return (
        x.dataStart === s.dataStart && x.dataEnd === s.dataEnd && sameDict(x.dict, s.dict, depth)
      )
    }
  }
}

function sameDict(x: Dict, y: Dict, depth: number): boolean {
  if (x.size !== y.size) return false
  for (const [k, v] of x) if (!sameObject(v, y.get(k), depth + 1)) return false
  return true
}

/** Keys whose values differ between two dictionaries. */
export function changedKeys(x: Dict, y: Dict): string[] {
  const keys = new Set([...x.keys(), ...y.keys()])
  return [...keys].filter((k) => !sameObject(x.get(k), y.get(k))).sort()
}

/** A text string (or a name) as a viewer shows it: decoded, and cut at 200 characters. */
export function textString(obj: PdfObject | undefined): string | undefined {
  const text = fullText(obj)
  return text !== undefined && text.length > 200 ? `${text.slice(0, 200)}…` : text
}

/** A text string decoded whole, or the value of a name (as where a name stands for one). */
export function fullText(obj: PdfObject | undefined): string | undefined {
  if (obj?.kind === 'name') return obj.value
  return obj?.kind === 'string' ? decodeTextString(obj.bytes) : undefined
}

const SHOWN = ['Name', 'Reason', 'Location', 'ContactInfo', 'M', 'SubFilter'] as const

/** The values a viewer shows, as the signed revision holds them. */
export function shownFields(dict: Dict): Record<string, string> {
  const out: Record<string, string> = {}
  for (const key of SHOWN) {
    const text = textString(dict.get(key))
    if (text !== undefined) out[key] = text
  }
  return out
}

/**
 * Findings for revisions after `signed` that redefine the signature object: a failure when
 * its /ByteRange or /Contents changed (or it is gone), else one warning naming the keys.
 */
export function redefinitionFindings(
  pdf: PdfFile,
  ref: PdfRef,
  signed: number,
  signedDict: Dict,
): Finding[] {
  const findings: Finding[] = []
  let warned = false
  for (let r = signed + 1; r < pdf.revisions.length; r++) {
    const where = pdf.locate(ref.num, r)
    if (!where || where.revision <= signed) {
      if (!where) findings.push(rangeChanged(r))
      if (!where) return findings
      continue
    }
    const later = dictAt(pdf, ref, r)
    if (
      !later ||
      !sameObject(later.get('ByteRange'), signedDict.get('ByteRange')) ||
      !sameObject(later.get('Contents'), signedDict.get('Contents'))
    ) {
      findings.push(rangeChanged(r))
      return findings
    }
    if (!warned) {
      warned = true
      const keys = changedKeys(signedDict, later)
      findings.push({
        code: 'pdf.sig-dict.redefined',
        status: 'warning',
        params: { revision: where.revision, keys: keys.length ? keys.join(', ') : 'none' },
        detail: { object: `${ref.num} ${ref.gen} R`, keys },
      })
    }
  }
  return findings
}

function rangeChanged(revision: number): Finding {
  return {
    code: 'pdf.sig-dict.range-changed',
    status: 'failed',
    subIndication: 'FORMAT_FAILURE',
    params: { revision },
  }
}
