import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { installNodeCrypto, verify } from '../../src/node.js'
import type { Verdict } from '../../src/verdict/types.js'
import { FIXTURES, ROOT, runCli } from './helpers.js'

const SAMPLES = join(ROOT, '../shared/samples/ofd')

describe('real certificate files from ../shared/samples', () => {
  it.each([
    ['ofdrw-USER.p12', '777777'],
    ['ofdrw-SealBuilder.p12', '777777'],
    ['ofdrw-ROOT.p12', '123456'],
  ])('%s opens with its password; its unknown issuer makes it indeterminate', async (f, pw) => {
    const r = await runCli(['verify', join(SAMPLES, f), '--password', pw, '--json'])
    const v = JSON.parse(r.out) as Verdict
    expect(v.kind).toBe('certificate')
    expect(v.certificates).toHaveLength(1)
    expect(v.certificates[0]!.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(v.status).toBe('indeterminate')
    expect(v.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND')
    expect(r.code).toBe(2)
  })

  it('a wrong PKCS#12 password is an unreadable input (exit 3, one line)', async () => {
    const r = await runCli(['verify', join(SAMPLES, 'ofdrw-USER.p12'), '--password', 'nope'])
    expect(r.code).toBe(3)
    expect(r.err.trim().split('\n')).toHaveLength(1)
  })

  it('ofdrw signer trusted via --trust still fails: its root may not sign certs', async () => {
    const r = await runCli([
      'verify',
      join(SAMPLES, 'ofdrw-sign_cert.pem'),
      '--trust',
      join(SAMPLES, 'ofdrw-ROOT-cert.pem'),
      '--revocation',
      'off',
      '--at',
      '2021-06-01T00:00:00Z',
      '--json',
    ])
    const v = JSON.parse(r.out) as Verdict
    expect(v.status).toBe('indeterminate')
    expect(v.subIndication).toBe('CERTIFICATE_CHAIN_GENERAL_FAILURE')
  })
})

describe('hostile bundles are bounded', () => {
  it.each(['mesh-signer.p7b', 'cross-signed-signer.pem'])(
    '%s returns a verdict within one second',
    async (file) => {
      installNodeCrypto()
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, 'certificates', file)))
      await verify(bytes) // warm-up: module loading and the registry are not the bound
      const start = performance.now()
      const v = await verify(bytes)
      expect(performance.now() - start).toBeLessThan(1000)
      expect(v.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND')
    },
  )
})
