import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { signJws } from '../../fixtures/make/jws-sign.js'
import { licenceJson } from '../../fixtures/make/licence-fixtures.js'
import { businessLicence } from '../../fixtures/make/ofd-licence.js'
import { PROVINCES } from '../../fixtures/make/pki-names.js'
import { signerFromKeyFile } from '../../fixtures/make/signer.js'
import { certDer, repo } from '../fixtures/helpers.js'
import { sm2Sign } from '../../src/crypto/sm2.js'
import { verify } from '../../src/verify.js'
import { AT, fixture, verifyFixture } from './licence-helpers.js'

const sh = PROVINCES.find((p) => p.code === '310000')!
const signer = signerFromKeyFile(repo('fixtures/pki/keys/310000/sm2/licence-issuer-leaf.pem'))
const leaf = certDer('fixtures/pki/310000/sm2/licence-org.pem')
const crls = [fixture('pki/310000/sm2/licence-issuer.crl')]
const payload = licenceJson(businessLicence(sh, 1))
const enc = (s: string) => new TextEncoder().encode(s)
const b64u = (b: Uint8Array | string) =>
  Buffer.from(typeof b === 'string' ? enc(b) : b).toString('base64url')
const run = (text: string, more = {}) => verify(enc(text), { time: AT, crls, ...more })
const codes = (v: Awaited<ReturnType<typeof verify>>) => [
  ...v.checks.map((c) => `${c.code}:${c.status}`),
  ...v.signatures.flatMap((s) => s.checks.map((c) => `${c.code}:${c.status}`)),
]

describe('signed JSON licences', () => {
  it('verifies SM2SM3 over the signing input with r || s, and says who vouches', async () => {
    const v = await run(signJws({ payload, signer, chain: [leaf], serialization: 'compact' }))
    expect(v.kind).toBe('jws')
    expect(v.status).toBe('recognized')
    expect(v.signatures[0]?.format).toBe('jws')
    expect(v.province?.code).toBe('310000')
    expect(codes(v)).toContain('jws.signature:passed')
    expect(codes(v)).toContain('policy.issuer-signer:passed')
  })

  it('accepts a detached payload given by the caller and asks for it otherwise', async () => {
    const text = signJws({
      payload,
      signer,
      chain: [leaf],
      serialization: 'flattened',
      detached: true,
    })
    expect((await run(text)).subIndication).toBe('SIGNED_DATA_NOT_FOUND')
    expect((await run(text, { detachedPayload: payload })).status).toBe('recognized')
    const other = enc(new TextDecoder().decode(payload).replace('2045', '2055'))
    expect((await run(text, { detachedPayload: other })).subIndication).toBe('SIG_CRYPTO_FAILURE')
  })

  it('refuses alg none, MACs and critical parameters it does not understand', async () => {
    const sign = (header: object) => {
      const h = b64u(JSON.stringify({ x5c: [Buffer.from(leaf).toString('base64')], ...header }))
      const input = enc(`${h}.${b64u(payload)}`)
      const sig = sm2Sign(new Uint8Array(32).fill(7), input, { der: false })
      return `${h}.${b64u(payload)}.${b64u(sig)}`
    }
    for (const alg of ['none', 'HS256']) {
      const v = await run(sign({ alg }))
      expect(v.subIndication).toBe('FORMAT_FAILURE')
      expect(codes(v)).toContain('jws.alg-unsupported:failed')
    }
    const crit = await run(sign({ alg: 'SM2SM3', crit: ['exp'], exp: 1 }))
    expect(codes(crit)).toContain('jws.crit-unsupported:failed')
    const wrongKey = await run(sign({ alg: 'SM2SM3' }))
    expect(wrongKey.subIndication).toBe('SIG_CRYPTO_FAILURE')
  })

  it('refuses an SM2SM3 signature that is DER rather than r || s', async () => {
    const h = b64u(JSON.stringify({ alg: 'SM2SM3', x5c: [Buffer.from(leaf).toString('base64')] }))
    const der = signer.sign(enc(`${h}.${b64u(payload)}`))
    const v = await run(`${h}.${b64u(payload)}.${b64u(der)}`)
    expect(v.subIndication).toBe('SIG_CRYPTO_FAILURE')
  })

  it('turns malformed input into FORMAT_FAILURE, never an exception', async () => {
    for (const text of ['eyJ', '{"protected":1}', 'eyJhbGciOiJFUzI1NiJ9..A*', '{'.repeat(5000)]) {
      const v = await run(text)
      expect(v.status).toBe('rejected')
      expect(v.subIndication).toBe('FORMAT_FAILURE')
    }
    const bare = await run('eyJhbGciOiJFUzI1NiJ9..')
    expect([bare.status, bare.subIndication]).toEqual(['indeterminate', 'SIGNED_DATA_NOT_FOUND'])
    expect(codes(bare)).toContain('jws.no-certificate:indeterminate')
  })

  it('reports a tampered payload and a foreign chain as the manifest says', async () => {
    expect((await verifyFixture('licences/tampered-payload.jws')).subIndication).toBe(
      'SIG_CRYPTO_FAILURE',
    )
    const foreign = await verifyFixture('licences/foreign-ca.jws')
    expect([foreign.status, foreign.subIndication]).toEqual([
      'indeterminate',
      'NO_CERTIFICATE_CHAIN_FOUND',
    ])
    expect(readFileSync(repo('fixtures/licences/310000-licence.jws'), 'utf8')).toMatch(/^eyJ/)
  })
})
