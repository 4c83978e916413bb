/**
 * Interoperability: OCSP responses produced by the OpenSSL CLI responder (an independent
 * implementation) are read and judged by createOcspSource.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { toPem } from '../../../fixtures/make/keys.js'
import { buildOcspRequest } from '../../../src/pki/ocsp/request.js'
import { createOcspSource } from '../../../src/pki/ocsp/source.js'
import { makePki, type Issued } from './test-pki.js'

const dir = mkdtempSync(join(tmpdir(), 'yrd-ocsp-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function write(name: string, text: string | Uint8Array): string {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

function indexLine(leaf: Issued, revoked: boolean): string {
  const serial = leaf.cert.serialHex.toUpperCase()
  const rev = revoked ? '260101000000Z,keyCompromise' : ''
  return `${revoked ? 'R' : 'V'}\t391231000000Z\t${rev}\t${serial}\tunknown\t/CN=leaf\n`
}

for (const family of ['ecdsa', 'rsa'] as const) {
  describe(`OpenSSL OCSP responder (${family})`, () => {
    const pki = makePki(family)
    const respond = (revoked: boolean, hash: 'SHA-1' | 'SHA-256'): Uint8Array => {
      const tag = `${family}-${revoked}-${hash}`
      const req = write(`${tag}.req`, buildOcspRequest(pki.leaf.cert, pki.ca.cert, { hash }))
      const out = join(dir, `${tag}.resp`)
      execFileSync(
        'openssl',
        [
          'ocsp',
          '-index',
          write(`${tag}.idx`, indexLine(pki.leaf, revoked)),
          '-CA',
          write(`${family}-ca.pem`, toPem('CERTIFICATE', pki.ca.der)),
          '-rsigner',
          write(`${family}-resp.pem`, toPem('CERTIFICATE', pki.responder.der)),
          '-rkey',
          write(`${family}-resp.key`, toPem('PRIVATE KEY', pki.responder.key.pkcs8)),
          '-reqin',
          req,
          '-respout',
          out,
          '-ndays',
          '1',
        ],
        { stdio: 'pipe' },
      )
      return new Uint8Array(readFileSync(out))
    }
    const ask = (der: Uint8Array) =>
      createOcspSource([der]).check({
        certificate: pki.leaf.cert,
        issuer: pki.ca.cert,
        time: new Date(),
        path: [pki.leaf.cert],
      })

    it('reads a good answer (SHA-1 and SHA-256 CertIDs)', async () => {
      expect((await ask(respond(false, 'SHA-1'))).status).toBe('good')
      expect((await ask(respond(false, 'SHA-256'))).status).toBe('good')
    })

    it('reads a revoked answer with its reason', async () => {
      const st = await ask(respond(true, 'SHA-1'))
      expect(st).toMatchObject({
        status: 'revoked',
        reason: 'keyCompromise',
        revokedAt: new Date('2026-01-01T00:00:00Z'),
      })
    })
  })
}
