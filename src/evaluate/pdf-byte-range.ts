/**
 * Byte-level checks of one PDF signature: the `/ByteRange` structure, the gap between the two
 * signed slices (exactly `<hex>` and the very `/Contents` string the dictionary holds), and
 * the coverage class of the signed bytes against the file's revisions.
 */
import type { PdfObject, PdfRevision } from '../formats/pdf/types.js'
import type { Finding } from '../verdict/messages.js'
import { HEX_VALUE, hexPairTable } from '../formats/pdf/chars.js'
import { PLAIN } from '../shape.js'

/** The four numbers of a `/ByteRange [a b c d]`: signed slices [a, a+b) and [c, c+d). */
export interface ByteRange {
  readonly a: number
  readonly b: number
  readonly c: number
  readonly d: number
}

/** The `/Contents` string as the reader parsed it. */
export type ContentsString = PdfObject & { kind: 'string' }

/** Coverage classes of the signed bytes (pyHanko's names, in the verdict's spelling). */
export type Coverage = 'entire-file' | 'entire-revision' | 'partial'

const failed = (code: string, params?: Record<string, string | number>): Finding => ({
  code,
  status: 'failed',
  subIndication: 'FORMAT_FAILURE',
  ...(params ? { params } : {}),
})

/**
 * Reads `/ByteRange` and checks its structure: four non-negative integers, a = 0, b > 0,
 * c ≥ b + 2 (room for `<>`), c + d ≤ file length. The range is returned only when it passes.
 */
export function checkByteRange(
  value: PdfObject | undefined,
  fileLength: number,
): { range?: ByteRange; finding: Finding } {
  if (!value || value.kind === 'null') return { finding: failed('pdf.byte-range.missing') }
  const items = value.kind === 'array' ? value.items : []
  const nums = items.map((i) => (i.kind === 'number' ? i.value : Number.NaN))
  const shown = value.kind === 'array' ? `[${nums.join(' ')}]` : value.kind
  if (nums.length !== 4 || nums.some((n) => !Number.isSafeInteger(n) || n < 0)) {
    return { finding: failed('pdf.byte-range.malformed', { range: shown }) }
  }
  const [a, b, c, d] = nums as [number, number, number, number]
  if (a !== 0) return { finding: failed('pdf.byte-range.start', { range: shown }) }
  if (b <= 0 || c < b + 2) return { finding: failed('pdf.byte-range.order', { range: shown }) }
  if (c + d > fileLength) {
    return { finding: failed('pdf.byte-range.bounds', { range: shown, length: fileLength }) }
  }
  return { range: { a, b, c, d }, finding: { code: 'pdf.byte-range', status: 'passed' } }
}

/** True when bytes[from, to) are hex digits only, pair by pair equal to `value`. */
function hexEquals(bytes: Uint8Array, from: number, to: number, value: Uint8Array): boolean {
  if (to - from !== value.length * 2) return false
  const pairs = hexPairTable()
  for (let i = 0, p = from; p < to; i++, p += 2) {
    if (pairs[(bytes[p]! << 8) | bytes[p + 1]!] !== value[i]) return false
  }
  return true
}

function allHex(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (HEX_VALUE[bytes[i]!]! < 0) return false
  return true
}

/**
 * Checks the unsigned gap [b, c): exactly `<`, an even number of hex digits, `>`, and the same
 * token (same offsets, same bytes) as the `/Contents` string of the signature dictionary. A gap
 * that stops before the closing `>` (so `>` is signed) is refused: the standard excludes the
 * whole string, delimiters included, and accepting it would admit a shifted ByteRange.
 */
export function checkGap(
  bytes: Uint8Array,
  range: ByteRange,
  contents: PdfObject | undefined,
): Finding {
  const { b, c } = range
  const inner = c - b - 2
  const passed: Finding = { code: 'pdf.gap', status: 'passed', params: { length: inner / 2 } }
  // The usual case: the gap is the parsed hex /Contents token, digit for digit (the lexer
  // read it from these very bytes as digits only, or every pair is compared with the parsed
  // byte). Anything else is classified below.
  if (
    contents?.kind === 'string' &&
    contents.hex &&
    contents.start === b &&
    contents.end === c &&
    bytes[b] === 0x3c &&
    bytes[c - 1] === 0x3e &&
    (contents.compact === true || hexEquals(bytes, b + 1, c - 1, contents.bytes))
  ) {
    return passed
  }
  if (bytes[b] !== 0x3c) return failed('pdf.gap.not-hex', { start: b, end: c })
  if (bytes[c - 1] !== 0x3e) {
    const closedAfter = bytes[c] === 0x3e && (c - b - 1) % 2 === 0 && allHex(bytes, b + 1, c)
    return failed(closedAfter ? 'pdf.gap.closing-signed' : 'pdf.gap.not-hex', { start: b, end: c })
  }
  if (inner % 2 !== 0 || !allHex(bytes, b + 1, c - 1)) {
    return failed('pdf.gap.not-hex', { start: b, end: c })
  }
  if (!contents || contents.kind !== 'string') {
    return failed('pdf.contents.missing', { kind: contents?.kind ?? 'absent' })
  }
  if (contents.start !== b || contents.end !== c || !contents.hex) {
    const where = contents.start < 0 ? 'object stream' : `${contents.start}-${contents.end}`
    return failed('pdf.gap.contents-elsewhere', { start: b, end: c, where })
  }
  if (!hexEquals(bytes, b + 1, c - 1, contents.bytes)) {
    return failed('pdf.gap.contents-mismatch', { start: b, end: c })
  }
  return passed
}

const EOF_MARK = [0x25, 0x25, 0x45, 0x4f, 0x46]

/** True when `end` is a revision's end, or sits right after its `%%EOF` before the EOL. */
function endsRevision(bytes: Uint8Array, rev: PdfRevision, end: number): boolean {
  if (end === rev.end) return true
  if (end > rev.end || end < EOF_MARK.length) return false
  for (let i = end; i < rev.end; i++) if (bytes[i] !== 0x0a && bytes[i] !== 0x0d) return false
  return EOF_MARK.every((x, i) => bytes[end - EOF_MARK.length + i] === x)
}

/**
 * The coverage class of a range and the revision it signed: entire-file (c + d is the file
 * length), entire-revision (c + d ends a revision), else partial with the first revision that
 * reaches past the signed bytes (or null when none does).
 */
export function classifyCoverage(
  bytes: Uint8Array,
  revisions: readonly PdfRevision[],
  range: ByteRange,
): { coverage: Coverage; revision: number | null } {
  const end = range.c + range.d
  const exact = revisions.find((r) => endsRevision(bytes, r, end))
  if (end === bytes.length) {
    const last = revisions[revisions.length - 1]
    return { coverage: 'entire-file', revision: exact?.index ?? last?.index ?? null }
  }
  if (exact) return { coverage: 'entire-revision', revision: exact.index }
  const after = revisions.find((r) => r.end >= end)
  return { coverage: 'partial', revision: after?.index ?? null }
}

/** A signature's identifier with its range, for the cross-signature check. */
export interface RangedSignature {
  /** Distinguishes signatures (field names may repeat). */
  readonly key: number
  readonly id: string
  readonly range: ByteRange
}

/**
 * Checks the signatures' ranges against each other. Signatures are made one after another, so
 * for two of them, i ending no later than j, the gap j leaves unsigned must lie past everything
 * i signed: a gap of j inside i's bytes means two signature values share bytes (the same
 * /Contents claimed twice, or two signatures made in one revision, one of which cannot be
 * valid). Returns the failed findings per signature key; both signatures of a pair get one.
 */
export function overlapFindings(signatures: readonly RangedSignature[]): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>()
  const flag = (who: RangedSignature, other: RangedSignature): void => {
    const { a, b, c, d } = other.range
    const list = out.get(who.key) ?? []
    if (list.some((f) => f.detail?.['key'] === other.key)) return
    const params = { other: other.id, range: `[${a} ${b} ${c} ${d}]` }
    list.push({ ...PLAIN, ...failed('pdf.byte-range.overlap', params), detail: { key: other.key } })
    out.set(who.key, list)
  }
  for (const [x, i] of signatures.entries()) {
    for (const j of signatures.slice(x + 1)) {
      const [first, second] = i.range.c + i.range.d <= j.range.c + j.range.d ? [i, j] : [j, i]
      const firstEnd = first.range.c + first.range.d
      if (second.range.b < firstEnd) {
        flag(first, second)
        flag(second, first)
      }
    }
  }
  return out
}
