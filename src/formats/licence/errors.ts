/**
 * Typed errors of the licence readers (JSON licences and JWS), with bilingual messages.
 */
import { FormatError, LimitError } from '../../errors.js'

/** A `format.licence.<code>` error: the input is not a well-formed licence or JWS. */
export function licenceFormat(code: string, en: string, zh: string): FormatError {
  return new FormatError(`format.licence.${code}`, `${en} / ${zh}`)
}

/** A `limit.licence.<code>` error: the input exceeds a configured bound. */
export function licenceLimit(code: string, en: string, zh: string): LimitError {
  return new LimitError(`limit.licence.${code}`, `${en} / ${zh}`)
}
