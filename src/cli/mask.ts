/**
 * Personal-information masking for human and HTML output: citizen ID numbers (GB 11643, 18
 * characters with a valid check character, or 15-digit legacy numbers with a plausible birth
 * date) and mainland mobile numbers are shortened to their first and last characters.
 * JSON output is for machines and keeps the data unmasked.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** True when `id` is an 18-character citizen ID number whose GB 11643 check character holds. */
export function isCitizenId18(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (WEIGHTS[i] ?? 0)
  return CHECK[sum % 11] === id[17]!.toUpperCase() && plausibleDate(id.slice(6, 14))
}

/** True when `id` is a 15-digit legacy citizen ID number with a plausible YYMMDD birth date. */
export function isCitizenId15(id: string): boolean {
  return /^\d{15}$/.test(id) && plausibleDate(`19${id.slice(6, 12)}`)
}

function plausibleDate(yyyymmdd: string): boolean {
  const y = Number(yyyymmdd.slice(0, 4))
  const m = Number(yyyymmdd.slice(4, 6))
  const d = Number(yyyymmdd.slice(6, 8))
  return y >= 1800 && y <= 2199 && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

function hide(value: string, keepStart: number, keepEnd: number): string {
  const middle = value.length - keepStart - keepEnd
  return value.slice(0, keepStart) + '*'.repeat(middle) + value.slice(value.length - keepEnd)
}

// Runs of letters and digits, so that an ID inside a longer token (a hash, a serial) is left
// alone: only whole tokens are candidates.
const TOKEN = /[0-9A-Za-z]+/g

/** Masks one token when it is a citizen ID or mobile number; otherwise returns it unchanged. */
export function maskToken(token: string): string {
  if (token.length === 18 && isCitizenId18(token)) return hide(token, 3, 4)
  if (token.length === 15 && isCitizenId15(token)) return hide(token, 3, 4)
  if (/^1[3-9]\d{9}$/.test(token)) return hide(token, 3, 4)
  // A mobile number written with the country code: 86 or 0086 directly before it.
  const intl = /^(0086|86)(1[3-9]\d{9})$/.exec(token)
  if (intl) return intl[1]! + hide(intl[2]!, 3, 4)
  return token
}

/**
 * Masks every citizen ID number and mobile number in `text`, keeping the first 3 and last 4
 * characters (e.g. `310***********123X`, `138****5678`).
 */
export function maskPersonal(text: string): string {
  return text.replace(TOKEN, maskToken)
}
