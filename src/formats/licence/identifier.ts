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
const TYPE_CODE = /^[0-9A-Z]{21}$/
const DIVISION = /^\d{6}$/
const SERIAL = /^[0-9A-Z]{1,64}$/
const VERSION = /^\d{3}$/
const CHECK = /^[0-9A-Z]$/

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
  if (!TYPE_CODE.test(typeCode) || !isValidUscc(typeCode.slice(0, 18))) {
    problems.push('type-code')
  }
  // The issuer part is a USCC; one real Hefei identifier carries a 6-digit division code.
  if (!isValidUscc(issuerCode) && !DIVISION.test(issuerCode)) problems.push('issuer-code')
  if (!SERIAL.test(serial)) problems.push('serial')
  if (!VERSION.test(version)) problems.push('version')
  const expected = mod3736Check(`${typeCode}${issuerCode}${serial}${version}`) ?? null
  if (!CHECK.test(check) || expected === null || expected !== check) {
    problems.push('check-character')
  }
  return { text, typeCode, issuerCode, serial, version, check, expectedCheck: expected, problems }
}
