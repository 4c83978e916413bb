/**
 * Real-world CMS from the signed PDFs in ../shared/samples/pdf: `/ByteRange` and
 * `/Contents <hex>` extracted with a simple scan, the covered ranges concatenated. Integrity
 * and signature pass; the issuers are unknown, so the chain is NO_CERTIFICATE_CHAIN_FOUND.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { evaluateCmsSignature } from '../../src/evaluate/cms.js'
import { parseSignedData } from '../../src/pki/cms/signed-data.js'
import { chainContext } from '../pki/cms/helpers.js'
import { SHARED } from '../shared-dir.js'

const DIR = `${SHARED}/samples/pdf/`
const latin1 = new TextDecoder('latin1')

interface PdfSignature {
  readonly contents: Uint8Array
  readonly covered: Uint8Array
}

/** Every `/ByteRange [a b c d]` of the file with the `/Contents` hex in its gap. */
function scan(pdf: Uint8Array): PdfSignature[] {
  const text = latin1.decode(pdf)
  const out: PdfSignature[] = []
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const [a, b, c, d] = m.slice(1, 5).map(Number) as [number, number, number, number]
    const gap = text.slice(a + b, c)
    if (!/^<[0-9a-fA-F]*>$/.test(gap)) continue
    const hex = gap.slice(1, -1)
    const contents = Uint8Array.from(hex.match(/../g) ?? [], (h) => parseInt(h, 16))
    const covered = new Uint8Array(b + d)
    covered.set(pdf.subarray(a, a + b))
    covered.set(pdf.subarray(c, c + d), b)
    out.push({ contents, covered })
  }
  return out
}

function isDocumentTimestamp(contents: Uint8Array): boolean {
  return parseSignedData(contents, { allowZeroPadding: true }).eContentType === TST_INFO
}

const TST_INFO = '1.2.840.113549.1.9.16.1.4'
const files = existsSync(DIR) ? readdirSync(DIR).filter((f) => f.endsWith('.pdf')) : []

describe('CMS in the real sample PDFs', () => {
  it('finds the six sample files', () => {
    expect(files.length).toBe(6)
  })

  for (const file of files) {
    it(`${file}: every signature is intact and cryptographically valid`, async () => {
      const pdf = new Uint8Array(readFileSync(DIR + file))
      // Document time-stamps (TSTInfo content) are verified as time-stamps, not here.
      const sigs = scan(pdf).filter((s) => !isDocumentTimestamp(s.contents))
      expect(sigs.length).toBeGreaterThan(0)
      const ctx = await chainContext([], new Date('2026-06-15T00:00:00Z'))
      for (const [i, s] of sigs.entries()) {
        const r = await evaluateCmsSignature(s.contents, ctx, 'en', {
          id: `${file}#${i}`,
          content: s.covered,
        })
        const failed = r.signature.checks.filter((c) => c.status === 'failed')
        expect(failed.map((c) => c.code)).toEqual([])
        const passed = r.signature.checks.filter((c) => c.status === 'passed').map((c) => c.code)
        expect(passed).toContain('cms.signature')
        expect(r.signature.status).toBe('indeterminate')
        expect(r.signature.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND')
        if (file === 'pyhanko-no-signed-attrs.pdf') {
          expect(r.signedData?.signers[0]?.signedAttrsDer).toBeUndefined()
        } else {
          expect(passed).toContain('cms.message-digest')
        }
      }
    })
  }

  it('flags the SHA-1 signature of signpdf-signed-twice.pdf as weak', async () => {
    const pdf = new Uint8Array(readFileSync(DIR + 'signpdf-signed-twice.pdf'))
    const ctx = await chainContext([])
    const weak: string[] = []
    for (const s of scan(pdf)) {
      const r = await evaluateCmsSignature(s.contents, ctx, 'en', { id: 'x', content: s.covered })
      const w = r.signature.checks.find((c) => c.code === 'cms.weak-certificate-algorithm')
      if (w) weak.push(w.message)
    }
    expect(weak.length).toBe(1)
    expect(weak[0]).toMatch(/sha1WithRSAEncryption|SHA-1/i)
  })

  it('a flipped byte in the covered ranges is HASH_FAILURE', async () => {
    const pdf = new Uint8Array(readFileSync(DIR + 'dss-pades-b-original.pdf'))
    const [s] = scan(pdf)
    const covered = s!.covered.slice()
    covered[100] = covered[100]! ^ 0x20
    const ctx = await chainContext([])
    const r = await evaluateCmsSignature(s!.contents, ctx, 'en', { id: 'x', content: covered })
    expect(r.signature.status).toBe('rejected')
    expect(r.signature.subIndication).toBe('HASH_FAILURE')
  })
})
