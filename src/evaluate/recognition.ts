/**
 * The recognition decision, one place for every format (DESIGN.md "recognition sits on top of
 * validation"): a document carrying a licence is recognised only if a signature or seal in it
 * chains to a licence-issuer or seal-maker service of one of the four provinces that was
 * granted at the signing time, the licence type is on the year's list, the licence is within
 * its validity, its identifier is well formed, and no signature or seal fails. Each refusal
 * is a failed `policy.*` check; the indication stays what validation found.
 */
import { YRD_PROVINCES } from '../formats/licence/divisions.js'
import { isValidUscc } from '../formats/licence/check-characters.js'
import type { Registry, ServiceEntry } from '../registry/index.js'
import type { Outcome } from '../verdict/aggregate.js'
import type { Finding, Lang } from '../verdict/messages.js'
import type { Province, SealResult, SignatureResult } from '../verdict/types.js'
import type { LicenceEvaluation } from './licence.js'
import './recognition-codes.js'
import {
  provinceName,
  recognisedFinding,
  servicesName,
  whatText,
  withdrawnFinding,
} from './recognition-report.js'

/** Everything the decision needs. */
export interface RecognitionInput {
  /** The licence found in the document, or null when it carries none. */
  readonly licence: LicenceEvaluation | null
  readonly signatures: readonly SignatureResult[]
  readonly seals: readonly SealResult[]
  /** The validation outcome of the document before recognition. */
  readonly validation: Outcome
  readonly registry: Registry
  readonly time: Date
  readonly lang: Lang
}

/** The decision's findings and the province that vouches, if any. */
export interface Recognition {
  readonly findings: Finding[]
  readonly province: Province | null
}

/** A signature or seal that may vouch for the document. */
export interface Candidate {
  readonly what: 'signature' | 'seal'
  readonly ok: boolean
  readonly withdrawn: boolean
  readonly province: Province
  readonly services: readonly ServiceEntry[]
  /** The signature whose signer and times stand for it (for a seal: the seal signature). */
  readonly signature?: SignatureResult
  readonly seal?: SealResult
  /** The message of its own first failed policy check, when policy refused it. */
  readonly refusal?: string
}

/** The first failed policy check among a signature's or seal's own checks. */
function refusalOf(checks: SealResult['checks']): { refusal?: string } {
  const c = checks.find((x) => x.status === 'failed' && x.code.startsWith('policy.'))
  return c ? { refusal: c.message } : {}
}

const WITHDRAWN = 'certificate.trust-service-withdrawn'

const ORGANISATION_ATTRIBUTE =
  /(?:^|[,+]\s*)(organizationIdentifier|OU|serialNumber|2\.5\.4\.97)=([^,+]*)/g
const CODE_LIKE = /[0-9A-Z]{18}/g

/** Unified social credit codes in the organisation attributes of a subject (RFC 4514 text). */
export function organisationCodes(subject: string): string[] {
  const out: string[] = []
  // matchAll works on a copy of the expression and match resets it: both are shared safely.
  for (const m of subject.matchAll(ORGANISATION_ATTRIBUTE)) {
    for (const code of (m[2] ?? '').match(CODE_LIKE) ?? []) {
      if (isValidUscc(code) && !out.includes(code)) out.push(code)
    }
  }
  return out
}

function candidates(input: RecognitionInput): Candidate[] {
  const { registry } = input
  const out: Candidate[] = []
  // The signature that applied a seal: OFD and PDF seal signatures are GB/T 38540 ones.
  const sealSignature = input.signatures.find((s) => s.format === 'ses')
  for (const seal of input.seals) {
    if (!seal.province) continue
    const p = registry.provinces.find((x) => x.code === seal.province?.code)
    out.push({
      what: 'seal',
      ok: seal.status === 'recognized',
      withdrawn: seal.checks.some((c) => c.code === WITHDRAWN),
      province: seal.province,
      services: p?.services.filter((s) => s.type === 'seal-maker') ?? [],
      ...(sealSignature ? { signature: sealSignature } : {}),
      seal,
      ...refusalOf(seal.checks),
    })
  }
  const issuing = registry.anchors(['licence-issuer', 'seal-maker'])
  for (const sig of input.signatures) {
    const top = sig.chain?.[sig.chain.length - 1]
    const anchor = top ? issuing.find((a) => a.sha256 === top.sha256) : undefined
    if (!anchor) continue
    out.push({
      what: 'signature',
      ok: sig.status === 'recognized',
      withdrawn: sig.checks.some((c) => c.code === WITHDRAWN),
      province: { code: anchor.province.code, name: anchor.province.name },
      services: [anchor.service],
      signature: sig,
      ...refusalOf(sig.checks),
    })
  }
  return out
}

/** Codes of signer subjects seen before: one issuer's signer signs many documents. */
const codesBySubject = new Map<string, readonly string[]>()
const MAX_CACHED_SUBJECTS = 64
const MAX_CACHED_SUBJECT_LENGTH = 1024

/** {@link organisationCodes} of `subject`, remembered for short subjects. */
function subjectCodes(subject: string): readonly string[] {
  const known = codesBySubject.get(subject)
  if (known !== undefined) return known
  const codes = Object.freeze(organisationCodes(subject))
  if (subject.length <= MAX_CACHED_SUBJECT_LENGTH) {
    if (codesBySubject.size >= MAX_CACHED_SUBJECTS) codesBySubject.clear()
    codesBySubject.set(subject, codes)
  }
  return codes
}

function issuerSignerFindings(input: RecognitionInput, code: string): Finding[] {
  const out: Finding[] = []
  for (const sig of input.signatures) {
    if (!sig.signer || sig.format === 'timestamp') continue
    const codes = subjectCodes(sig.signer.subject)
    if (codes.length === 0) continue
    if (codes.includes(code)) {
      out.push({ code: 'policy.issuer-signer', status: 'passed', params: { code } })
      continue
    }
    const top = sig.chain?.[sig.chain.length - 1]
    const asIssuer =
      top !== undefined &&
      input.registry.anchors(['licence-issuer']).some((a) => a.sha256 === top.sha256)
    out.push({
      code: asIssuer ? 'policy.issuer-signer-mismatch' : 'licence.sealed-by-other',
      status: asIssuer ? 'failed' : 'warning',
      params: { code, signer: codes.join(', ') },
    })
  }
  return out
}

function yearAt(time: Date): number {
  return new Date(time.getTime() + 8 * 3600 * 1000).getUTCFullYear()
}

/**
 * Makes the recognition decision. Without licence metadata it adds one skipped check and
 * leaves the verdict to validation.
 * @example
 * const { findings, province } = recognise({ licence, signatures, seals, validation, ... })
 */
export function recognise(input: RecognitionInput): Recognition {
  const { licence, lang } = input
  if (!licence) return { findings: [{ code: 'licence.absent', status: 'skipped' }], province: null }
  const findings: Finding[] = licence.findings.slice()
  const all = candidates(input)
  const voucher = all.find((c) => c.ok)
  for (const c of all) {
    if (c.withdrawn && !c.ok) findings.push(withdrawnFinding(c, input.time, lang))
  }
  if (voucher) {
    findings.push({
      code: 'policy.issuing-service',
      status: 'passed',
      params: {
        what: whatText(voucher, lang),
        province: provinceName(voucher.province, lang),
        service: servicesName(voucher.services, lang),
      },
    })
  } else if (input.validation.indication === 'TOTAL_PASSED') {
    const refused = all.find((c) => c.refusal !== undefined)
    findings.push(
      refused
        ? {
            code: 'policy.issuing-service-refused',
            status: 'failed',
            params: {
              what: whatText(refused, lang),
              province: provinceName(refused.province, lang),
              reason: refused.refusal ?? '?',
            },
          }
        : { code: 'policy.no-issuing-service', status: 'failed' },
    )
  } else if (!all.some((c) => c.withdrawn)) {
    findings.push({ code: 'policy.issuing-service-undecided', status: 'skipped' })
  }
  const v = licence.licence
  const year = yearAt(input.time)
  const listed = v.typeCode
    ? input.registry.recognisedTypes(year).find((t) => t.code === v.typeCode)
    : undefined
  if (v.typeCode) {
    findings.push(
      listed
        ? {
            code: 'policy.type-recognised',
            status: 'passed',
            params: { type: listed.name, code: listed.code, year },
          }
        : {
            code: 'policy.type-not-recognised',
            status: 'failed',
            params: { code: v.typeCode, year },
          },
    )
  }
  if (v.issuerCode) findings.push(...issuerSignerFindings(input, v.issuerCode))
  const issuerProvince = licence.issuerProvince
  if (voucher && issuerProvince && issuerProvince !== voucher.province.code) {
    const known = YRD_PROVINCES[issuerProvince]
    findings.push({
      code: 'policy.issuer-province-mismatch',
      status: 'failed',
      params: {
        issuer: (lang === 'en' ? known?.en : known?.zh) ?? issuerProvince,
        province: provinceName(voucher.province, lang),
      },
    })
  }
  // Recognised only when nothing at all stands against it: not its own findings, and not the
  // validation (a failed document-level policy check, an indeterminate part).
  const blocked = findings.some((f) => f.status === 'failed' || f.status === 'indeterminate')
  if (voucher && !blocked && input.validation.status === 'recognized') {
    findings.push(recognisedFinding(voucher, licence, input, listed))
  }
  return { findings, province: voucher ? voucher.province : null }
}
