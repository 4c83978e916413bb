/**
 * Checks that name why a PDF could not be read at all, reported beside the generic
 * `input.format`: a `%PDF-` file with no `startxref … %%EOF` looks truncated.
 */
import { YrdError } from '../errors.js'
import type { Finding } from '../verdict/messages.js'
import './pdf-codes.js'

/** The reader's error for a file in which no `startxref … %%EOF` statement can be found. */
export const NO_STARTXREF = 'format.pdf.no-startxref'

/** Named findings for an error the PDF reader threw (none for most errors). */
export function pdfReadFindings(e: unknown): Finding[] {
  if (e instanceof YrdError && e.code === NO_STARTXREF) {
    return [{ code: 'pdf.truncated', status: 'failed', subIndication: 'FORMAT_FAILURE' }]
  }
  return []
}
