/**
 * GB/T 36904 licence identifiers (证照标识):
 * `1.2.156.3005.2.<type>.<issuer>.<serial>.<version>.<check>`, with the ISO/IEC 7064
 * MOD 37,36 check character over type + issuer + serial + version.
 */
import { isValidUscc, mod3736Check } from './check-characters.js'

/** The root arc of every licence identifier. */
export const LICENCE_IDENTIFIER_ROOT = '1.2.156.3005.2'

/** Longest identifier accepted, in characters. */
export const MAX_IDENTIFIER_LENGTH = 256

/** Why an identifier is not well formed. */
export type IdentifierProblem =
  | 'too-long'
  | 'root'
  | 'parts'
  | 'type-code'
  | 'issuer-code'
  | 'serial'
  | 'version'
  | 'check-character'

/** A parsed identifier; `problems` is empty when it is well formed. */
export interface LicenceIdentifier {
  readonly text: string
  readonly typeCode: string | null
  readonly issuerCode: string | null
  readonly serial: string | null
  readonly version: string | null
  readonly check: string | null
  /** The check character computed from the parts, when they allow it. */
  readonly expectedCheck: string | null
  readonly problems: readonly IdentifierProblem[]
}

const PREFIX = `${LICENCE_IDENTIFIER_ROOT}.`
/** 1 for the ASCII digits, 2 for the upper-case letters. */
const CLASS = new Uint8Array(128)
for (let c = 0x30; c <= 0x39; c++) CLASS[c] = 1
for (let c = 0x41; c <= 0x5a; c++) CLASS[c] = 2

/** True when `s` has `min` to `max` characters, all digits, or digits and upper-case letters. */
function charsOf(s: string, letters: boolean, min: number, max: number): boolean {
  if (s.length < min || s.length > max) return false
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    const k = c < 128 ? CLASS[c]! : 0
    if (k === 0 || (k === 2 && !letters)) return false
  }
  return true
}

const NONE = {
  typeCode: null,
  issuerCode: null,
  serial: null,
  version: null,
  check: null,
  expectedCheck: null,
}

/**
 * Parses a licence identifier. Never throws: a malformed identifier or a wrong check
 * character is reported in `problems`.
 * @example
 * parseLicenceIdentifier('1.2.156.3005.2.11100000MB03271699022.340100.000000016.001.9')
 */
export function parseLicenceIdentifier(text: string): LicenceIdentifier {
  if (text.length > MAX_IDENTIFIER_LENGTH) return { text, ...NONE, problems: ['too-long'] }
  if (!text.startsWith(PREFIX)) return { text, ...NONE, problems: ['root'] }
  const parts = text.slice(PREFIX.length).split('.')
  if (parts.length !== 5) return { text, ...NONE, problems: ['parts'] }
  const [typeCode = '', issuerCode = '', serial = '', version = '', check = ''] = parts
  const problems: IdentifierProblem[] = []
  if (!charsOf(typeCode, true, 21, 21) || !isValidUscc(typeCode.slice(0, 18))) {
    problems.push('type-code')
  }
  // The issuer part is a USCC; one real Hefei identifier carries a 6-digit division code.
  if (!isValidUscc(issuerCode) && !charsOf(issuerCode, false, 6, 6)) problems.push('issuer-code')
  if (!charsOf(serial, true, 1, 64)) problems.push('serial')
  if (!charsOf(version, false, 3, 3)) problems.push('version')
  const expected = mod3736Check(`${typeCode}${issuerCode}${serial}${version}`) ?? null
  if (!charsOf(check, true, 1, 1) || expected === null || expected !== check) {
    problems.push('check-character')
  }
  return { text, typeCode, issuerCode, serial, version, check, expectedCheck: expected, problems }
}
