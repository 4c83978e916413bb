/**
 * Interoperability: time-stamp responses produced by the OpenSSL CLI TSA (an independent
 * implementation) verify with verifyTimestamp, and tampering is caught.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { toPem } from '../../../fixtures/make/keys.js'
import { verifyTimestamp } from '../../../src/pki/timestamp/verify.js'
import { makePki } from '../ocsp/test-pki.js'

const dir = mkdtempSync(join(tmpdir(), 'yrd-tsa-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function write(name: string, text: string | Uint8Array): string {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

const DATA = new TextEncoder().encode('OpenSSL interop data')

for (const family of ['ecdsa', 'rsa'] as const) {
  for (const essAlg of ['sha1', 'sha256'] as const) {
    describe(`OpenSSL TSA (${family}, ESS ${essAlg})`, () => {
      const pki = makePki(family)
      const tag = `${family}-${essAlg}`
      const config = [
        '[ tsa ]',
        'default_tsa = t',
        '[ t ]',
        `serial = ${write(`${tag}.serial`, '0A\n')}`,
        'signer_digest = sha256',
        'default_policy = 1.2.3.4.1',
        'digests = sha256, sha384',
        `ess_cert_id_alg = ${essAlg}`,
        'accuracy = secs:1, millisecs:500',
        'ordering = yes',
      ].join('\n')
      const query = join(dir, `${tag}.tsq`)
      const reply = join(dir, `${tag}.tsr`)
      execFileSync(
        'openssl',
        ['ts', '-query', '-data', write(`${tag}.dat`, DATA), '-sha256', '-cert', '-out', query],
        {
          stdio: 'pipe',
        },
      )
      execFileSync(
        'openssl',
        [
          'ts',
          '-reply',
          '-config',
          write(`${tag}.cnf`, config),
          '-queryfile',
          query,
          '-signer',
          write(`${tag}.pem`, toPem('CERTIFICATE', pki.tsa.der)),
          '-inkey',
          write(`${tag}.key`, toPem('PRIVATE KEY', pki.tsa.key.pkcs8)),
          '-out',
          reply,
        ],
        { stdio: 'pipe' },
      )
      const resp = new Uint8Array(readFileSync(reply))

      it('verifies the reply and reads its fields', async () => {
        const r = await verifyTimestamp(resp, { data: DATA })
        expect(r.checks.filter((c) => c.status === 'failed')).toEqual([])
        expect(r.intact).toBe(true)
        expect(r.policy).toBe('1.2.3.4.1')
        expect(r.serial).toBe('0b') // OpenSSL increments the serial file first
        expect(r.ordering).toBe(true)
        expect(r.accuracy).toEqual({ seconds: 1, millis: 500, micros: 0 })
        expect(r.tsaCertificate?.sha256).toBe(pki.tsa.cert.sha256)
      })

      it('catches other data and a flipped signature bit', async () => {
        const other = await verifyTimestamp(resp, { data: new TextEncoder().encode('x') })
        expect(other.imprintMatches).toBe(false)
        const bad = resp.slice()
        bad[bad.length - 1] = bad[bad.length - 1]! ^ 0x01
        const r = await verifyTimestamp(bad, { data: DATA })
        expect(r.signatureValid).toBe(false)
        expect(r.intact).toBe(false)
      })
    })
  }
}
