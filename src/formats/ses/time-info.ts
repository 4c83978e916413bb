/**
 * The signer's claimed signing time (TBS_Sign.timeInfo): a GeneralizedTime in v4, a text
 * inside a BIT STRING (or OCTET STRING) in v1. Text without a zone is read as China Standard
 * Time (UTC+8) and noted, since GM/T 0031 producers write local time.
 */
import { isUniversal, readTlv, readTime, TAG, type Tlv } from '../../asn1/der.js'
import { MAX_TEXT_BYTES, readBitsOrOctets, sesError } from './fields.js'
import type { SesNote } from './types.js'

const latin1 = new TextDecoder('latin1')
const utf8 = new TextDecoder('utf-8')

/** The claimed time, its text, and whether a zone had to be assumed. */
export interface TimeInfo {
  readonly date: Date | undefined
  readonly text: string
}

const TEXT =
  /^(\d{4})-?(\d{2})-?(\d{2})[ T]?(\d{2}):?(\d{2}):?(\d{2})(?:[.,]\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/

function fromText(text: string, notes: SesNote[]): Date | undefined {
  const utc = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text)
  const m = utc ? null : TEXT.exec(text)
  const parts = utc ? [utc[1], utc[2], utc[3], utc[4], utc[5], utc[6]] : m?.slice(1, 7)
  if (!parts) return undefined
  const [y, mo, d, h, mi, s] = parts.map(Number) as [number, number, number, number, number, number]
  const year = utc ? (y >= 50 ? 1900 + y : 2000 + y) : y
  let zone = utc ? 'Z' : (m?.[7] ?? undefined)
  if (zone === undefined) {
    zone = '+08:00'
    notes.push({ code: 'ses.time-zone-assumed', params: { text } })
  }
  let offsetMinutes = 0
  if (zone !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!
    offsetMinutes = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]))
  }
  const t = Date.UTC(year, mo - 1, d, h, mi, s)
  const check = new Date(t)
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return undefined
  }
  return new Date(t - offsetMinutes * 60_000)
}

function fromTimeTlv(tlv: Tlv, notes: SesNote[]): TimeInfo {
  const text = latin1.decode(tlv.value)
  try {
    return { date: readTime(tlv, 'timeInfo'), text }
  } catch {
    return { date: fromText(text, notes), text }
  }
}

/** Reads timeInfo in any of the tolerated encodings; `date` is undefined if unreadable. */
export function readTimeInfo(tlv: Tlv | undefined, notes: SesNote[]): TimeInfo {
  if (!tlv) throw sesError('structure', 'missing timeInfo', '缺少签章时间')
  if (isUniversal(tlv, TAG.GENERALIZED_TIME) || isUniversal(tlv, TAG.UTC_TIME)) {
    return fromTimeTlv(tlv, notes)
  }
  const bytes = readBitsOrOctets(tlv, 'timeInfo', true)
  if (bytes.length > MAX_TEXT_BYTES) throw sesError('limit', 'timeInfo is too long', '签章时间过长')
  try {
    const inner = readTlv(bytes, 0)
    if (
      inner.raw.length === bytes.length &&
      (isUniversal(inner, TAG.GENERALIZED_TIME) || isUniversal(inner, TAG.UTC_TIME))
    ) {
      return fromTimeTlv(inner, notes)
    }
  } catch {
    // Not a nested DER time: read it as text below.
  }
  const text = utf8.decode(bytes).replace(/\0+$/, '').trim()
  return { date: fromText(text, notes), text }
}
