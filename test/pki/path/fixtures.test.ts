/**
 * The committed four-province fixture PKI (fixtures/pki/) through validateCertificatePath:
 * RSA, ECDSA and SM2 chains with their CRLs, and the special cases the fixtures describe.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { setCryptoBackend } from '../../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../../src/crypto/node-backend.js'
import { validateCertificatePath, type PathOptions } from '../../../src/pki/validate.js'

const PKI = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'pki')
const T = new Date('2026-06-01T00:00:00Z')
const f = (path: string): Uint8Array => new Uint8Array(readFileSync(join(PKI, path)))

beforeAll(() => setCryptoBackend(nodeCryptoBackend))

const run = (o: Omit<PathOptions, 'time'> & { time?: Date }) =>
  validateCertificatePath({ time: T, ...o })

describe('fixture PKI', () => {
  for (const family of ['rsa', 'ecdsa', 'sm2']) {
    it(`validates the ${family} signer to its root with CRLs`, async () => {
      const d = `310000/${family}/`
      const root = f(`${d}root.pem`)
      const r = await run({
        certificate: f(`${d}signer.pem`),
        intermediates: [f(`${d}signature-ca.pem`)],
        trustAnchors: [root],
        crls: [f(`${d}signature-ca.crl`)],
        revocation: 'if-available',
      })
      expect(r.valid, r.message).toBe(true)
      expect(r.path).toHaveLength(3)
      expect(r.revocation.find((x) => x.index === 0)?.status.status).toBe('good')
      const strict = await run({
        certificate: f(`${d}signer.pem`),
        trustAnchors: [f(`${d}signature-ca.pem`)],
        crls: [f(`${d}signature-ca.crl`)],
      })
      expect(strict.valid, strict.message).toBe(true)
    })
  }

  it('reports the revoked SM2 signer as REVOKED, also before its keyCompromise date', async () => {
    for (const time of [T, new Date('2026-03-01T00:00:00Z')]) {
      const r = await run({
        certificate: f('310000/sm2/signer-revoked.pem'),
        trustAnchors: [f('310000/sm2/signature-ca.pem')],
        crls: [f('310000/sm2/signature-ca.crl')],
        time,
      })
      expect(r.reason).toBe('chain.revoked')
      expect(r.subIndication).toBe('REVOKED')
    }
  })

  it('applies the anchor name constraints of the Zhejiang licence issuer', async () => {
    const anchor = f('330000/rsa/licence-issuer.pem')
    const inside = await run({
      certificate: f('330000/rsa/licence-org.pem'),
      trustAnchors: [anchor],
      revocation: 'off',
    })
    expect(inside.valid).toBe(true)
    const outside = await run({
      certificate: f('330000/rsa/licence-org-outside.pem'),
      trustAnchors: [anchor],
      revocation: 'off',
    })
    expect(outside.reason).toBe('chain.name-constraints')
  })

  it('rejects the multilevel special cases and accepts their control', async () => {
    const m = 'special/multilevel/'
    const anchor = [f(`${m}anchor.pem`)]
    const good = await run({
      certificate: f(`${m}good-sub-signer.pem`),
      intermediates: [f(`${m}good-sub-ca.pem`)],
      trustAnchors: anchor,
      revocation: 'off',
    })
    expect(good.valid).toBe(true)
    const noKcs = await run({
      certificate: f(`${m}no-keycertsign-signer.pem`),
      intermediates: [f(`${m}no-keycertsign-sub-ca.pem`)],
      trustAnchors: anchor,
      revocation: 'off',
    })
    expect(noKcs.reason).toBe('chain.key-cert-sign')
    const pathLen = await run({
      certificate: f(`${m}pathlen-signer.pem`),
      intermediates: [f(`${m}pathlen0-ca.pem`), f(`${m}pathlen-inner-ca.pem`)],
      trustAnchors: anchor,
      revocation: 'off',
    })
    expect(pathLen.reason).toBe('chain.path-length')
  })

  it('finds no path through the unanchored cross-signed pair', async () => {
    const r = await run({
      certificate: f('special/cross/signer.pem'),
      intermediates: [f('special/cross/ca-a-by-b.pem'), f('special/cross/ca-b-by-a.pem')],
      trustAnchors: [f('310000/ecdsa/root.pem')],
      revocation: 'off',
    })
    expect(r.reason).toBe('chain.no-path')
  })

  it('checks the expired signer and the serverAuth-only signer', async () => {
    const expired = await run({
      certificate: f('320000/sm2/signer-expired.pem'),
      trustAnchors: [f('320000/sm2/signature-ca.pem')],
      revocation: 'off',
    })
    expect(expired.reason).toBe('chain.expired')
    const eku = await run({
      certificate: f('340000/rsa/signer-serverauth.pem'),
      trustAnchors: [f('340000/rsa/signature-ca.pem')],
      revocation: 'off',
      extendedKeyUsage: ['1.3.6.1.5.5.7.3.4'],
    })
    expect(eku.reason).toBe('chain.extended-key-usage')
  })
})
