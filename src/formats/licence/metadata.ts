/**
 * GB/T 36903 licence metadata from key/value pairs (OFD CustomData, PDF document information
 * or XMP, JSON licence members): pinyin keys matched case-insensitively, dates normalised to
 * `YYYY-MM-DD`. Reading only: the checks are made by the evaluator.
 */

/** The GB/T 36903 keys read into {@link LicenceFields}, by field. */
export const LICENCE_KEYS = {
  name: 'ZZMC',
  typeCode: 'ZZLXDM',
  number: 'ZZBH',
  identifier: 'ZZBS',
  issuer: 'ZZBFJG',
  issuerCode: 'ZZBFJGDM',
  issuedOn: 'ZZBFRQ',
  holder: 'CZZT',
  holderId: 'CZZTDM',
  holderIdType: 'CZZTDMLX',
  holderIdTypeCode: 'CZZTDMLXDM',
  validFrom: 'ZZYXQQSRQ',
  validTo: 'ZZYXQJZRQ',
} as const

export type LicenceField = keyof typeof LICENCE_KEYS

/** Keys a licence must carry (GB/T 36903 mandatory items as written in practice). */
export const MANDATORY_KEYS: readonly string[] = [
  'ZZMC',
  'ZZLXDM',
  'ZZBH',
  'ZZBS',
  'ZZBFJG',
  'ZZBFJGDM',
  'ZZBFRQ',
  'CZZT',
  'CZZTDM',
  'CZZTDMLXDM',
  'ZZYXQQSRQ',
]

const DATE_FIELDS: ReadonlySet<LicenceField> = new Set(['issuedOn', 'validFrom', 'validTo'])

/** Most pairs read; further pairs are ignored and counted. */
export const MAX_METADATA_PAIRS = 1024
/** Longest value kept, in characters. */
export const MAX_METADATA_VALUE = 4096

/** Values that mean "no end date" in the validity-until field. */
const OPEN_ENDED = new Set(['长期', '永久', '长期有效', '9999-12-31', '99991231'])

/** The normalised metadata and what was wrong while reading it. */
export interface LicenceFields {
  readonly values: Readonly<Partial<Record<LicenceField, string>>>
  /** True when ZZYXQJZRQ says the licence does not expire (长期). */
  readonly openEnded: boolean
  /** Mandatory keys absent or empty. */
  readonly missing: readonly string[]
  /** Keys given twice with different values. */
  readonly conflicting: readonly string[]
  /** Date keys whose value is not a date. */
  readonly badDates: readonly string[]
  /** Every recognised GB/T 36903 key present, upper case (including KZ_ extensions). */
  readonly keys: readonly string[]
  readonly ignored: number
}

const LICENCE_KEY_SET: ReadonlySet<string> = new Set(Object.values(LICENCE_KEYS))
const FIELD_KEYS = Object.entries(LICENCE_KEYS) as [LicenceField, string][]

/** A pair's key: trimmed, upper case (a key already in that form is kept as it is). */
function keyOf(name: string): string {
  return LICENCE_KEY_SET.has(name) ? name : name.trim().toUpperCase()
}

/**
 * True when the pairs carry any GB/T 36903 key (the input is a licence): a licence missing
 * its identifier (ZZBS) is still a licence, whose missing fields are failed checks.
 */
export function hasLicenceMetadata(pairs: readonly { readonly name: string }[]): boolean {
  return pairs.some((p) => LICENCE_KEY_SET.has(keyOf(p.name)))
}

const DASHED = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/
const SLASHED = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日$/
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const

/** True when `t` is exactly `dddd-dd-dd` (ASCII digits). */
function isPlainDate(t: string): boolean {
  if (t.length !== 10 || t.charCodeAt(4) !== 0x2d || t.charCodeAt(7) !== 0x2d) return false
  for (let i = 0; i < 10; i++) {
    const c = t.charCodeAt(i)
    if (i !== 4 && i !== 7 && (c < 0x30 || c > 0x39)) return false
  }
  return true
}

/** Days in month `mo` (1-12) of the proleptic Gregorian year `y`. */
function daysIn(y: number, mo: number): number {
  if (mo === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) return 29
  return MONTH_DAYS[mo - 1] ?? 0
}

/**
 * Normalises a date written as `YYYY-MM-DD`, `YYYYMMDD`, `YYYY/MM/DD`, `YYYY年M月D日` or an
 * ISO date-time to `YYYY-MM-DD`; undefined when it is none of those or not a real date.
 */
export function normaliseDate(text: string): string | undefined {
  const t = text.trim()
  let year: string
  let mo: number
  let d: number
  if (isPlainDate(t)) {
    // What DASHED would capture, without running it.
    year = t.slice(0, 4)
    mo = Number(t.slice(5, 7))
    d = Number(t.slice(8, 10))
  } else {
    const m = DASHED.exec(t) ?? COMPACT.exec(t) ?? SLASHED.exec(t) ?? CHINESE.exec(t)
    if (!m) return undefined
    year = m[1]!
    mo = Number(m[2])
    d = Number(m[3])
  }
  const y = Number(year)
  // A year below 100 is refused.
  if (y < 100 || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return undefined
  return `${year}-${mo < 10 ? '0' : ''}${mo}-${d < 10 ? '0' : ''}${d}`
}

/** Reads GB/T 36903 metadata from key/value pairs. Never throws. */
export function readLicenceFields(
  pairs: readonly { readonly name: string; readonly value: string }[],
): LicenceFields {
  const seen = new Map<string, string>()
  const conflicting = new Set<string>()
  const used = Math.min(pairs.length, MAX_METADATA_PAIRS)
  for (let i = 0; i < used; i++) {
    const p = pairs[i]!
    const key = keyOf(p.name)
    const value = p.value.trim().slice(0, MAX_METADATA_VALUE)
    const before = seen.get(key)
    if (before !== undefined && before !== value) conflicting.add(key)
    if (before === undefined || before === '') seen.set(key, value)
  }
  const values: Partial<Record<LicenceField, string>> = {}
  const badDates: string[] = []
  let openEnded = false
  for (const [field, key] of FIELD_KEYS) {
    const raw = seen.get(key)
    if (raw === undefined || raw === '') continue
    if (field === 'validTo' && OPEN_ENDED.has(raw)) {
      openEnded = true
      continue
    }
    if (DATE_FIELDS.has(field)) {
      const date = normaliseDate(raw)
      if (date === undefined) badDates.push(key)
      else values[field] = date
      continue
    }
    values[field] = raw
  }
  const keys: string[] = []
  for (const k of seen.keys()) if (LICENCE_KEY_SET.has(k) || k.startsWith('KZ_')) keys.push(k)
  return {
    values,
    openEnded,
    missing: MANDATORY_KEYS.filter((k) => !seen.get(k)),
    conflicting: [...conflicting],
    badDates,
    keys,
    ignored: pairs.length - used,
  }
}
