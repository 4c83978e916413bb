/**
 * The licence metadata checks shared by every format: mandatory fields, the GB/T 36904
 * identifier and its check character, the cross-checks between identifier and fields, the
 * holder ID by its type, the issuer's province, and the validity at the validation time.
 */
import { isValidCitizenId, isValidUscc } from '../formats/licence/check-characters.js'
import { YRD_PROVINCES, provinceOfDivision } from '../formats/licence/divisions.js'
import { parseLicenceIdentifier, type LicenceIdentifier } from '../formats/licence/identifier.js'
import { readLicenceFields, type LicenceFields } from '../formats/licence/metadata.js'
import type { Finding, Lang } from '../verdict/messages.js'
import type { LicenceSummary } from '../verdict/types.js'
import './licence-codes.js'
import { isoTime } from '../verdict/iso-time.js'

/** Where licence metadata came from, for the check message. */
export type LicenceSource = 'OFD CustomData' | 'PDF' | 'JSON' | string

/** The licence object, its parsed identifier and the findings about it. */
export interface LicenceEvaluation {
  readonly licence: LicenceSummary
  readonly fields: LicenceFields
  readonly identifier: LicenceIdentifier | null
  /** The province code of the issuer's division, when it is one of the four. */
  readonly issuerProvince: string | null
  readonly findings: Finding[]
}

const SIX_DIGITS = /^\d{6}$/
const BEIJING_OFFSET_MS = 8 * 3600 * 1000
const DAY_MS = 24 * 3600 * 1000

/** Start of a calendar day (a normalised `YYYY-MM-DD`, year 100 or later) in Beijing time. */
function dayStart(date: string): number {
  const y = Number(date.slice(0, 4))
  const m = Number(date.slice(5, 7))
  const d = Number(date.slice(8, 10))
  return Date.UTC(y, m - 1, d) - BEIJING_OFFSET_MS
}

/** The verdict's licence object from normalised fields. */
export function licenceSummary(f: LicenceFields): LicenceSummary {
  const v = f.values
  return {
    identifier: v.identifier ?? null,
    type: v.name ?? null,
    holder: v.holder ?? null,
    issuer: v.issuer ?? null,
    issuedOn: v.issuedOn ?? null,
    validFrom: v.validFrom ?? null,
    validTo: v.validTo ?? null,
    name: v.name ?? null,
    typeCode: v.typeCode ?? null,
    number: v.number ?? null,
    holderId: v.holderId ?? null,
    holderIdType: v.holderIdTypeCode ?? v.holderIdType ?? null,
    issuerCode: v.issuerCode ?? null,
  }
}

function identifierFindings(f: LicenceFields, id: LicenceIdentifier | null): Finding[] {
  if (!id) return []
  const out: Finding[] = []
  if (id.problems.length === 0) {
    out.push({
      code: 'licence.identifier',
      status: 'passed',
      params: { identifier: id.text, check: id.check ?? '' },
    })
  } else {
    out.push({
      code: 'policy.licence-identifier',
      status: 'failed',
      params: {
        identifier: id.text,
        problems: id.problems.join(', '),
        expected: id.expectedCheck ?? '?',
      },
      detail: { problems: id.problems },
    })
  }
  const { typeCode, issuerCode } = f.values
  if (typeCode && id.typeCode && typeCode !== id.typeCode) {
    out.push({
      code: 'policy.licence-type-code-mismatch',
      status: 'failed',
      params: { field: typeCode, part: id.typeCode },
    })
  }
  if (issuerCode && id.issuerCode && issuerCode !== id.issuerCode) {
    out.push({
      code: 'policy.licence-issuer-code-mismatch',
      status: 'failed',
      params: { field: issuerCode, part: id.issuerCode },
    })
  }
  return out
}

/** Holder ID types by code (CZZTDMLXDM), their names and checks. */
const HOLDER_ID_KINDS: Record<string, { zh: string; en: string; valid: (s: string) => boolean }> = {
  '111': { zh: '111 公民身份号码', en: '111 citizen ID', valid: isValidCitizenId },
  '001': { zh: '001 统一社会信用代码', en: '001 unified social credit code', valid: isValidUscc },
}

function holderFinding(f: LicenceFields, lang: Lang): Finding | undefined {
  const id = f.values.holderId
  const typeCode = f.values.holderIdTypeCode
  if (!id || !typeCode) return undefined
  // Own entries only: a code such as "constructor" names no kind, not Object's member.
  const kind = Object.hasOwn(HOLDER_ID_KINDS, typeCode) ? HOLDER_ID_KINDS[typeCode] : undefined
  if (!kind) {
    return { code: 'licence.holder-id-type-unknown', status: 'warning', params: { type: typeCode } }
  }
  const name = lang === 'en' ? kind.en : kind.zh
  return kind.valid(id)
    ? { code: 'licence.holder-id', status: 'passed', params: { id, type: name } }
    : { code: 'policy.licence-holder-id', status: 'failed', params: { id, type: name } }
}

function issuerProvince(
  code: string | undefined,
  lang: Lang,
): { province: string | null; f?: Finding } {
  if (!code) return { province: null }
  const division = isValidUscc(code) ? code.slice(2, 8) : SIX_DIGITS.test(code) ? code : undefined
  const province = division === undefined ? undefined : provinceOfDivision(division)
  if (division === undefined || province === undefined) return { province: null }
  const known = YRD_PROVINCES[province]
  if (!known) {
    return {
      province: null,
      f: { code: 'policy.licence-issuer-province', status: 'failed', params: { code, division } },
    }
  }
  return {
    province,
    f: {
      code: 'licence.issuer-province',
      status: 'passed',
      params: { code, province: known[lang] },
    },
  }
}

function validityFinding(f: LicenceFields, at: Date): Finding | undefined {
  const { validFrom, validTo } = f.values
  const time = isoTime(at)
  const to = validTo ?? (f.openEnded ? '长期' : '?')
  if (validFrom && at.getTime() < dayStart(validFrom)) {
    return {
      code: 'policy.licence-not-yet-valid',
      status: 'failed',
      params: { from: validFrom, time },
    }
  }
  // An end date is checked even without a start date (a missing start is its own failure).
  if (validTo && at.getTime() >= dayStart(validTo) + DAY_MS) {
    return { code: 'policy.licence-expired', status: 'failed', params: { to: validTo, time } }
  }
  if (!validFrom || (!validTo && !f.openEnded)) return undefined
  return { code: 'licence.validity', status: 'passed', params: { from: validFrom, to } }
}

function fieldList(keys: readonly string[]): { fields: string } {
  return { fields: keys.join(', ') }
}

/**
 * Evaluates licence metadata given as key/value pairs at the validation time `at`.
 * @example
 * const { licence, findings } = evaluateLicence(ofd.documents[0].docInfo.customData, now, 'OFD')
 */
export function evaluateLicence(
  pairs: readonly { readonly name: string; readonly value: string }[],
  at: Date,
  source: LicenceSource,
  lang: Lang = 'zh',
): LicenceEvaluation {
  const fields = readLicenceFields(pairs)
  const findings: Finding[] = [
    { code: 'licence.metadata', status: 'passed', params: { count: fields.keys.length, source } },
  ]
  if (fields.missing.length > 0) {
    findings.push({
      code: 'policy.licence-fields-missing',
      status: 'failed',
      params: fieldList(fields.missing),
      detail: { fields: fields.missing },
    })
  }
  if (fields.conflicting.length > 0) {
    findings.push({
      code: 'policy.licence-fields-conflict',
      status: 'failed',
      params: fieldList(fields.conflicting),
    })
  }
  if (fields.badDates.length > 0) {
    findings.push({
      code: 'policy.licence-date-format',
      status: 'failed',
      params: fieldList(fields.badDates),
    })
  }
  const identifier = fields.values.identifier
    ? parseLicenceIdentifier(fields.values.identifier)
    : null
  for (const finding of identifierFindings(fields, identifier)) findings.push(finding)
  const holder = holderFinding(fields, lang)
  if (holder) findings.push(holder)
  const issuer = issuerProvince(fields.values.issuerCode, lang)
  if (issuer.f) findings.push(issuer.f)
  const validity = validityFinding(fields, at)
  if (validity) findings.push(validity)
  return {
    licence: licenceSummary(fields),
    fields,
    identifier,
    issuerProvince: issuer.province,
    findings,
  }
}
