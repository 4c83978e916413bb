/**
 * Every field of VerifyOptions.limits, set small enough that a fixture reaches it, through
 * verify(): the verdict docs/limits.md promises (F refused as malformed, I indeterminate,
 * T truncated) and the stable code of the bound. A baseline run of each fixture shows that
 * the defaults let it pass, so each failure is the limit's doing.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Check, Verdict } from '../../src/verdict/types.js'
import { verify, type VerifyOptions } from '../../src/verify.js'
import {
  checkLimits,
  DEFAULT_LIMITS,
  LIMIT_NAMES,
  parseLimitArgument,
  type VerifyLimits,
} from '../../src/verify-limits.js'
import { SHARED } from '../shared-dir.js'

const FIXTURES = join(import.meta.dirname, '../../fixtures')
const SAMPLE = `${SHARED}/samples/pdf/dss-pades-lt-xrefstm.pdf`
const TIME = new Date('2027-06-01T00:00:00Z')
const read = (p: string) => new Uint8Array(readFileSync(join(FIXTURES, p)))

const PDF = read('pdf/310000-licence-rsa.pdf')
const PDF_CRLS = [read('pki/310000/rsa/licence-issuer.crl')]
const TWO = read('pdf/320000-two-signatures.pdf')
const OFD = read('ofd/310000-licence-v4.ofd')
const OFD_CRLS = [read('pki/310000/sm2/seal-maker.crl'), read('pki/310000/sm2/signature-ca.crl')]
const TWO_LEVEL = read('certificates/320000-ecdsa-two-level.pem')

function run(bytes: Uint8Array, limits: VerifyLimits, extra: VerifyOptions = {}) {
  return verify(bytes, { time: TIME, lang: 'en', limits, ...extra })
}

function allChecks(v: Verdict): Check[] {
  return [
    ...v.checks,
    ...v.signatures.flatMap((s) => s.checks),
    ...v.seals.flatMap((s) => s.checks),
    ...v.certificates.flatMap((c) => c.checks),
  ]
}

/** F: rejected as FORMAT_FAILURE with `input.format` naming the limit's code. */
function expectRefused(v: Verdict, code: string): void {
  expect(v.status).toBe('rejected')
  expect(v.indication).toBe('TOTAL_FAILED')
  expect(v.subIndication).toBe('FORMAT_FAILURE')
  const format = v.checks.find((c) => c.code === 'input.format')
  expect(format?.detail?.['code']).toBe(code)
}

/** I: indeterminate (an INDETERMINATE-class sub-indication), with the limit's check. */
function expectIndeterminate(v: Verdict, code: string, sub: string): void {
  expect(v.status).toBe('indeterminate')
  expect(v.indication).toBe('INDETERMINATE')
  expect(v.subIndication).toBe(sub)
  expect(allChecks(v).some((c) => c.code === code && c.status !== 'passed')).toBe(true)
}

describe('VerifyOptions.limits through verify()', () => {
  it('the fixtures pass with the default limits', async () => {
    expect((await run(PDF, {}, { crls: PDF_CRLS })).status).toBe('recognized')
    expect((await run(OFD, {}, { crls: OFD_CRLS })).status).toBe('recognized')
    expect((await run(TWO_LEVEL, {})).status).toBe('recognized')
    // Explicit defaults change nothing.
    expect((await run(PDF, { ...DEFAULT_LIMITS }, { crls: PDF_CRLS })).status).toBe('recognized')
  })

  it('fileSize: F input.too-large (and maxInputBytes still works)', async () => {
    const v = await run(PDF, { fileSize: 1000 }, { crls: PDF_CRLS })
    expect(v.subIndication).toBe('FORMAT_FAILURE')
    expect(v.checks.some((c) => c.code === 'input.too-large')).toBe(true)
    const old = await verify(PDF, { time: TIME, maxInputBytes: 1000 })
    expect(old.checks.some((c) => c.code === 'input.too-large')).toBe(true)
    // limits.fileSize wins over maxInputBytes.
    const both = await run(PDF, { fileSize: PDF.length }, { crls: PDF_CRLS, maxInputBytes: 10 })
    expect(both.status).toBe('recognized')
  })

  it.each([
    ['pdfObjects', 3, 'limit.pdf.objects'],
    ['pdfRevisions', 0, 'limit.pdf.revisions'],
    ['pdfDepth', 1, 'limit.pdf.depth'],
  ] as const)('%s: F %s', async (name, value, code) => {
    expectRefused(await run(PDF, { [name]: value }, { crls: PDF_CRLS }), code)
  })

  it.runIf(existsSync(SAMPLE))(
    'pdfStreamOutput, pdfTotalOutput: F when the xref needs it',
    async () => {
      const bytes = new Uint8Array(readFileSync(SAMPLE))
      expectRefused(await run(bytes, { pdfStreamOutput: 100 }), 'limit.pdf.stream-output')
      expectRefused(await run(bytes, { pdfTotalOutput: 100 }), 'limit.pdf.total-output')
    },
  )

  it('pdfStreamOutput on an appearance picture only: T, the picture is not decoded', async () => {
    const v = await run(PDF, { pdfStreamOutput: 0 }, { crls: PDF_CRLS })
    const unread = allChecks(v).find((c) => c.code === 'pdf.appearance.image-unreadable')
    expect(unread?.detail?.['code']).toBe('limit.pdf.stream-output')
    expect(unread?.status).toBe('warning')
  })

  it('signatures (PDF): I pdf.signature.too-many, the rest not evaluated', async () => {
    const base = await run(TWO, {})
    expect(base.signatures.filter((s) => s.format === 'cms')).toHaveLength(2)
    const v = await run(TWO, { signatures: 1 })
    expect(v.signatures.filter((s) => s.format === 'cms')).toHaveLength(1)
    const tooMany = v.checks.find((c) => c.code === 'pdf.signature.too-many')
    expect(tooMany?.status).toBe('indeterminate')
    expect(v.status).not.toBe('recognized')
  })

  it.each([
    [{ zipEntries: 2 }, 'limit.zip.entry-count'],
    [{ zipEntrySize: 10 }, 'limit.zip.entry-size'],
    [{ zipTotalSize: 100 }, 'limit.zip.total-size'],
    [{ zipRatio: 1, zipRatioThreshold: 0 }, 'limit.zip.ratio'],
    [{ xmlSize: 50 }, 'limit.xml.size'],
    [{ xmlDepth: 1 }, 'limit.xml.depth'],
    [{ signatures: 0 }, 'limit.ofd.signatures'],
  ] as const)('OFD %j: F %s', async (limits, code) => {
    expectRefused(await run(OFD, limits, { crls: OFD_CRLS }), code)
  })

  it('zipRatio alone spares entries below zipRatioThreshold', async () => {
    expect((await run(OFD, { zipRatio: 1 }, { crls: OFD_CRLS })).status).toBe('recognized')
  })

  it('chainDepth: I chain.depth on a path with an intermediate', async () => {
    expect((await run(TWO_LEVEL, { chainDepth: 2 })).status).toBe('recognized')
    const v = await run(TWO_LEVEL, { chainDepth: 1 })
    expectIndeterminate(v, 'chain.depth', 'CERTIFICATE_CHAIN_GENERAL_FAILURE')
  })

  it('chainWork and chainSignatures: I chain.work-limit', async () => {
    for (const limits of [{ chainWork: 0 }, { chainSignatures: 0 }]) {
      const v = await run(PDF, limits, { crls: PDF_CRLS })
      expectIndeterminate(v, 'chain.work-limit', 'NO_CERTIFICATE_CHAIN_FOUND')
    }
  })

  it('invalid limits reject the call with input.limits', async () => {
    for (const limits of [{ pdfObjects: -1 }, { xmlDepth: 0 }, { chainDepth: 1.5 }]) {
      await expect(run(PDF, limits)).rejects.toMatchObject({ code: 'input.limits' })
    }
    const unknown = { nonsense: 3 } as unknown as VerifyLimits
    await expect(run(PDF, unknown)).rejects.toMatchObject({ code: 'input.limits' })
  })
})

describe('limit helpers', () => {
  it('checkLimits accepts every documented name at its default', () => {
    expect(LIMIT_NAMES.length).toBe(Object.keys(DEFAULT_LIMITS).length)
    expect(() => checkLimits({ ...DEFAULT_LIMITS })).not.toThrow()
  })

  it('parseLimitArgument reads NAME=VALUE with k/M/G suffixes and refuses the rest', () => {
    expect(parseLimitArgument('pdfObjects=5000')).toEqual(['pdfObjects', 5000])
    expect(parseLimitArgument('fileSize=2M')).toEqual(['fileSize', 2 * 1024 * 1024])
    expect(parseLimitArgument('xmlSize=1k')).toEqual(['xmlSize', 1024])
    for (const bad of ['pdfObjects', 'pdfObjects=-1', 'nope=3', 'xmlDepth=0', 'fileSize=1T']) {
      expect(() => parseLimitArgument(bad)).toThrow(/limit/)
    }
  })
})
