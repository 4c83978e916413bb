import { beforeAll, describe, expect, it } from 'vitest'
import { buildTimestampToken } from '../../../fixtures/make/tsp.js'
import { hash } from '../../../src/crypto/hash.js'
import { createTsaChainValidator, type TsaRegistry } from '../../../src/pki/timestamp/chain.js'
import { verifyTimestamp } from '../../../src/pki/timestamp/verify.js'
import { makePki, type TestPki } from '../ocsp/test-pki.js'

const DATA = new TextEncoder().encode('data')
const GEN_TIME = new Date('2026-03-01T00:00:00Z')

function registry(anchor: Uint8Array, status: 'granted' | 'withdrawn'): TsaRegistry {
  return {
    anchors: (types) => (types?.includes('timestamp-authority') ? [{ der: anchor }] : []),
    vouch: () => ({ status }),
  }
}

describe('TSA chain validation through validateCertificatePath', () => {
  let pki: TestPki
  let token: Uint8Array
  beforeAll(() => {
    pki = makePki('sm2')
    token = buildTimestampToken({
      tsaKey: pki.tsa.key,
      tsaCert: pki.tsa.der,
      imprint: hash('SM3', DATA),
      hashAlg: 'SM3',
      genTime: GEN_TIME,
      serial: 42,
    })
  })

  it('accepts an SM2 TSA chaining to a granted timestamp-authority anchor', async () => {
    const validateChain = createTsaChainValidator({
      registry: registry(pki.ca.der, 'granted'),
      revocation: 'off',
    })
    const r = await verifyTimestamp(token, { data: DATA, validateChain })
    expect(r.chain?.valid).toBe(true)
    expect(r.valid).toBe(true)
  })

  it('refuses a service that was not granted at genTime', async () => {
    const validateChain = createTsaChainValidator({
      registry: registry(pki.ca.der, 'withdrawn'),
      revocation: 'off',
    })
    const r = await verifyTimestamp(token, { data: DATA, validateChain })
    expect(r.chain).toMatchObject({ valid: false, reason: 'timestamp.tsa-not-granted' })
    expect(r.valid).toBe(false)
  })

  it('refuses an unrelated anchor and missing revocation data when required', async () => {
    const other = createTsaChainValidator({ trustAnchors: [pki.otherCa.der], revocation: 'off' })
    const r1 = await verifyTimestamp(token, { data: DATA, validateChain: other })
    expect(r1.chain?.valid).toBe(false)
    expect(r1.valid).toBe(false)
    const strict = createTsaChainValidator({ trustAnchors: [pki.ca.der] })
    const r2 = await verifyTimestamp(token, { data: DATA, validateChain: strict })
    expect(r2.chain?.valid).toBe(false)
  })
})
