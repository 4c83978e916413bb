/**
 * `verify --limit NAME=VALUE`: each given bound reaches verify() (a fixture hits it and gets
 * the documented verdict), several may be given, and a bad one is a usage error (exit 3).
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../src/verdict/types.js'
import { FIXTURES, runCli } from './helpers.js'

const PDF = join(FIXTURES, 'pdf/310000-licence-rsa.pdf')
const CRL = join(FIXTURES, 'pki/310000/rsa/licence-issuer.crl')
const AT = ['--at', '2027-06-01T00:00:00Z', '--crl', CRL, '--json']

describe('verify --limit', () => {
  it('passes the bounds to verify()', async () => {
    const ok = await runCli(['verify', PDF, ...AT, '--limit', 'pdfObjects=1000'])
    expect(ok.code).toBe(0)
    const hit = await runCli(['verify', PDF, ...AT, '--limit', 'pdfObjects=3'])
    expect(hit.code).toBe(1)
    const v = JSON.parse(hit.out) as Verdict
    expect(v.subIndication).toBe('FORMAT_FAILURE')
    expect(v.checks.find((c) => c.code === 'input.format')?.detail?.['code']).toBe(
      'limit.pdf.objects',
    )
    const chain = await runCli([
      'verify',
      PDF,
      ...AT,
      '--limit',
      'fileSize=1M',
      '-j',
      '1',
      '--limit',
      'chainWork=0',
    ])
    expect(chain.code).toBe(2)
    expect((JSON.parse(chain.out) as Verdict).subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND')
  })

  it('refuses unknown names and bad values with exit 3', async () => {
    for (const bad of ['bogus=1', 'pdfObjects', 'pdfObjects=-1', 'xmlDepth=0']) {
      const r = await runCli(['verify', PDF, ...AT, '--limit', bad])
      expect(r.code, bad).toBe(3)
      expect(r.err).toMatch(/--limit|limit/)
    }
  })
})
