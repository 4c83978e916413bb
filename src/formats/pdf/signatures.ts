/**
 * Signature discovery: AcroForm fields, /Perms and a byte scan, merged by object.
 */
import type { PdfFile, PdfSignatureRef } from './types.js'
import { pdfFormat } from './errors.js'

/** Finds every signature dictionary of `pdf` three ways and merges the findings by object. */
export function findSignatures(pdf: PdfFile): PdfSignatureRef[] {
  void pdf
  throw pdfFormat('not-ready', 'PDF signature discovery not ready', 'PDF 签名发现尚未就绪')
}
