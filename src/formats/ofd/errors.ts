/**
 * Helpers that build the OFD reader's typed errors with bilingual messages.
 */
import { FormatError, LimitError } from '../../errors.js'

/** A `format.ofd.<code>` error: the package is not a well-formed OFD. */
export function ofdFormat(code: string, en: string, zh: string): FormatError {
  return new FormatError(`format.ofd.${code}`, `${en} / ${zh}`)
}

/** A `limit.ofd.<code>` error: the package exceeds a configured bound. */
export function ofdLimit(code: string, en: string, zh: string): LimitError {
  return new LimitError(`limit.ofd.${code}`, `${en} / ${zh}`)
}
