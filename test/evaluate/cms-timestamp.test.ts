/**
 * Signature time-stamps (id-aa-signatureTimeStampToken) built with fixtures/make/tsp.ts over
 * the SignerInfo signature value: verified against the TEST registry's TSA services, genTime
 * reported, failures reported, and proof of existence after the signer certificate expired.
 */
import { describe, expect, it } from 'vitest'
import { buildTimestampToken } from '../../fixtures/make/tsp.js'
import { evaluateCmsSignature, type CmsEvaluation } from '../../src/evaluate/cms.js'
import { hash } from '../../src/crypto/hash.js'
import {
  attribute,
  buildCms,
  certDer,
  chainContext,
  CONTENT,
  crlsOf,
  keyOf,
} from '../pki/cms/helpers.js'

const TS_OID = '1.2.840.113549.1.9.16.2.14'
const GEN_TIME = new Date('2026-09-01T10:00:00Z')
const CERT = certDer('330000/sm2/signer.pem')
const KEY = keyOf('330000/sm2/signature-ca-leaf.pem')

function token(signature: Uint8Array, imprintOf = signature, genTime = GEN_TIME): Uint8Array {
  return buildTimestampToken({
    tsaKey: keyOf('330000/sm2/timestamp-authority-leaf.pem'),
    tsaCert: certDer('330000/sm2/tsa.pem'),
    imprint: hash('SM3', imprintOf),
    hashAlg: 'SM3',
    genTime,
    serial: 7,
    extraCertificates: [certDer('330000/sm2/timestamp-authority.pem')],
  })
}

function signed(tokens: (sig: Uint8Array) => Uint8Array[]): Uint8Array {
  return buildCms({
    key: KEY,
    cert: CERT,
    content: CONTENT,
    profile: 'gbt35275',
    unsignedAttrs: (sig) => [attribute(TS_OID, ...tokens(sig))],
  })
}

const codes = (r: CmsEvaluation, status: string): string[] =>
  r.signature.checks.filter((c) => c.status === status).map((c) => c.code)

async function run(der: Uint8Array, time?: Date, crls = crlsOf('330000', 'sm2')) {
  const ctx = await chainContext(crls, time)
  return evaluateCmsSignature(der, ctx, 'en', { id: 't' })
}

describe('signature time-stamps', () => {
  it('a valid time-stamp reports its genTime', async () => {
    const r = await run(signed((sig) => [token(sig)]))
    expect(codes(r, 'passed')).toContain('cms.timestamp')
    expect(r.signature.timestamp).toBe(GEN_TIME.toISOString())
    expect(r.timestamp?.getTime()).toBe(GEN_TIME.getTime())
    expect(r.signature.status).toBe('recognized')
  })

  it('a time-stamp over other data is a failed check and proves nothing', async () => {
    const r = await run(signed((sig) => [token(sig, CONTENT)]))
    expect(codes(r, 'failed')).toContain('cms.timestamp-invalid')
    expect(r.signature.timestamp).toBeNull()
    expect(r.signature.status).not.toBe('recognized')
  })

  it('a malformed token is a failed check, not an exception', async () => {
    const r = await run(signed(() => [Uint8Array.of(0x30, 0x03, 0x02, 0x01, 0x01)]))
    expect(codes(r, 'failed')).toContain('cms.timestamp-invalid')
  })

  it('a TSA without revocation data gives a warning and no proven time', async () => {
    const crls = crlsOf('330000', 'sm2').slice(0, 1) // signature-ca.crl only
    const r = await run(
      signed((sig) => [token(sig)]),
      undefined,
      crls,
    )
    expect(codes(r, 'warning')).toContain('cms.timestamp-untrusted')
    expect(r.signature.timestamp).toBeNull()
    expect(r.signature.status).toBe('recognized')
  })

  it('the earliest of several valid time-stamps is the proven time', async () => {
    const early = new Date('2026-03-01T00:00:00Z')
    const r = await run(signed((sig) => [token(sig), token(sig, sig, early)]))
    expect(r.signature.timestamp).toBe(early.toISOString())
  })
})

describe('proof of existence', () => {
  // The signer certificate expires 2030-12-31T00:00Z; the CRLs are fresh until 2031-01-01.
  const AFTER_EXPIRY = new Date('2030-12-31T12:00:00Z')

  it('an expired signer with a valid earlier time-stamp is recognized by POE', async () => {
    const r = await run(
      signed((sig) => [token(sig)]),
      AFTER_EXPIRY,
    )
    expect(codes(r, 'passed')).toContain('poe.timestamp')
    expect(r.signature.status).toBe('recognized')
  })

  it('without a time-stamp the expired signer is OUT_OF_BOUNDS_NO_POE', async () => {
    const der = buildCms({ key: KEY, cert: CERT, content: CONTENT })
    const r = await run(der, AFTER_EXPIRY)
    expect(r.signature.status).toBe('indeterminate')
    expect(r.signature.subIndication).toBe('OUT_OF_BOUNDS_NO_POE')
    expect(codes(r, 'passed')).not.toContain('poe.timestamp')
  })

  it('an untrusted time-stamp gives no proof of existence', async () => {
    const crls = crlsOf('330000', 'sm2').slice(0, 1)
    const r = await run(
      signed((sig) => [token(sig)]),
      AFTER_EXPIRY,
      crls,
    )
    expect(r.signature.subIndication).toBe('OUT_OF_BOUNDS_NO_POE')
  })
})
