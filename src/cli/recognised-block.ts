/**
 * The short block a clerk reads under the status line of a recognised licence: the province
 * that vouches, the vouching service, the signer, the seal, the licence type, identifier,
 * holder and issuer, and the validity, labelled in the chosen language. The facts come from
 * the `detail` of the passed `policy.recognised` check and from the verdict's licence.
 */
import type { Verdict } from '../verdict/types.js'

type Lang = 'zh' | 'en'
type Names = { readonly zh: string; readonly en: string }

/** One line of the block. */
export interface BlockRow {
  readonly key: string
  readonly label: string
  readonly value: string
}

/** The detail of `policy.recognised` (src/evaluate/recognition-report.ts). */
interface RecognisedDetail {
  readonly province: { readonly code: string } & Names
  readonly services: readonly { readonly id: string; readonly type: string; readonly name: Names }[]
  readonly signer: string | null
  readonly seal: {
    readonly esID: string
    readonly name: string
    readonly validFrom: string
    readonly validTo: string
  } | null
  readonly licenceType: {
    readonly code: string | null
    readonly zh: string | null
    readonly en: string | null
  }
  readonly validity: {
    readonly from: string | null
    readonly to: string | null
    readonly openEnded: boolean
  }
}

const LABELS: Record<string, Names> = {
  province: { zh: '省份', en: 'Province' },
  service: { zh: '担保服务', en: 'Vouched for by' },
  signer: { zh: '签署者', en: 'Signer' },
  seal: { zh: '印章', en: 'Seal' },
  type: { zh: '证照类型', en: 'Licence type' },
  identifier: { zh: '证照标识', en: 'Licence identifier' },
  holder: { zh: '持证主体', en: 'Holder' },
  issuer: { zh: '颁发机构', en: 'Issued by' },
  validity: { zh: '有效期', en: 'Valid' },
}

const SERVICE_TYPES: Record<string, Names> = {
  'licence-issuer': { zh: '证照签发服务', en: 'licence issuer' },
  'seal-maker': { zh: '电子印章制作服务', en: 'seal maker' },
  'signature-ca': { zh: '电子签名认证服务', en: 'signature CA' },
  'timestamp-authority': { zh: '时间戳服务', en: 'time-stamp authority' },
}

function isRecognisedDetail(d: unknown): d is RecognisedDetail {
  if (typeof d !== 'object' || d === null) return false
  const r = d as Partial<Record<keyof RecognisedDetail, unknown>>
  return (
    typeof r.province === 'object' &&
    Array.isArray(r.services) &&
    typeof r.licenceType === 'object' &&
    typeof r.validity === 'object'
  )
}

/** The `YYYY-MM-DD` of an instant in Beijing time (seal validity is given as instants). */
export function beijingDate(iso: string): string {
  const t = Date.parse(iso)
  if (Number.isNaN(t)) return iso
  return new Date(t + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

/** `main（extra）` in Chinese, `main (extra)` in English. */
function paren(main: string, extra: string, lang: Lang): string {
  return lang === 'zh' ? `${main}（${extra}）` : `${main} (${extra})`
}

function issuedText(issuer: string, on: string, lang: Lang): string {
  return lang === 'zh' ? `${issuer}，${on} 颁发` : `${issuer}, on ${on}`
}

function sealText(d: RecognisedDetail, lang: Lang): string {
  const s = d.seal
  if (!s) return lang === 'zh' ? '无（未加盖电子印章）' : 'none (no electronic seal)'
  const from = beijingDate(s.validFrom)
  const to = beijingDate(s.validTo)
  return lang === 'zh'
    ? `${s.name}（${s.esID}），有效期 ${from} 至 ${to}`
    : `${s.name} (${s.esID}), valid ${from} to ${to}`
}

function typeText(d: RecognisedDetail, lang: Lang): string {
  const t = d.licenceType
  const name = (lang === 'en' ? t.en : null) ?? t.zh ?? t.code ?? '?'
  return t.code && name !== t.code ? paren(name, t.code, lang) : name
}

function validityText(d: RecognisedDetail, lang: Lang): string {
  const { from, to, openEnded } = d.validity
  const start = from ?? '?'
  if (to) return lang === 'zh' ? `${start} 至 ${to}` : `${start} to ${to}`
  if (openEnded) return lang === 'zh' ? `${start} 起长期有效` : `from ${start}, no end date`
  return lang === 'zh' ? `${start} 起（未载明截止日期）` : `from ${start} (no end date given)`
}

/**
 * The rows of the block for a recognised licence in `lang`, or null when the verdict is not
 * a recognised licence (no passed `policy.recognised` check with its detail).
 */
export function recognisedRows(v: Verdict, lang: Lang): BlockRow[] | null {
  if (v.status !== 'recognized') return null
  const check = v.checks.find((c) => c.code === 'policy.recognised' && c.status === 'passed')
  const d = check?.detail
  if (!isRecognisedDetail(d)) return null
  const none = lang === 'zh' ? '无' : 'none'
  const l = v.licence
  const services = d.services
    .map((s) => {
      const type = SERVICE_TYPES[s.type]
      return type ? paren(s.name[lang], type[lang], lang) : s.name[lang]
    })
    .join(' / ')
  const holder = l?.holder ?? none
  const issuer = l?.issuer ?? none
  const rows: [string, string][] = [
    ['province', paren(d.province[lang], d.province.code, lang)],
    ['service', services || none],
    ['signer', d.signer ?? none],
    ['seal', sealText(d, lang)],
    ['type', typeText(d, lang)],
    ['identifier', l?.identifier ?? none],
    ['holder', l?.holderId ? paren(holder, l.holderId, lang) : holder],
    ['issuer', l?.issuedOn ? issuedText(issuer, l.issuedOn, lang) : issuer],
    ['validity', validityText(d, lang)],
  ]
  return rows.map(([key, value]) => ({ key, label: LABELS[key]?.[lang] ?? key, value }))
}

/** Code point ranges of CJK and full-width characters, which take two terminal columns. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x2e80, 0xa4cf],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe30, 0xfe4f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x20000, 0x3fffd],
]

/** Columns a string takes in a terminal. */
export function displayWidth(text: string): number {
  let width = 0
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0
    width += WIDE.some(([lo, hi]) => cp >= lo && cp <= hi) ? 2 : 1
  }
  return width
}

/** The block as text lines, indented, labels aligned. */
export function recognisedLines(v: Verdict, lang: Lang): string[] {
  const rows = recognisedRows(v, lang)
  if (!rows) return []
  const colon = lang === 'zh' ? '：' : ':'
  const width = Math.max(...rows.map((r) => displayWidth(r.label + colon)))
  return rows.map((r) => {
    const label = r.label + colon
    return `  ${label}${' '.repeat(width - displayWidth(label) + 1)}${r.value}`
  })
}
