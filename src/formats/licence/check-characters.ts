/**
 * Check characters of the codes found in licences: ISO/IEC 7064 MOD 37,36 (GB/T 36904
 * identifiers), ISO/IEC 7064 MOD 11-2 (GB 11643 citizen ID numbers) and the GB 32100 unified
 * social credit code.
 */

const MOD36_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'

/** The value of each ASCII character in `alphabet`, -1 for the others. */
function valueTable(alphabet: string): Int8Array {
  const table = new Int8Array(128).fill(-1)
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i
  return table
}

const MOD36_VALUES = valueTable(MOD36_ALPHABET)

/**
 * ISO/IEC 7064 MOD 37,36 (hybrid system) check character of `text`, or undefined when `text`
 * holds a character outside `0-9A-Z` (upper case only).
 * @example
 * mod3736Check('11100000000013338W01111430000006122244L20230000403001') // 'U'
 */
export function mod3736Check(text: string): string | undefined {
  let p = 36
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    const v = c < 128 ? MOD36_VALUES[c]! : -1
    if (v < 0) return undefined
    const s = (p + v) % 36 || 36
    p = (2 * s) % 37
  }
  return MOD36_ALPHABET.charAt((((1 - p) % 36) + 36) % 36)
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const
const USCC_VALUES = valueTable(USCC_ALPHABET)

/** True when `code` is an 18-character unified social credit code with a correct check. */
export function isValidUscc(code: string): boolean {
  if (code.length !== 18) return false
  let sum = 0
  for (let i = 0; i < 18; i++) {
    const c = code.charCodeAt(i)
    const v = c < 128 ? USCC_VALUES[c]! : -1
    if (v < 0) return false
    if (i < 17) sum += v * (USCC_WEIGHTS[i] ?? 0)
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31) === code.charAt(17)
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const
const ID_CHECKS = '10X98765432'
const CITIZEN_ID = /^\d{17}[\dX]$/

/**
 * True when `id` is an 18-character GB 11643 citizen identity number: 17 digits, an
 * ISO/IEC 7064 MOD 11-2 check character (digit or `X`) and a plausible birth date.
 */
export function isValidCitizenId(id: string): boolean {
  if (!CITIZEN_ID.test(id)) return false
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(id.charAt(i)) * (ID_WEIGHTS[i] ?? 0)
  if (ID_CHECKS.charAt(sum % 11) !== id.charAt(17)) return false
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const date = new Date(Date.UTC(y, m - 1, d))
  return (
    y >= 1900 &&
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === m - 1 &&
    date.getUTCDate() === d
  )
}
