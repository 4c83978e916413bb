/**
 * The bounds a caller may set through `VerifyOptions.limits`: one flat object, every field
 * optional with the default the readers and path building apply anyway. Each field is handed
 * to the reader or step it bounds; docs/limits.md lists what each does when an input hits it.
 */
import { YrdError } from './errors.js'
import type { OfdLimits } from './formats/ofd/limits.js'
import type { PdfLimits } from './formats/pdf/types.js'
import { DEFAULT_PDF_LIMITS } from './formats/pdf/limits.js'
import { DEFAULT_XML_LIMITS } from './formats/xml/limits.js'
import { DEFAULT_ZIP_LIMITS } from './formats/zip/limits.js'
import { DEFAULT_PATH_LIMITS } from './pki/validate.js'

/** Bounds of one verification. Omitted fields keep their defaults ({@link DEFAULT_LIMITS}). */
export interface VerifyLimits {
  /** Largest input in bytes (also the PDF reader's file size bound). Default 1 GiB. */
  readonly fileSize?: number
  /** Indirect objects of a PDF. Default 1 000 000. */
  readonly pdfObjects?: number
  /** Revisions (incremental updates) of a PDF. Default 256. */
  readonly pdfRevisions?: number
  /** Decoded bytes of one PDF stream. Default 64 MiB. */
  readonly pdfStreamOutput?: number
  /** Decoded bytes of all PDF streams together. Default 512 MiB. */
  readonly pdfTotalOutput?: number
  /** Nesting of PDF arrays and dictionaries. Default 64. */
  readonly pdfDepth?: number
  /** Entries of a zip (OFD) package. Default 10 000. */
  readonly zipEntries?: number
  /** Declared uncompressed size of one zip entry. Default 100 MB. */
  readonly zipEntrySize?: number
  /** Declared uncompressed size of all zip entries. Default 200 MB. */
  readonly zipTotalSize?: number
  /** Largest uncompressed/compressed ratio of a zip entry. Default 200. */
  readonly zipRatio?: number
  /** Entries up to this uncompressed size are exempt from `zipRatio`. Default 1 MiB. */
  readonly zipRatioThreshold?: number
  /** Bytes of one XML document (OFD). Default 16 MiB. */
  readonly xmlSize?: number
  /** Element nesting of one XML document (OFD). Default 64. */
  readonly xmlDepth?: number
  /** Certificates in a certification path, the anchor not counted. Default 10. */
  readonly chainDepth?: number
  /** Candidate issuer steps of one path search. Default 5 000. */
  readonly chainWork?: number
  /** Certificate signature checks of one path search. Default 200. */
  readonly chainSignatures?: number
  /**
   * Signatures of one document: PDF signatures evaluated (default 100, more is
   * `pdf.signature.too-many`), OFD signatures read (default 256, more is a format failure).
   */
  readonly signatures?: number
}

/** The name of one limit. */
export type LimitName = keyof VerifyLimits

/** The defaults, as applied when a field is omitted: the readers' and path building's own. */
export const DEFAULT_LIMITS: Readonly<Record<LimitName, number>> = Object.freeze({
  fileSize: DEFAULT_PDF_LIMITS.maxFileSize,
  pdfObjects: DEFAULT_PDF_LIMITS.maxObjects,
  pdfRevisions: DEFAULT_PDF_LIMITS.maxRevisions,
  pdfStreamOutput: DEFAULT_PDF_LIMITS.maxStreamOutput,
  pdfTotalOutput: DEFAULT_PDF_LIMITS.maxTotalOutput,
  pdfDepth: DEFAULT_PDF_LIMITS.maxDepth,
  zipEntries: DEFAULT_ZIP_LIMITS.maxEntries,
  zipEntrySize: DEFAULT_ZIP_LIMITS.maxEntrySize,
  zipTotalSize: DEFAULT_ZIP_LIMITS.maxTotalSize,
  zipRatio: DEFAULT_ZIP_LIMITS.maxRatio,
  zipRatioThreshold: DEFAULT_ZIP_LIMITS.ratioThreshold,
  xmlSize: DEFAULT_XML_LIMITS.maxBytes,
  xmlDepth: DEFAULT_XML_LIMITS.maxDepth,
  chainDepth: DEFAULT_PATH_LIMITS.depth,
  chainWork: DEFAULT_PATH_LIMITS.candidates,
  chainSignatures: DEFAULT_PATH_LIMITS.signatures,
  signatures: 100,
})

/** Limits that must be at least 1 (a zero would refuse every input, not bound it). */
const POSITIVE: ReadonlySet<LimitName> = new Set(['fileSize', 'xmlSize', 'xmlDepth', 'zipRatio'])

/** The limit names, in documentation order. */
export const LIMIT_NAMES: readonly LimitName[] = Object.freeze(
  Object.keys(DEFAULT_LIMITS) as LimitName[],
)

function isLimitName(name: string): name is LimitName {
  return Object.prototype.hasOwnProperty.call(DEFAULT_LIMITS, name)
}

/**
 * Checks a limits object: known names only, each a safe integer ≥ 0 (≥ 1 for sizes and
 * ratios). Throws YrdError `input.limits` otherwise.
 * @example
 * checkLimits({ pdfObjects: 5000, chainDepth: 6 })
 */
export function checkLimits(limits: VerifyLimits | undefined): VerifyLimits {
  if (limits === undefined) return {}
  for (const [name, value] of Object.entries(limits)) {
    if (value === undefined) continue
    if (!isLimitName(name)) {
      throw new YrdError('input.limits', `未知的上限 / unknown limit "${name.slice(0, 64)}"`)
    }
    const min = POSITIVE.has(name) ? 1 : 0
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
      throw new YrdError(
        'input.limits',
        `上限 ${name} 须为不小于 ${min} 的整数 / limit ${name} must be an integer >= ${min}`,
      )
    }
  }
  return limits
}

/** One limit's value: the caller's, or the default. */
export function limitOf(limits: VerifyLimits | undefined, name: LimitName): number {
  return limits?.[name] ?? DEFAULT_LIMITS[name]
}

/** The PDF reader's bounds set by `limits` (only the fields the caller gave). */
export function pdfLimitsOf(limits: VerifyLimits | undefined): Partial<PdfLimits> {
  const out: { -readonly [K in keyof PdfLimits]?: number } = {}
  if (!limits) return out
  if (limits.fileSize !== undefined) out.maxFileSize = limits.fileSize
  if (limits.pdfObjects !== undefined) out.maxObjects = limits.pdfObjects
  if (limits.pdfRevisions !== undefined) out.maxRevisions = limits.pdfRevisions
  if (limits.pdfStreamOutput !== undefined) out.maxStreamOutput = limits.pdfStreamOutput
  if (limits.pdfTotalOutput !== undefined) out.maxTotalOutput = limits.pdfTotalOutput
  if (limits.pdfDepth !== undefined) out.maxDepth = limits.pdfDepth
  return out
}

/** The OFD reader's bounds (with its zip and XML bounds) set by `limits`. */
export function ofdLimitsOf(limits: VerifyLimits | undefined): Partial<OfdLimits> {
  if (!limits) return {}
  const zip: Record<string, number> = {}
  if (limits.zipEntries !== undefined) zip['maxEntries'] = limits.zipEntries
  if (limits.zipEntrySize !== undefined) zip['maxEntrySize'] = limits.zipEntrySize
  if (limits.zipTotalSize !== undefined) zip['maxTotalSize'] = limits.zipTotalSize
  if (limits.zipRatio !== undefined) zip['maxRatio'] = limits.zipRatio
  if (limits.zipRatioThreshold !== undefined) zip['ratioThreshold'] = limits.zipRatioThreshold
  const xml: Record<string, number> = {}
  if (limits.xmlSize !== undefined) xml['maxBytes'] = limits.xmlSize
  if (limits.xmlDepth !== undefined) xml['maxDepth'] = limits.xmlDepth
  return {
    zip,
    xml,
    ...(limits.signatures !== undefined ? { maxSignatures: limits.signatures } : {}),
  }
}

/** Parses `name=value` (value a whole number, optionally with a k/M/G binary suffix). */
export function parseLimitArgument(text: string): [LimitName, number] {
  const m = /^([A-Za-z]+)=(\d{1,15})([kKmMgG]?)$/.exec(text)
  const name = m?.[1]
  if (!m || name === undefined || !isLimitName(name)) {
    throw new YrdError(
      'input.limits',
      `--limit 需要 名称=数值 / --limit needs NAME=VALUE with NAME one of ${LIMIT_NAMES.join(', ')}`,
    )
  }
  const scale = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[3]!.toLowerCase()] ?? 1
  const value = Number(m[2]) * scale
  checkLimits({ [name]: value })
  return [name, value]
}
