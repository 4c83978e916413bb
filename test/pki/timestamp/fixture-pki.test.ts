/**
 * End to end on the committed four-province fixture PKI and the built-in TEST registry: a
 * token from each province's SM2 and RSA TSA verifies, its chain anchors at the registry's
 * timestamp-authority service with the CRL, and a signer certificate cannot act as a TSA.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fromPem } from '../../../fixtures/make/keys.js'
import { signerFromPem } from '../../../fixtures/make/signer.js'
import { buildTimestampToken } from '../../../fixtures/make/tsp.js'
import { hash } from '../../../src/crypto/hash.js'
import { defaultRegistry } from '../../../src/registry/default.js'
import { createTsaChainValidator } from '../../../src/pki/timestamp/chain.js'
import { verifyTimestamp } from '../../../src/pki/timestamp/verify.js'
import '../ocsp/test-pki.js'

const root = new URL('../../../fixtures/pki/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')
const DATA = new TextEncoder().encode('长三角电子证照 / YRD licence')

async function tokenFor(province: string, family: 'sm2' | 'rsa', leaf: string, key: string) {
  const hashAlg = family === 'sm2' ? 'SM3' : 'SHA-256'
  return buildTimestampToken({
    tsaKey: signerFromPem(read(`keys/${province}/${family}/${key}.pem`)),
    tsaCert: fromPem(read(`${province}/${family}/${leaf}.pem`), 'CERTIFICATE'),
    imprint: hash(hashAlg, DATA),
    hashAlg,
    genTime: new Date('2026-09-01T10:00:00Z'),
    serial: 2026,
    extraCertificates: [
      fromPem(read(`${province}/${family}/timestamp-authority.pem`), 'CERTIFICATE'),
    ],
  })
}

describe('time-stamps on the fixture PKI', () => {
  for (const province of ['310000', '320000', '330000', '340000']) {
    for (const family of ['sm2', 'rsa'] as const) {
      it(`${province} ${family} TSA token is valid against the TEST registry`, async () => {
        const registry = await defaultRegistry()
        const crl = fromPem(read(`${province}/${family}/timestamp-authority.crl`), 'X509 CRL')
        const token = await tokenFor(province, family, 'tsa', 'timestamp-authority-leaf')
        const r = await verifyTimestamp(token, {
          data: DATA,
          validateChain: createTsaChainValidator({ registry, crls: [crl] }),
        })
        expect(r.checks.filter((c) => c.status !== 'passed')).toEqual([])
        expect(r.valid).toBe(true)
      })
    }
  }

  it('refuses a signer certificate used as a TSA and a chain without revocation data', async () => {
    const registry = await defaultRegistry()
    const notTsa = await tokenFor('310000', 'sm2', 'signer', 'signature-ca-leaf')
    const r1 = await verifyTimestamp(notTsa, { data: DATA })
    expect(r1.checks.find((c) => c.code === 'timestamp.tsa-eku')?.status).toBe('failed')
    expect(r1.intact).toBe(false)
    const token = await tokenFor('310000', 'sm2', 'tsa', 'timestamp-authority-leaf')
    const r2 = await verifyTimestamp(token, {
      data: DATA,
      validateChain: createTsaChainValidator({ registry }),
    })
    expect(r2.chain?.valid).toBe(false)
    expect(r2.valid).toBe(false)
  })
})
