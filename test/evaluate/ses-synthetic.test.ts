/**
 * Seal signatures made on the fixture PKI (Zhejiang SM2 seal maker and holder, TEST registry,
 * CRLs): recognized v1/v4/v5, raw r||s, digest lists, and each failure with its ETSI result:
 * signer not entitled, outside the seal validity, altered seal or TBS_Sign, unknown maker,
 * time-stamps as proof of existence, and corrupted bytes that never pass.
 */
import { describe, expect, it } from 'vitest'
import { buildSeal } from '../../fixtures/make/ses.js'
import { buildTimestampToken } from '../../fixtures/make/tsp.js'
import { hash } from '../../src/crypto/hash.js'
import { evaluateSeal, evaluateSesSignature } from '../../src/evaluate/ses.js'
import { parseSeal } from '../../src/formats/ses/index.js'
import type { Check } from '../../src/verdict/types.js'
import { context, DATA, DATES, parties, sealSignature, sealSpec } from '../formats/ses/helpers.js'

const find = (checks: readonly Check[], code: string) => checks.find((c) => c.code === code)

async function run(der: Uint8Array, over: Parameters<typeof context>[0] = {}) {
  return evaluateSesSignature(der, await context(over), 'en', { id: 's1', protectedData: DATA })
}

describe('recognized seal signatures', () => {
  for (const version of [1, 4, 5] as const) {
    it(`v${version} is recognized with province 330000`, async () => {
      const r = await run(sealSignature({ version }, { version }).der)
      expect(r.signature.checks.filter((c) => c.status !== 'passed')).toEqual([])
      expect(r.outcome.status).toBe('recognized')
      expect(r.signature.province).toEqual({ code: '330000', name: '浙江省' })
      expect(r.seal?.status).toBe('recognized')
      expect(r.seal?.checks.filter((c) => c.status !== 'passed')).toEqual([])
      expect(r.signature.signingTime).toBe(DATES.signing.toISOString())
    })
  }

  it('accepts a raw r||s signer signature', async () => {
    const r = await run(sealSignature({}, { rawSignature: true }).der)
    expect(r.outcome.status).toBe('recognized')
    expect(find(r.signature.checks, 'ses.signature')?.message).toContain('r||s')
  })

  it('finds the signer in an SM3 digest list and names the digest', async () => {
    const certList = { type: 2, certs: [parties().signer.cert], digest: 'SM3' } as const
    const r = await run(sealSignature({ certList }).der)
    expect(r.outcome.status).toBe('recognized')
    expect(find(r.signature.checks, 'ses.signer-in-seal')?.message).toContain('SM3 digest')
  })
})

describe('failures', () => {
  it('signer not in the certificate list: indeterminate / SIG_CONSTRAINTS_FAILURE', async () => {
    const certList = { type: 1, certs: [parties().other.cert] } as const
    const r = await run(sealSignature({ certList }).der)
    expect(r.outcome).toMatchObject({
      status: 'indeterminate',
      subIndication: 'SIG_CONSTRAINTS_FAILURE',
    })
    expect(find(r.signature.checks, 'ses.signer-not-in-seal')?.status).toBe('indeterminate')
  })

  it('claimed signing time before the seal validity: SIG_CONSTRAINTS_FAILURE', async () => {
    const r = await run(sealSignature({}, { signingTime: new Date('2025-05-25T00:00:00Z') }).der)
    expect(r.outcome).toMatchObject({
      status: 'indeterminate',
      subIndication: 'SIG_CONSTRAINTS_FAILURE',
    })
    expect(find(r.signature.checks, 'ses.signing-time-outside-seal')).toBeDefined()
  })

  it('a seal used after its validity is not recognized', async () => {
    const r = await run(sealSignature({ validEnd: new Date('2025-09-30T00:00:00Z') }).der)
    expect(r.outcome.indication).toBe('INDETERMINATE')
    expect(find(r.signature.checks, 'ses.signing-time-outside-seal')).toBeDefined()
    expect(find(r.seal!.checks, 'seal.validity-outside')?.subIndication).toBe(
      'OUT_OF_BOUNDS_NO_POE',
    )
  })

  it('an altered seal info is rejected / SIG_CRYPTO_FAILURE', async () => {
    const alterSealInfo = (info: Uint8Array) => {
      const copy = info.slice()
      copy[copy.length - 1] = copy[copy.length - 1]! ^ 0x01 // the picture height
      return copy
    }
    const r = await run(sealSignature({ alterSealInfo }).der)
    expect(r.outcome).toMatchObject({ status: 'rejected', subIndication: 'SIG_CRYPTO_FAILURE' })
    expect(r.seal?.status).toBe('rejected')
    expect(find(r.seal!.checks, 'seal.maker-signature-invalid')?.status).toBe('failed')
    expect(find(r.signature.checks, 'ses.signature')?.status).toBe('passed')
  })

  it('an altered TBS_Sign is rejected / SIG_CRYPTO_FAILURE', async () => {
    const der = sealSignature().der.slice()
    const at = Buffer.from(der).indexOf('/Doc_0/Signs')
    der[at + 1] = 0x45 // 'D' → 'E'
    const r = await run(der)
    expect(r.outcome).toMatchObject({ status: 'rejected', subIndication: 'SIG_CRYPTO_FAILURE' })
    expect(find(r.signature.checks, 'ses.signature-invalid')?.status).toBe('failed')
  })

  it('a maker outside the seal-maker services: NO_CERTIFICATE_CHAIN_FOUND', async () => {
    const r = await run(sealSignature({ maker: parties().other }).der)
    expect(r.outcome).toMatchObject({
      status: 'indeterminate',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND',
    })
    expect(r.seal?.status).toBe('indeterminate')
  })

  it('a failed hash beats an unknown maker (ETSI precedence)', async () => {
    const der = sealSignature({ maker: parties().other }).der
    const ctx = await context()
    const r = await evaluateSesSignature(der, ctx, 'en', {
      id: 's1',
      protectedData: new TextEncoder().encode('other data'),
    })
    expect(r.outcome).toMatchObject({ status: 'rejected', subIndication: 'HASH_FAILURE' })
  })

  it('corrupted bytes never pass and never throw', async () => {
    const good = sealSignature().der
    const ctx = await context()
    let x = 0x38540
    for (let i = 0; i < 40; i++) {
      x = (x * 1103515245 + 12345) >>> 0
      const copy = good.slice()
      const at = x % copy.length
      copy[at] = copy[at]! ^ (1 + ((x >>> 24) % 255))
      const r = await evaluateSesSignature(copy, ctx, 'en', { id: 'c', protectedData: DATA })
      expect(r.outcome.status).not.toBe('recognized')
    }
  })
})

describe('time-stamps', () => {
  function stamped(genTime: Date, imprintOf?: Uint8Array) {
    const p = parties()
    const plain = sealSignature()
    const token = buildTimestampToken({
      tsaKey: p.tsa.key,
      tsaCert: p.tsa.cert,
      imprint: hash('SM3', imprintOf ?? plain.signature),
      hashAlg: 'SM3',
      genTime,
      serial: 7,
      extraCertificates: [p.tsaCa],
    })
    const built = sealSignature({}, { timeStamp: token })
    expect(built.signature).toEqual(plain.signature)
    return built.der
  }

  it('a valid token is reported as the proven time', async () => {
    const genTime = new Date('2026-01-10T00:00:00Z')
    const r = await run(stamped(genTime))
    expect(r.outcome.status).toBe('recognized')
    expect(r.signature.timestamp).toBe(genTime.toISOString())
    expect(find(r.signature.checks, 'ses.timestamp')?.status).toBe('passed')
  })

  it('a token over other data is not proof', async () => {
    const r = await run(stamped(new Date('2026-01-10T00:00:00Z'), new Uint8Array([1, 2, 3])))
    expect(r.signature.timestamp).toBeNull()
    expect(find(r.signature.checks, 'ses.timestamp-invalid')?.status).toBe('warning')
  })

  it('after the certificates expired, only a time-stamp proves the signature', async () => {
    const later = { time: new Date('2031-06-01T00:00:00Z') }
    const bare = await run(sealSignature().der, later)
    expect(bare.outcome).toMatchObject({
      status: 'indeterminate',
      subIndication: 'OUT_OF_BOUNDS_NO_POE',
    })
    const r = await run(stamped(new Date('2026-01-10T00:00:00Z')), later)
    expect(r.outcome.status).toBe('recognized')
    expect(find(r.signature.checks, 'ses.chain-at-timestamp')?.status).toBe('passed')
    expect(find(r.seal!.checks, 'ses.chain-at-timestamp')?.status).toBe('passed')
  })
})

describe('evaluateSeal on a synthetic seal', () => {
  it('is recognized and reports identity and picture', async () => {
    const seal = parseSeal(buildSeal(sealSpec()).der)
    const r = await evaluateSeal(seal, await context(), 'zh')
    expect(r.outcome.status).toBe('recognized')
    expect(r.seal).toMatchObject({
      esID: '33010600000042',
      name: '浙江省示例科技有限公司公章',
      type: 1,
      validFrom: DATES.validStart.toISOString(),
      validTo: DATES.validEnd.toISOString(),
      picture: { format: 'png', width: 40, height: 40 },
    })
    expect(r.seal.maker?.subject).toBeTruthy()
  })

  it('is indeterminate outside its validity window', async () => {
    const seal = parseSeal(buildSeal(sealSpec()).der)
    const r = await evaluateSeal(seal, await context(), 'en', {
      time: new Date('2025-05-25T00:00:00Z'),
    })
    expect(find(r.seal.checks, 'seal.validity-outside')?.subIndication).toBe(
      'SIG_CONSTRAINTS_FAILURE',
    )
    expect(r.outcome.indication).toBe('INDETERMINATE')
  })
})
