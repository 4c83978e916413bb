/**
 * Entry point of the PDF reader.
 */
import type { PdfFile, PdfLimits } from './types.js'
import { pdfFormat } from './errors.js'

/**
 * Reads a PDF's revisions and cross-reference data; objects are parsed lazily.
 * Throws a `format.pdf.*` FormatError when nothing can be read.
 */
export function readPdf(bytes: Uint8Array, limits?: Partial<PdfLimits>): PdfFile {
  void bytes
  void limits
  throw pdfFormat('not-ready', 'PDF reader not ready', 'PDF 读取器尚未就绪')
}
