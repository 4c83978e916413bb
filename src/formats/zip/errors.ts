/**
 * Helpers that build the zip reader's typed errors with bilingual messages.
 */
import { FormatError, LimitError } from '../../errors.js'

/** A `format.zip.<code>` error: the archive is malformed or unsafe. */
export function zipFormat(code: string, en: string, zh: string): FormatError {
  return new FormatError(`format.zip.${code}`, `${en} / ${zh}`)
}

/** A `limit.zip.<code>` error: the archive exceeds a configured bound. */
export function zipLimit(code: string, en: string, zh: string): LimitError {
  return new LimitError(`limit.zip.${code}`, `${en} / ${zh}`)
}
