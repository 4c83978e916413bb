/**
 * Helpers that build the PDF reader's typed errors with bilingual messages.
 */
import { FormatError, LimitError } from '../../errors.js'

/** A `format.pdf.<code>` error: the file is malformed. */
export function pdfFormat(code: string, en: string, zh: string): FormatError {
  return new FormatError(`format.pdf.${code}`, `${en} / ${zh}`)
}

/** A `limit.pdf.<code>` error: the file exceeds a configured bound. */
export function pdfLimit(code: string, en: string, zh: string): LimitError {
  return new LimitError(`limit.pdf.${code}`, `${en} / ${zh}`)
}
