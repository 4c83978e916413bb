import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readOfd } from '../../src/formats/ofd/index.js'
import { parseSesSignature } from '../../src/formats/ses/index.js'
import type { Verdict } from '../../src/verdict/types.js'
import { ROOT, runCli } from './helpers.js'

const SAMPLES = join(ROOT, '../shared/samples/ofd')
const INVOICE = join(SAMPLES, 'zj-tax-invoice-v4.ofd')

function pem(der: Uint8Array): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')
  return `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`
}

async function verdictOf(argv: string[]): Promise<{ code: number; v: Verdict }> {
  const r = await runCli(['verify', ...argv, '--json'])
  return { code: r.code, v: JSON.parse(r.out) as Verdict }
}

describe('the real Zhejiang tax e-invoice (GB/T 38540 v4 seal)', () => {
  it('passes every reference, the data hash, both signatures; its tax CA is unknown', async () => {
    const { code, v } = await verdictOf([INVOICE])
    expect([code, v.kind, v.status, v.subIndication]).toEqual([
      2,
      'ofd',
      'indeterminate',
      'NO_CERTIFICATE_CHAIN_FOUND',
    ])
    const sig = v.signatures[0]!
    const passed = new Set(sig.checks.filter((c) => c.status === 'passed').map((c) => c.code))
    for (const code of ['ofd.references', 'ses.data-hash', 'ses.signature']) {
      expect(passed).toContain(code)
    }
    expect(sig.checks.find((c) => c.code === 'ofd.references')!.message).toContain('13')
    const seal = v.seals[0]!
    expect(seal.esID).toBe('33010600000001')
    expect(seal.checks.find((c) => c.code === 'seal.maker-signature')!.status).toBe('passed')
    expect(seal.picture).toMatchObject({ format: 'ofd', width: 30, height: 20 })
  })

  it('is recognised at its signing time with signer and maker certificates trusted', async () => {
    const ofd = await readOfd(new Uint8Array(readFileSync(INVOICE)))
    const value = ofd.documents[0]!.signatures[0]!.signedValue!.bytes
    const ses = parseSesSignature(value)
    const dir = mkdtempSync(join(tmpdir(), 'yrd-ofd-'))
    writeFileSync(join(dir, 'signer.pem'), pem(ses.signerCertificate))
    writeFileSync(join(dir, 'maker.pem'), pem(ses.seal.makerCertificate))
    const trust = ['--trust', join(dir, 'signer.pem'), '--trust', join(dir, 'maker.pem')]
    const { code, v } = await verdictOf([INVOICE, ...trust, '--at', '2020-07-23T13:09:07Z'])
    expect([code, v.status, v.indication]).toEqual([0, 'recognized', 'TOTAL_PASSED'])
    // Trusted by the caller, not by a province of the registry.
    expect(v.province).toBeNull()
    // Now, years later, the seal and the certificates have expired and no time-stamp proves
    // when it was signed: not recognised.
    const now = await verdictOf([INVOICE, ...trust])
    expect(now.v.status).toBe('indeterminate')
  })

  it('detects a page changed after signing, naming the file', async () => {
    const { readZip } = await import('../../src/formats/zip/index.js')
    const { zipSync } = await import('fflate')
    const zip = readZip(new Uint8Array(readFileSync(INVOICE)))
    const files: Record<string, Uint8Array> = {}
    for (const name of zip.names) files[name] = zip.read(name)
    const page = 'Doc_0/Pages/Page_0/Content.xml'
    const text = new TextDecoder().decode(files[page])
    files[page] = new TextEncoder().encode(text.replace(/\d/, (d) => String((Number(d) + 1) % 10)))
    const dir = mkdtempSync(join(tmpdir(), 'yrd-ofd-'))
    const file = join(dir, 'tampered.ofd')
    writeFileSync(file, zipSync(files))
    const { code, v } = await verdictOf([file, '--lang', 'en'])
    expect([code, v.status, v.subIndication]).toEqual([1, 'rejected', 'HASH_FAILURE'])
    const mismatch = v.signatures[0]!.checks.find((c) => c.code === 'ofd.reference-mismatch')!
    expect(mismatch.message).toContain(page)
  })
})

describe('the ofdrw test seals', () => {
  it.each(['UserV1.esl', 'UserV4.esl', 'UserV5.esl'])(
    '%s parses and its maker signature verifies',
    async (f) => {
      const { v } = await verdictOf([join(SAMPLES, f)])
      expect(v.kind).toBe('seal')
      expect(v.seals[0]!.checks.find((c) => c.code === 'seal.maker-signature')!.status).toBe(
        'passed',
      )
      expect(v.status).not.toBe('recognized')
    },
  )
})
