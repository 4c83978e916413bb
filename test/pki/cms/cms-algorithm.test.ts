import { describe, expect, it } from 'vitest'
import { buildTimestampToken } from '../../../fixtures/make/tsp.js'
import { hash } from '../../../src/crypto/hash.js'
import { cmsSignatureAlgorithm } from '../../../src/pki/cms/cms-algorithm.js'
import { verifyTimestamp } from '../../../src/pki/timestamp/verify.js'
import { makePki } from '../ocsp/test-pki.js'

const SHA1 = { oid: '1.3.14.3.2.26' }
const SHA256 = { oid: '2.16.840.1.101.3.4.2.1' }
const SHA384 = { oid: '2.16.840.1.101.3.4.2.2' }
const SM3 = { oid: '1.2.156.10197.1.401' }

describe('SignerInfo signature algorithms', () => {
  it('combines key algorithms with the digest', () => {
    const rsa = { oid: '1.2.840.113549.1.1.1' }
    expect(cmsSignatureAlgorithm(rsa, SHA256)).toEqual({ oid: '1.2.840.113549.1.1.11' })
    expect(cmsSignatureAlgorithm({ oid: '1.2.840.10045.2.1' }, SHA384)).toEqual({
      oid: '1.2.840.10045.4.3.3',
    })
    expect(cmsSignatureAlgorithm({ oid: '1.2.156.10197.1.301.1' }, SM3)).toEqual({
      oid: '1.2.156.10197.1.501',
    })
  })

  it('refuses inconsistent, unknown and refused pairs', () => {
    expect(cmsSignatureAlgorithm({ oid: '1.2.840.113549.1.1.11' }, SHA1)).toBeUndefined()
    expect(cmsSignatureAlgorithm({ oid: '1.2.156.10197.1.301.1' }, SHA256)).toBeUndefined()
    expect(
      cmsSignatureAlgorithm({ oid: '1.2.840.113549.1.1.4' }, { oid: '1.2.840.113549.2.5' }),
    ).toBeUndefined()
    expect(cmsSignatureAlgorithm({ oid: '1.2.3.4' }, SHA256)).toBeUndefined()
    expect(
      cmsSignatureAlgorithm({ oid: '1.2.840.113549.1.1.11' }, { oid: '1.2.3' }),
    ).toBeUndefined()
  })

  it('verifies an SM2 token whose SignerInfo names the GM/T SM2 signature OID', async () => {
    const pki = makePki('sm2')
    const data = new TextEncoder().encode('国密时间戳')
    const token = buildTimestampToken({
      tsaKey: pki.tsa.key,
      tsaCert: pki.tsa.der,
      imprint: hash('SM3', data),
      hashAlg: 'SM3',
      genTime: new Date('2026-05-01T00:00:00Z'),
      serial: 99,
      signerInfoAlgorithm: '1.2.156.10197.1.301.1',
    })
    const r = await verifyTimestamp(token, { data })
    expect(r.signatureValid).toBe(true)
    expect(r.intact).toBe(true)
  })
})
