/**
 * PDF date strings (ISO 32000-1 §7.9.4): `D:YYYYMMDDHHmmSSOHH'mm'`, every part after the year
 * optional. Shown as the claimed signing time only; never used as proof of time.
 */

const PATTERN = new RegExp(
  '^(?:D:)?(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?' +
    "(?:(Z|[+-])(?:(\\d{2})'?(?:(\\d{2})'?)?)?)?$",
)

/** Parses a PDF date, or returns undefined when it is not one. */
export function pdfDate(text: string): Date | undefined {
  const m = PATTERN.exec(text.trim())
  if (!m) return undefined
  const n = (i: number, dflt: number) => (m[i] === undefined ? dflt : Number(m[i]))
  const [year, month, day, hour, minute, second] = [
    n(1, 0),
    n(2, 1),
    n(3, 1),
    n(4, 0),
    n(5, 0),
    n(6, 0),
  ]
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return undefined
  if (second > 59) return undefined
  let offset = 0
  if (m[7] === '+' || m[7] === '-') {
    const minutes = n(8, 0) * 60 + n(9, 0)
    offset = m[7] === '+' ? minutes : -minutes
  }
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000
  const date = new Date(utc)
  return Number.isNaN(date.getTime()) ? undefined : date
}
