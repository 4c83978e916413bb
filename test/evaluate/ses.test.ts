/**
 * Seal and seal-signature evaluation on real files: the Zhejiang tax e-invoice (unknown tax
 * CA, then its certificates trusted directly), ofdrw's SignedValueV4.dat without its data,
 * the ofdrw test seals, an altered Signature.xml and a malformed signature.
 */
import { describe, expect, it } from 'vitest'
import { evaluateSeal, evaluateSesSignature } from '../../src/evaluate/ses.js'
import { parseSeal, parseSesSignature } from '../../src/formats/ses/index.js'
import { parseCertificate } from '../../src/pki/certificate.js'
import type { Check } from '../../src/verdict/types.js'
import { context, ofdSignature, sample, zjInvoice } from '../formats/ses/helpers.js'

const SIGNED_AT = new Date('2020-07-23T13:09:07Z')
const XML = '/Doc_0/Signs/Sign_0/Signature.xml'
const status = (checks: readonly Check[], code: string) =>
  checks.find((c) => c.code === code)?.status

describe('Zhejiang tax e-invoice seal signature', () => {
  it('is intact but indeterminate / NO_CERTIFICATE_CHAIN_FOUND on the TEST registry', async () => {
    const { signedValue, signatureXml } = zjInvoice()
    const ctx = await context({ time: SIGNED_AT, revocation: 'off', crls: [] })
    const r = await evaluateSesSignature(signedValue, ctx, 'en', {
      id: 'Sign_0',
      protectedData: signatureXml,
      protectedName: XML,
    })
    expect(r.outcome).toEqual({
      status: 'indeterminate',
      indication: 'INDETERMINATE',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    })
    const checks = r.signature.checks
    expect(status(checks, 'ses.data-hash')).toBe('passed')
    expect(status(checks, 'ses.signature')).toBe('passed')
    expect(status(checks, 'ses.signer-in-seal')).toBe('passed')
    expect(status(checks, 'ses.signing-time')).toBe('passed')
    expect(r.signature).toMatchObject({
      id: 'Sign_0',
      format: 'ses',
      signingTime: '2020-07-23T13:09:07.000Z',
      timestamp: null,
      province: null,
    })
    expect(r.signature.signer?.subject).toContain('浙江省税务监制章电子证书')
    expect(r.seal).toMatchObject({
      esID: '33010600000001',
      name: '国家税务总局浙江省税务局',
      type: 3,
      status: 'indeterminate',
      picture: { format: 'ofd', width: 30, height: 20 },
    })
    expect(status(r.seal!.checks, 'seal.maker-signature')).toBe('passed')
    expect(r.pictures[0]?.data.subarray(0, 2)).toEqual(new Uint8Array([0x50, 0x4b]))
  })

  it('is recognized with the signer and maker certificates as extra anchors', async () => {
    const { signedValue, signatureXml } = zjInvoice()
    const parsed = parseSesSignature(signedValue)
    const extraAnchors = [
      parseCertificate(parsed.signerCertificate),
      parseCertificate(parsed.seal.makerCertificate),
    ]
    const ctx = await context({ time: SIGNED_AT, revocation: 'off', crls: [], extraAnchors })
    const r = await evaluateSesSignature(signedValue, ctx, 'zh', {
      id: 'Sign_0',
      protectedData: signatureXml,
    })
    expect(r.outcome.status).toBe('recognized')
    expect(r.seal?.status).toBe('recognized')
    expect(r.signature.status).toBe('recognized')
    expect(r.signature.checks.find((c) => c.code === 'ses.data-hash')?.message).toContain(XML)
  })

  it('an altered Signature.xml is rejected / HASH_FAILURE even with an unknown CA', async () => {
    const { signedValue, signatureXml } = zjInvoice()
    const altered = signatureXml.slice()
    altered[altered.length - 3] = altered[altered.length - 3]! ^ 0x01
    const ctx = await context({ time: SIGNED_AT, revocation: 'off', crls: [] })
    const r = await evaluateSesSignature(signedValue, ctx, 'en', {
      id: 'Sign_0',
      protectedData: altered,
      protectedName: XML,
    })
    expect(r.outcome).toMatchObject({ status: 'rejected', subIndication: 'HASH_FAILURE' })
    const check = r.signature.checks.find((c) => c.code === 'ses.data-hash-mismatch')
    expect(check?.message).toContain(XML)
  })
})

describe('ofdrw samples', () => {
  it('SignedValueV4.dat without its data is indeterminate / SIGNED_DATA_NOT_FOUND', async () => {
    const ctx = await context({ time: new Date('2020-10-12T11:14:03Z'), revocation: 'off' })
    const r = await evaluateSesSignature(sample('SignedValueV4.dat'), ctx, 'en', { id: 'x' })
    expect(r.outcome.indication).toBe('INDETERMINATE')
    expect(r.signature.checks.find((c) => c.code === 'ses.data-hash-absent')).toMatchObject({
      status: 'indeterminate',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
    })
    expect(status(r.signature.checks, 'ses.signature')).toBe('passed')
  })

  it('ofdrw-test-v4.ofd: intact, but claimed after the seal and certificate expired', async () => {
    const { signedValue, signatureXml } = ofdSignature('ofdrw-test-v4.ofd')
    const ctx = await context({ time: new Date('2026-12-03T00:00:00Z') })
    const r = await evaluateSesSignature(signedValue, ctx, 'en', {
      id: 'Sign_0',
      protectedData: signatureXml,
    })
    const checks = r.signature.checks
    expect(status(checks, 'ses.data-hash')).toBe('passed')
    expect(status(checks, 'ses.signature')).toBe('passed')
    expect(status(checks, 'seal.maker-signature')).toBeUndefined()
    expect(status(r.seal!.checks, 'seal.maker-signature')).toBe('passed')
    expect(status(checks, 'ses.signing-time-outside-seal')).toBe('indeterminate')
    expect(status(checks, 'ses.signing-time-certificate')).toBe('warning')
    expect(r.signature.signingTime).toBe('2026-08-04T02:08:09.000Z')
    expect(r.outcome.indication).toBe('INDETERMINATE')
  })

  for (const file of ['UserV1.esl', 'UserV4.esl', 'UserV5.esl']) {
    it(`${file}: maker signature valid, maker unknown, PNG picture`, async () => {
      const seal = parseSeal(sample(file))
      const ctx = await context({ time: seal.property.validStart, revocation: 'off' })
      const r = await evaluateSeal(seal, ctx, 'en')
      expect(status(r.seal.checks, 'seal.maker-signature')).toBe('passed')
      expect(status(r.seal.checks, 'seal.validity')).toBe('passed')
      expect(r.outcome.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND')
      expect(r.seal.picture).toMatchObject({ format: 'png', width: 40, height: 40 })
      expect(r.seal.picture?.sha256).toMatch(/^[0-9a-f]{64}$/)
      expect(r.picture?.data).toBe(seal.picture.data)
      expect(r.seal.maker?.subject).toBeTruthy()
    })
  }

  it('a seal with one changed byte is rejected / SIG_CRYPTO_FAILURE', async () => {
    const bytes = sample('UserV4.esl').slice()
    bytes[80] = bytes[80]! ^ 0x01 // inside the seal name
    const seal = parseSeal(bytes)
    const ctx = await context({ time: seal.property.validStart, revocation: 'off' })
    const r = await evaluateSeal(seal, ctx, 'en')
    expect(r.outcome).toMatchObject({ status: 'rejected', subIndication: 'SIG_CRYPTO_FAILURE' })
  })

  it('a malformed signature is rejected / FORMAT_FAILURE, never thrown', async () => {
    const ctx = await context()
    const bytes = sample('SignedValueV4.dat').subarray(0, 5000)
    const r = await evaluateSesSignature(bytes, ctx, 'en', { id: 'bad' })
    expect(r.outcome).toMatchObject({ status: 'rejected', subIndication: 'FORMAT_FAILURE' })
    expect(r.seal).toBeNull()
    expect(r.signature.checks[0]?.code).toBe('ses.parse')
  })
})
