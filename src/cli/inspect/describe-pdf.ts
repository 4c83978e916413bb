/**
 * `inspect` view of a PDF: its revisions (incremental updates) and signatures with field,
 * widgets, discovery method, byte range and whether it reaches the end of a revision, and the
 * CMS inside /Contents.
 */
import { readCmsFile } from '../../formats/cms/read.js'
import type { PdfFile, PdfObject, PdfSignatureRef } from '../../formats/pdf/index.js'
import { findSignatures } from '../../formats/pdf/index.js'
import type { Artifacts } from './artifacts.js'
import { berLength } from './ber-length.js'
import { describeCms } from './describe-cms.js'

const latin1 = new TextDecoder('latin1')

function text(o: PdfObject | undefined): string | null {
  if (!o) return null
  if (o.kind === 'name') return `/${o.value}`
  if (o.kind === 'string') return latin1.decode(o.bytes.subarray(0, 200))
  if (o.kind === 'number' || o.kind === 'bool') return String(o.value)
  return null
}

function byteRange(o: PdfObject | undefined): number[] | null {
  if (o?.kind !== 'array' || o.items.length > 8) return null
  const nums = o.items.map((i) => (i.kind === 'number' ? i.value : NaN))
  return nums.every(Number.isFinite) ? nums : null
}

function describeSignature(pdf: PdfFile, s: PdfSignatureRef, artifacts: Artifacts, n: number) {
  const dict = s.sigRef ? pdf.deref({ kind: 'ref', ref: s.sigRef }) : undefined
  const entries = dict?.kind === 'dict' ? dict.entries : undefined
  const range = byteRange(entries?.get('ByteRange'))
  const contents = entries?.get('Contents')
  let cms: unknown = null
  if (contents?.kind === 'string' && contents.bytes.length > 0) {
    try {
      cms = describeCms(readCmsFile(trimZeros(contents.bytes)), artifacts)
    } catch (e) {
      cms = { error: e instanceof Error ? e.message : String(e) }
    }
  }
  const signedEnd = range && range.length === 4 ? range[2]! + range[3]! : null
  const revision = pdf.revisions.find((r) => r.end === signedEnd)
  return {
    index: n,
    field: s.fieldName,
    foundBy: s.foundBy,
    firstRevision: s.firstRevision,
    widgets: s.widgets.map((w) => ({ page: w.pageIndex, rect: w.rect })),
    filter: text(entries?.get('Filter')),
    subFilter: text(entries?.get('SubFilter')),
    name: text(entries?.get('Name')),
    reason: text(entries?.get('Reason')),
    location: text(entries?.get('Location')),
    claimedSigningTime: text(entries?.get('M')),
    byteRange: range,
    signedLength: range && range.length === 4 ? range[1]! + range[3]! : null,
    coversRevision: revision ? revision.index : null,
    coversWholeFile: signedEnd === pdf.bytes.length,
    contentsBytes: contents?.kind === 'string' ? contents.bytes.length : null,
    cms,
  }
}

/** /Contents is padded with zero bytes after the CMS: keep its first element only. */
function trimZeros(bytes: Uint8Array): Uint8Array {
  const length = berLength(bytes)
  return length === undefined ? bytes : bytes.subarray(0, length)
}

/** Describes a read PDF. */
export function describePdf(pdf: PdfFile, artifacts: Artifacts) {
  const signatures = findSignatures(pdf)
  return {
    bytes: pdf.bytes.length,
    revisions: pdf.revisions.map((r) => ({
      index: r.index,
      startxref: r.startxref,
      end: r.end,
      xref: r.xrefKind,
      objects: r.entries.size,
    })),
    signatures: signatures.map((s, i) => describeSignature(pdf, s, artifacts, i + 1)),
    problems: pdf.problems.slice(0, 50).map((p) => `${p.code}: ${p.message}`),
  }
}
