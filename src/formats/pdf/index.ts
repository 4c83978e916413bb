/**
 * Revision-aware PDF reading (ISO 32000): revisions, cross-reference tables and streams,
 * object streams, filters, per-revision object resolution and signature discovery.
 */
export { readPdf } from './read-pdf.js'
export { findSignatures } from './signatures.js'
export { DEFAULT_PDF_LIMITS, resolvePdfLimits } from './limits.js'
export { decodeTextString } from './text.js'
export type {
  PdfFile,
  PdfLimits,
  PdfObject,
  PdfProblem,
  PdfRef,
  PdfRevision,
  PdfSignatureRef,
  PdfStream,
  XrefEntry,
} from './types.js'
