/**
 * The findings of the recognition decision that report facts in detail: a trust service
 * withdrawn before the proven signing time (when it was withdrawn, and which time was used),
 * and the recognised licence itself — province, vouching service, signer, seal, licence type
 * and validity, with a structured `detail` that renderers read in either language.
 */
import { YRD_PROVINCES } from '../formats/licence/divisions.js'
import type { RecognisedType, ServiceEntry } from '../registry/index.js'
import type { Finding, Lang } from '../verdict/messages.js'
import type { Province } from '../verdict/types.js'
import type { LicenceEvaluation } from './licence.js'
import { englishLicenceType } from './licence-type-names.js'
import { WITHDRAWN_CLAUSES } from './recognition-codes.js'
import type { Candidate, RecognitionInput } from './recognition.js'
import { withdrawalOf } from './service-history.js'
import { isoTime } from '../verdict/iso-time.js'

/** A province's name in `lang`. */
export function provinceName(p: Province, lang: Lang): string {
  return lang === 'en' ? (YRD_PROVINCES[p.code]?.en ?? p.name) : p.name
}

/** "signature" or "seal" in `lang`. */
export function whatText(c: Candidate, lang: Lang): string {
  if (lang === 'en') return c.what
  return c.what === 'seal' ? '印章' : '签名'
}

/** The names of services in `lang`, joined. */
export function servicesName(services: readonly ServiceEntry[], lang: Lang): string {
  return services.map((s) => s.name[lang]).join(' / ') || '?'
}

function clause(key: keyof typeof WITHDRAWN_CLAUSES, lang: Lang, params: Record<string, string>) {
  return WITHDRAWN_CLAUSES[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => params[k] ?? m)
}

/**
 * `policy.service-withdrawn` for a signature or seal whose service was not granted at the
 * time its chain was finally checked (the validation time `at`: no proof of an earlier time
 * cured it). Names the withdrawal from the registry's history and the times known.
 */
export function withdrawnFinding(c: Candidate, at: Date, lang: Lang): Finding {
  const dated = c.services.flatMap((s) => {
    const when = withdrawalOf(s, at)
    return when === undefined ? [] : [{ service: s, when }]
  })
  const services = dated.length > 0 ? dated.map((d) => d.service) : c.services
  const withdrawn = dated.map((d) => d.when).sort()[0]
  const stamp = c.signature?.timestamp ?? undefined
  const claimed = c.signature?.signingTime ?? undefined
  const time = isoTime(at)
  const proof =
    stamp !== undefined
      ? withdrawn !== undefined && Date.parse(stamp) >= Date.parse(withdrawn)
        ? clause('stampAfter', lang, { stamp })
        : clause('stampUnproven', lang, { stamp, time })
      : claimed !== undefined
        ? clause('claimed', lang, { claimed, time })
        : clause('noTime', lang, { time })
  const state =
    withdrawn !== undefined
      ? clause('withdrawnOn', lang, { withdrawn })
      : clause('notGranted', lang, {})
  return {
    code: 'policy.service-withdrawn',
    status: 'failed',
    params: { what: whatText(c, lang), service: servicesName(services, lang), state, proof },
    detail: {
      services: services.map((s) => s.id),
      withdrawn: withdrawn ?? null,
      timestamp: stamp ?? null,
      claimedSigningTime: claimed ?? null,
      checkedAt: time,
    },
  }
}

function commonName(subject: string | undefined): string | null {
  if (!subject) return null
  // The first "CN=" at the start or after ", " with a value before the next comma.
  for (let at = subject.indexOf('CN='); at >= 0; at = subject.indexOf('CN=', at + 3)) {
    const starts =
      at === 0 || (at >= 2 && subject.charAt(at - 2) === ',' && subject.charAt(at - 1) === ' ')
    if (!starts || at + 3 >= subject.length || subject.charAt(at + 3) === ',') continue
    const end = subject.indexOf(',', at + 3)
    return subject.slice(at + 3, end < 0 ? subject.length : end)
  }
  return subject
}

/** The licence type's names: the list's (else the licence's) Chinese name, English if known. */
function typeNames(licence: LicenceEvaluation, listed: RecognisedType | undefined) {
  const v = licence.licence
  const zh = listed?.name ?? v.type ?? null
  return { code: v.typeCode ?? null, zh, en: englishLicenceType(zh) ?? null }
}

/**
 * `policy.recognised`: what a clerk needs to accept the licence. Its `detail` carries the same
 * facts as data, with names in both languages, for renderers.
 */
export function recognisedFinding(
  voucher: Candidate,
  licence: LicenceEvaluation,
  input: RecognitionInput,
  listed: RecognisedType | undefined,
): Finding {
  const { lang } = input
  const by =
    voucher.signature ?? input.signatures.find((s) => s.signer !== null && s.format !== 'timestamp')
  const signer = commonName(by?.signer?.subject)
  const seal = voucher.seal ?? input.seals[0]
  const type = typeNames(licence, listed)
  const v = licence.licence
  const open = licence.fields.openEnded
  const code = voucher.province.code
  const sealText = seal
    ? lang === 'en'
      ? `${seal.name} (${seal.esID})`
      : `${seal.name}（${seal.esID}）`
    : lang === 'en'
      ? 'none'
      : '无'
  const typeText =
    lang === 'en'
      ? (type.en ?? `${type.zh ?? '?'} (${type.code ?? '?'})`)
      : (type.zh ?? type.code ?? '?')
  return {
    code: 'policy.recognised',
    status: 'passed',
    params: {
      province: provinceName(voucher.province, lang),
      service: servicesName(voucher.services, lang),
      signer: signer ?? '—',
      seal: sealText,
      type: typeText,
      from: v.validFrom ?? '?',
      to: v.validTo ?? (open ? (lang === 'en' ? 'no end date' : '长期') : '?'),
    },
    detail: {
      province: {
        code,
        zh: YRD_PROVINCES[code]?.zh ?? voucher.province.name,
        en: YRD_PROVINCES[code]?.en ?? voucher.province.name,
      },
      via: voucher.what,
      services: voucher.services.map((s) => ({ id: s.id, type: s.type, name: s.name })),
      signer,
      seal: seal
        ? { esID: seal.esID, name: seal.name, validFrom: seal.validFrom, validTo: seal.validTo }
        : null,
      licenceType: type,
      validity: { from: v.validFrom, to: v.validTo, openEnded: open },
    },
  }
}
