/**
 * Test helper: reading inline images of content bytes given in a test, against a small PDF
 * whose page resources (object 3) the test chooses.
 */
import { drawOps } from '../../../../src/formats/pdf/appearance/content-ops.js'
import {
  readInlineImage,
  type InlineContext,
  type InlineImage,
} from '../../../../src/formats/pdf/appearance/inline-image.js'
import { readPdf } from '../../../../src/formats/pdf/index.js'
import type { PdfFile, PdfLimits } from '../../../../src/formats/pdf/types.js'
import { buildPdf, type Body } from './build-pdf.js'

/** A file holding `resources` as object 3 (and `extra` from object 4), and a context for it. */
export function inlineContext(
  resources = '<< >>',
  extra: Body[] = [],
  limits: Partial<PdfLimits> = {},
): { pdf: PdfFile; ctx: InlineContext } {
  const pdf = readPdf(
    buildPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [] /Count 0 >>',
      resources,
      ...extra,
    ]),
    limits,
  )
  const res = pdf.resolve({ num: 3, gen: 0 })
  const { perStream, remaining } = pdf.decodeBudget
  const ctx: InlineContext = {
    pdf,
    rev: 0,
    resources: res?.kind === 'dict' ? res.entries : undefined,
    budget: { perStream, remaining },
    work: 64 * 1024 * 1024,
  }
  return { pdf, ctx }
}

/** Bytes of text and byte arrays, in order (text as Latin-1). */
export function content(...parts: (string | Uint8Array | readonly number[])[]): Uint8Array {
  const bytes = parts.map((p) =>
    typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(Uint8Array.from(p)),
  )
  return new Uint8Array(Buffer.concat(bytes))
}

/** Scans `data` with the real inline image reader. */
export function scan(
  data: Uint8Array,
  ctx: InlineContext = inlineContext().ctx,
  bounds: { maxDo?: number; maxInline?: number } = {},
) {
  return drawOps<InlineImage>(data, {
    maxDo: bounds.maxDo ?? 1000,
    maxInline: bounds.maxInline ?? 1000,
    inline: (d, at) => readInlineImage(d, at, ctx),
  })
}
