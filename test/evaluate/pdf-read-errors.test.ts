import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FormatError } from '../../src/errors.js'
import { NO_STARTXREF, pdfReadFindings } from '../../src/evaluate/pdf-read-errors.js'
import { readPdf } from '../../src/formats/pdf/index.js'
import { render } from '../../src/verdict/messages.js'
import { verify } from '../../src/verify.js'

const PDF = new Uint8Array(
  readFileSync(join(import.meta.dirname, '../../fixtures/pdf/310000-licence-rsa.pdf')),
)
const codeOf = (f: () => unknown): string => {
  try {
    f()
  } catch (e) {
    return e instanceof FormatError ? e.code : String(e)
  }
  return 'no error'
}

describe('a PDF cut before its startxref … %%EOF is named truncated', () => {
  it('is what the reader throws for a file cut short', () => {
    expect(codeOf(() => readPdf(PDF.subarray(0, PDF.length - 40)))).toBe(NO_STARTXREF)
  })

  it('adds pdf.truncated beside input.format, in both languages', async () => {
    const v = await verify(PDF.subarray(0, Math.floor(PDF.length * 0.8)))
    expect(v.status).toBe('rejected')
    expect(v.subIndication).toBe('FORMAT_FAILURE')
    const codes = v.checks.filter((c) => c.status === 'failed').map((c) => c.code)
    expect(codes).toEqual(expect.arrayContaining(['input.format', 'pdf.truncated']))
    const [f] = pdfReadFindings(new FormatError(NO_STARTXREF, 'x'))
    expect(render(f!, 'en').message).toContain('looks truncated')
    expect(render(f!, 'zh').message).toContain('截断')
  })

  it('names nothing else so: a startxref pointing nowhere is not truncation', async () => {
    expect(pdfReadFindings(new FormatError('format.pdf.bad-startxref', 'x'))).toEqual([])
    expect(pdfReadFindings(new Error('other'))).toEqual([])
    const text = '%PDF-1.7\nstartxref\n99999\n%%EOF\n'
    const v = await verify(new TextEncoder().encode(text))
    expect(v.checks.map((c) => c.code)).not.toContain('pdf.truncated')
    expect(v.checks.map((c) => c.code)).toContain('input.format')
  })
})
