/**
 * The byte-level and structural half of checking one PDF signature, before any cryptography:
 * the dictionary of the signed revision, ByteRange, gap, /Contents, coverage and later
 * redefinitions. A FORMAT_FAILURE here is final (`fatal`): the bytes handed to the CMS or seal
 * verifier would not be the ones a viewer shows as signed.
 */
import type { PdfFile, PdfObject, PdfSignatureRef } from '../formats/pdf/types.js'
import type { Finding } from '../verdict/messages.js'
import {
  checkByteRange,
  checkGap,
  classifyCoverage,
  type ByteRange,
  type Coverage,
} from './pdf-byte-range.js'
import { contentsShape } from './pdf-contents.js'
import { byteSourceOf, firstNonWhite } from '../formats/pdf/source.js'
import { dictAt, redefinitionFindings, sameObject, shownFields } from './pdf-sig-dict.js'
import { PLAIN } from '../shape.js'

type Dict = ReadonlyMap<string, PdfObject>

/** One signature after the structural checks. */
export interface PreparedSignature {
  readonly index: number
  readonly id: string
  readonly ref: PdfSignatureRef
  /** The signature dictionary as its signed revision sees it. */
  readonly dict?: Dict
  /** The revision the ByteRange covers (null when unknown). */
  readonly revision: number | null
  readonly range?: ByteRange
  readonly coverage: Coverage | null
  /** The signature value: the outer BER element of /Contents without padding. */
  readonly value?: Uint8Array
  readonly findings: Finding[]
  /** True when a FORMAT_FAILURE makes any further verification meaningless. */
  readonly fatal: boolean
}

const fail = (code: string, params?: Record<string, string | number>): Finding => ({
  code,
  status: 'failed',
  subIndication: 'FORMAT_FAILURE',
  ...(params ? { params } : {}),
})

function contentsFindings(contents: PdfObject | undefined): {
  value?: Uint8Array
  finding: Finding
} {
  if (contents?.kind !== 'string') {
    return { finding: fail('pdf.contents.missing', { kind: contents?.kind ?? 'absent' }) }
  }
  const shape = contentsShape(contents.bytes)
  switch (shape.kind) {
    case 'empty':
      return { finding: fail('pdf.contents.empty') }
    case 'zeros':
      return { finding: fail('pdf.contents.zeros') }
    case 'malformed':
      return { finding: fail('pdf.contents.malformed', { reason: shape.reason }) }
    case 'trailing':
      return { finding: fail('pdf.contents.trailing', { trailing: shape.trailing }) }
    case 'der': {
      const params = { length: shape.value.length, padding: shape.padding }
      return { value: shape.value, finding: { code: 'pdf.contents', status: 'passed', params } }
    }
  }
}

function coverageFinding(
  pdf: PdfFile,
  coverage: Coverage,
  revision: number | null,
  end: number,
): Finding {
  if (coverage === 'entire-file') return { code: 'pdf.coverage.entire-file', status: 'passed' }
  if (coverage === 'entire-revision') {
    const later = pdf.revisions.length - 1 - (revision ?? 0)
    return {
      code: 'pdf.coverage.entire-revision',
      status: 'passed',
      params: { revision: revision ?? 0, later },
    }
  }
  return fail('pdf.coverage.partial', { end })
}

/** The name a signature goes by in the verdict. */
function signatureId(ref: PdfSignatureRef, index: number): string {
  return ref.fieldName ?? (ref.sigRef ? `sig-${ref.sigRef.num}` : `sig-${index + 1}`)
}

/**
 * Runs the structural checks on one signature found in `pdf` (its `sigRef` must be set).
 */
export function prepareSignature(
  pdf: PdfFile,
  ref: PdfSignatureRef,
  index: number,
): PreparedSignature {
  const id = signatureId(ref, index)
  const base = { index, id, ref }
  const sigRef = ref.sigRef
  const last = pdf.revisions.length - 1
  const object = sigRef ? `${sigRef.num} ${sigRef.gen} R` : '?'
  const first = sigRef
    ? (dictAt(pdf, sigRef, ref.firstRevision) ?? dictAt(pdf, sigRef, last))
    : undefined
  if (!sigRef || !first) {
    const findings = [fail('pdf.sig-dict.missing', { object })]
    return { ...PLAIN, ...base, revision: null, coverage: null, findings, fatal: true }
  }
  const findings: Finding[] = []
  const bytes = pdf.bytes
  const checked = checkByteRange(pdf.deref(first.get('ByteRange')), bytes.length)
  findings.push(checked.finding)
  const range = checked.range
  if (!range)
    return { ...PLAIN, ...base, dict: first, revision: null, coverage: null, findings, fatal: true }
  const signedEnd = range.c + range.d
  pdf.ensure(signedEnd - 8, signedEnd + 8)
  const cov = classifyCoverage(bytes, pdf.revisions, range)
  const revision = cov.revision ?? last
  const dict = dictAt(pdf, sigRef, revision)
  const out = { ...PLAIN, ...base, revision, range, coverage: cov.coverage, findings }
  if (
    !dict ||
    !sameObject(pdf.deref(dict.get('ByteRange'), revision), pdf.deref(first.get('ByteRange')))
  ) {
    findings.push(fail('pdf.sig-dict.range-changed', { revision }))
    return { ...PLAIN, ...out, ...(dict ? { dict } : {}), fatal: true }
  }
  const shown = shownFields(dict)
  findings.push({
    code: 'pdf.sig-dict',
    status: 'passed',
    params: { revision, fields: describe(shown) },
    detail: { object, ...shown },
  })
  pdf.ensure(range.b, range.c + 1)
  const gap = checkGap(bytes, range, pdf.deref(dict.get('Contents'), revision))
  findings.push(gap)
  if (gap.status === 'failed') return { ...PLAIN, ...out, dict, fatal: true }
  const contents = contentsFindings(pdf.deref(dict.get('Contents'), revision))
  findings.push(contents.finding)
  if (!contents.value) return { ...PLAIN, ...out, dict, fatal: true }
  findings.push(coverageFinding(pdf, cov.coverage, cov.revision, range.c + range.d))
  const tail = unaccountedTail(pdf)
  if (cov.coverage === 'entire-revision' && tail > 0) {
    findings.push(fail('pdf.coverage.trailing-data', { bytes: tail }))
  }
  const later = redefinitionFindings(pdf, sigRef, revision, dict)
  findings.push(...later)
  const fatal = later.some((f) => f.status === 'failed')
  return { ...PLAIN, ...out, dict, value: contents.value, fatal }
}

function describe(fields: Record<string, string>): string {
  const parts = Object.entries(fields).map(([k, v]) => `/${k} ${v}`)
  return parts.length ? parts.join('; ') : '—'
}

/** Bytes after the last revision that are not white space (no revision accounts for them). */
function unaccountedTail(pdf: PdfFile): number {
  const end = pdf.revisions[pdf.revisions.length - 1]?.end ?? 0
  const bytes = pdf.bytes
  const found = firstNonWhite(bytes, byteSourceOf(bytes), end)
  return found < bytes.length ? bytes.length - end : 0
}
