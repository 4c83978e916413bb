/**
 * The six real signed PDFs of ../shared/samples/pdf through verify(), and attack variants
 * made from one of them in the test (truncation, zeroed /Contents, shifted and widened
 * ByteRange, appended data and revisions, a redefined signature dictionary).
 */
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../src/verdict/types.js'
import { verify } from '../../src/verify.js'
import { SHARED } from '../shared-dir.js'

const DIR = `${SHARED}/samples/pdf/`
const TIME = new Date('2026-06-15T00:00:00Z')
const latin1 = new TextDecoder('latin1')
const have = existsSync(DIR)

const read = (f: string) => new Uint8Array(readFileSync(DIR + f))
const run = (bytes: Uint8Array, extra: Parameters<typeof verify>[1] = {}) =>
  verify(bytes, { lang: 'en', time: TIME, ...extra })

function codes(v: Verdict): string[] {
  return [...v.checks, ...v.signatures.flatMap((s) => s.checks)]
    .filter((c) => c.status === 'failed')
    .map((c) => c.code)
}

/** Replaces `from` (latin1 text) by `to` of the same length, once. */
function patch(bytes: Uint8Array, from: string, to: string): Uint8Array {
  expect(to.length).toBe(from.length)
  const text = latin1.decode(bytes)
  const at = text.indexOf(from)
  expect(at).toBeGreaterThanOrEqual(0)
  const out = bytes.slice()
  for (let i = 0; i < to.length; i++) out[at + i] = to.charCodeAt(i)
  return out
}

function append(bytes: Uint8Array, text: string): Uint8Array {
  const tail = Uint8Array.from(text, (c) => c.charCodeAt(0))
  const out = new Uint8Array(bytes.length + tail.length)
  out.set(bytes)
  out.set(tail, bytes.length)
  return out
}

interface Expect {
  readonly count: number
  readonly coverage: readonly string[]
  readonly modifications: readonly (string | null)[]
}

const SAMPLES: Record<string, Expect> = {
  'dss-pades-b-original.pdf': { count: 1, coverage: ['entire-file'], modifications: ['none'] },
  'dss-two-sigs-incsave.pdf': {
    count: 2,
    coverage: ['entire-revision', 'entire-file'],
    modifications: ['allowed', 'none'],
  },
  'dss-pades-lt-xrefstm.pdf': {
    count: 4,
    coverage: ['entire-revision', 'entire-revision', 'entire-revision', 'entire-revision'],
    modifications: ['allowed', 'allowed', 'allowed', 'allowed'],
  },
  'pyhanko-ecdsa-signed-twice.pdf': {
    count: 2,
    coverage: ['entire-revision', 'entire-file'],
    modifications: ['allowed', 'none'],
  },
  'pyhanko-no-signed-attrs.pdf': { count: 1, coverage: ['entire-file'], modifications: ['none'] },
  'signpdf-signed-twice.pdf': {
    count: 2,
    coverage: ['entire-revision', 'entire-file'],
    modifications: ['allowed', 'none'],
  },
}

describe.runIf(have)('real signed PDFs through verify()', () => {
  for (const [file, want] of Object.entries(SAMPLES)) {
    it(`${file}: every signature intact, coverage as documented, no anchor`, async () => {
      const v = await run(read(file))
      expect(v.kind).toBe('pdf')
      expect(v.signatures.map((s) => s.coverage)).toEqual(want.coverage)
      expect(v.signatures.map((s) => s.modifications)).toEqual(want.modifications)
      expect(codes(v)).toEqual([])
      for (const s of v.signatures) {
        const passed = s.checks.filter((c) => c.status === 'passed').map((c) => c.code)
        expect(passed).toEqual(
          expect.arrayContaining(['pdf.byte-range', 'pdf.gap', 'pdf.contents']),
        )
        if (s.format === 'cms') expect(passed).toContain('cms.signature')
        expect(s.status).toBe('indeterminate')
        expect(s.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND')
      }
      expect(v.status).toBe('indeterminate')
      expect(v.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND')
    })
  }

  it('dss-pades-lt-xrefstm.pdf: /DSS read, the document time-stamp verified as one', async () => {
    const v = await run(read('dss-pades-lt-xrefstm.pdf'))
    expect(v.checks.find((c) => c.code === 'pdf.dss')?.status).toBe('passed')
    const ts = v.signatures.filter((s) => s.format === 'timestamp')
    expect(ts.length).toBe(1)
    // Intact but with an unknown TSA: its time is shown, never taken as proof.
    expect(ts[0]!.timestamp).toBeNull()
    const check = ts[0]!.checks.find((c) => c.code === 'pdf.timestamp-untrusted')
    expect(check?.message).toContain('2021-05-28T07:47:28')
    expect(ts[0]!.signer?.subject).toMatch(/Certum/)
  })

  it('signpdf-signed-twice.pdf: SHA-1 weak; recognised with its own root as anchor', async () => {
    const bytes = read('signpdf-signed-twice.pdf')
    const v = await run(bytes)
    const weak = v.signatures.flatMap((s) => s.checks).filter((c) => /weak/.test(c.code))
    expect(weak.map((c) => c.message).join(' ')).toMatch(/sha1/i)
    // The signers are self-signed: the file carries its own roots.
    const anchors = v.signatures.map((s) => s.signer!.sha256)
    expect(new Set(anchors).size).toBe(2)
    const certs = await signerCertificates(bytes)
    const trusted = await run(bytes, { trustAnchors: certs, revocation: 'off' })
    const [first, second] = trusted.signatures
    expect(first!.checks.filter((c) => c.status === 'failed')).toEqual([])
    expect(first!.status).toBe('recognized')
    // The second signer's self-signed certificate expired in 2018, before the signature: even
    // as an anchor it is expired, and that is the reason given.
    expect(second!.status).toBe('indeterminate')
    expect(second!.subIndication).toBe('OUT_OF_BOUNDS_NO_POE')
    expect(second!.checks.map((c) => c.code)).toContain('chain.expired')
  })

  it('the signing time shown is the claimed one, never proof', async () => {
    const v = await run(read('pyhanko-no-signed-attrs.pdf'))
    expect(v.signatures[0]!.signingTime).toBe('2020-11-01T00:00:00.000Z')
    expect(v.signatures[0]!.timestamp).toBeNull()
  })
})

/** The signer certificates (DER) of a file, from the CMS certificate sets. */
async function signerCertificates(bytes: Uint8Array): Promise<Uint8Array[]> {
  const { readPdf, findSignatures } = await import('../../src/formats/pdf/index.js')
  const { parseSignedData } = await import('../../src/pki/cms/signed-data.js')
  const pdf = readPdf(bytes)
  const out: Uint8Array[] = []
  for (const s of findSignatures(pdf)) {
    const dict = pdf.deref(pdf.resolve(s.sigRef!))
    if (dict?.kind !== 'dict') continue
    const contents = dict.entries.get('Contents')
    if (contents?.kind !== 'string') continue
    out.push(...parseSignedData(contents.bytes, { allowZeroPadding: true }).certificates)
  }
  return out
}

const BASE = 'dss-pades-b-original.pdf'
const RANGE = '/ByteRange [0 18801 37747 113379]'

describe.runIf(have)('attack variants of a real signed PDF', () => {
  const bytes = have ? read(BASE) : new Uint8Array(0)

  async function attacked(v: Promise<Verdict>, code: RegExp): Promise<Verdict> {
    const verdict = await v
    expect(verdict.status).not.toBe('recognized')
    expect(codes(verdict).some((c) => code.test(c))).toBe(true)
    return verdict
  }

  it('the untouched base verifies (control)', async () => {
    expect(codes(await run(bytes))).toEqual([])
  })

  it('truncated file: never recognised, named as a ByteRange or read failure', async () => {
    const v = await attacked(
      run(bytes.slice(0, bytes.length - 200)),
      /byte-range|input\.format|signature\.unreachable/,
    )
    expect(v.status).toBe('rejected')
  })

  it('zeroed /Contents is an unsigned field (USF)', async () => {
    const text = latin1.decode(bytes)
    const start = text.indexOf('<', text.indexOf('/Contents ', text.indexOf(RANGE) - 20000))
    const out = bytes.slice()
    for (let i = 18802; i < 37746; i++) out[i] = 0x30
    expect(start).toBeGreaterThan(0)
    const v = await attacked(run(out), /^pdf\.contents\.zeros$/)
    expect(v.subIndication).toBe('FORMAT_FAILURE')
  })

  it('a ByteRange shifted by one byte fails the gap check', async () => {
    await attacked(run(patch(bytes, RANGE, '/ByteRange [0 18800 37747 113379]')), /pdf\.gap/)
  })

  it('a widened gap holding more than <hex> is signature wrapping (SWA)', async () => {
    const v = await attacked(
      run(patch(bytes, RANGE, '/ByteRange [0 18801 37799 113327]')),
      /^pdf\.gap\.not-hex$/,
    )
    expect(v.signatures[0]!.checks.find((c) => c.code === 'pdf.gap.not-hex')?.message).toMatch(
      /SWA/,
    )
  })

  it('a ByteRange past the end of the file is refused (USF)', async () => {
    await attacked(
      run(patch(bytes, RANGE, '/ByteRange [0 18801 37747 113380]')),
      /^pdf\.byte-range\.bounds$/,
    )
  })

  it('data appended after the signed revision is incremental saving (ISA)', async () => {
    const v = await attacked(
      run(append(bytes, '\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')),
      /ISA|coverage/,
    )
    expect(v.signatures[0]!.coverage).not.toBe('entire-file')
  })

  it('an appended revision redefining the signature dictionary is flagged', async () => {
    const v = await run(bytes)
    expect(v.signatures.length).toBe(1)
    const redefined = await redefineSignature(bytes)
    const out = await run(redefined)
    expect(out.status).not.toBe('recognized')
    const all = out.signatures.flatMap((s) => s.checks).map((c) => c.code)
    expect(all).toContain('pdf.sig-dict.range-changed')
  })
})

/** Appends an update that rewrites the signature object with a different /ByteRange. */
async function redefineSignature(bytes: Uint8Array): Promise<Uint8Array> {
  const { readPdf, findSignatures } = await import('../../src/formats/pdf/index.js')
  const pdf = readPdf(bytes)
  const sig = findSignatures(pdf)[0]!.sigRef!
  const last = pdf.revisions[pdf.revisions.length - 1]!
  const size = pdf.deref(last.trailer.get('Size'))
  const root = last.trailer.get('Root')
  expect(size?.kind).toBe('number')
  expect(root?.kind).toBe('ref')
  const dict = '<< /Type /Sig /ByteRange [0 10 20 30] /Contents <00> >>'
  const body = `\n${sig.num} ${sig.gen} obj\n${dict}\nendobj\n`
  const objOffset = bytes.length + 1
  const xrefOffset = bytes.length + body.length
  const entry = `${String(objOffset).padStart(10, '0')} ${String(sig.gen).padStart(5, '0')} n \n`
  const r = root as { ref: { num: number; gen: number } }
  const tail =
    `xref\n${sig.num} 1\n${entry}trailer\n<< /Size ${(size as { value: number }).value} ` +
    `/Root ${r.ref.num} ${r.ref.gen} R /Prev ${last.startxref} >>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`
  return append(bytes, body + tail)
}
