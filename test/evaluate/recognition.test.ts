import { describe, expect, it } from 'vitest'
import { evaluateLicence } from '../../src/evaluate/licence.js'
import { organisationCodes, recognise } from '../../src/evaluate/recognition.js'
import { defaultRegistry } from '../../src/registry/index.js'
import { PASSED } from '../../src/verdict/aggregate.js'
import type { SignatureResult } from '../../src/verdict/types.js'
import { businessLicence, licenceCustomData } from '../../fixtures/make/ofd-licence.js'
import { PROVINCES } from '../../fixtures/make/pki-names.js'
import { AT, MANIFEST, verifyFixture } from './licence-helpers.js'

type V = Awaited<ReturnType<typeof verifyFixture>>
const checks = (v: V) => v.checks.map((c) => `${c.code}:${c.status}`)
const message = (v: V, code: string) => v.checks.find((c) => c.code === code)?.message ?? ''

describe('the recognition decision', () => {
  it('names province, service, signer, seal, licence type and validity, in zh and en', async () => {
    const zh = await verifyFixture('ofd/310000-licence-v4.ofd', { lang: 'zh' })
    expect(zh.status).toBe('recognized')
    expect(zh.province).toEqual({ code: '310000', name: '上海市' })
    expect(message(zh, 'policy.recognised')).toBe(
      '予以互认：上海市“上海市电子印章制作中心”担保；签署者 上海市示例科技有限公司签名 SM2；' +
        '印章 上海市示例科技有限公司公章（31011500000001）；证照类型 营业执照；' +
        '有效期 2025-12-15 至 2045-12-14',
    )
    const en = await verifyFixture('ofd/310000-licence-v4.ofd', { lang: 'en' })
    expect(message(en, 'policy.recognised')).toBe(
      'Recognised: vouched for by Shanghai "Shanghai electronic seal maker"; signer ' +
        '上海市示例科技有限公司签名 SM2; seal 上海市示例科技有限公司公章 (31011500000001); ' +
        'licence type Business licence; valid 2025-12-15 to 2045-12-14',
    )
    expect(en.checks.find((c) => c.code === 'policy.recognised')?.detail).toEqual({
      province: { code: '310000', zh: '上海市', en: 'Shanghai' },
      via: 'seal',
      services: [
        {
          id: '310000-seal-maker',
          type: 'seal-maker',
          name: { zh: '上海市电子印章制作中心', en: 'Shanghai electronic seal maker' },
        },
      ],
      signer: '上海市示例科技有限公司签名 SM2',
      seal: {
        esID: '31011500000001',
        name: '上海市示例科技有限公司公章',
        validFrom: '2025-06-01T00:00:00.000Z',
        validTo: '2030-12-31T00:00:00.000Z',
      },
      licenceType: { code: '11100000MB00001741001', zh: '营业执照', en: 'Business licence' },
      validity: { from: '2025-12-15', to: '2045-12-14', openEnded: false },
    })
    expect(checks(en)).toContain('licence.sealed-by-other:warning')
  })

  it('names the licence-issuer service of a JSON licence', async () => {
    const v = await verifyFixture('licences/340000-licence.jws', { lang: 'en' })
    expect(v.province?.code).toBe('340000')
    expect(message(v, 'policy.recognised')).toContain('Anhui')
    expect(message(v, 'policy.recognised')).toContain('seal none')
  })

  it('keeps the indication when a recognition rule refuses', async () => {
    for (const [file, code] of [
      ['licences/type-not-recognised.jws', 'policy.type-not-recognised'],
      ['licences/licence-expired.jws', 'policy.licence-expired'],
      ['licences/bad-check-character.jws', 'policy.licence-identifier'],
      ['licences/issuer-not-signer.jws', 'policy.issuer-signer-mismatch'],
    ] as const) {
      const v = await verifyFixture(file)
      expect([v.status, v.indication, v.subIndication], file).toEqual([
        'rejected',
        'TOTAL_PASSED',
        null,
      ])
      expect(checks(v), file).toContain(`${code}:failed`)
      expect(checks(v), file).not.toContain('policy.recognised:passed')
    }
  })

  it('accepts a service withdrawn after signing only with a time-stamp proving it', async () => {
    const after = await verifyFixture('licences/service-withdrawn-after-signing.jws')
    expect(after.status).toBe('recognized')
    expect(after.signatures[0]?.timestamp).toBe('2026-03-02T01:00:00.000Z')
    expect(after.signatures[0]?.checks.map((c) => c.code)).toContain('poe.trust-service')
    const before = await verifyFixture('licences/service-withdrawn-before-signing.jws')
    expect([before.status, before.indication]).toEqual(['rejected', 'INDETERMINATE'])
    expect(checks(before)).toContain('policy.service-withdrawn:failed')
  })

  it('leaves documents without licence metadata to validation, and says so', async () => {
    const cert = MANIFEST.find(
      (e) => e.file.startsWith('certificates/') && e.expect.status === 'recognized',
    )
    const v = await verifyFixture(cert!.file)
    expect(v.status).toBe('recognized')
    expect(v.licence).toBeNull()
    expect(checks(v)).toContain('licence.absent:skipped')
  })

  it('refuses a validated licence that no issuing service vouches for', async () => {
    const registry = await defaultRegistry()
    const anchor = registry.anchors(['signature-ca'])[0]!
    const sh = PROVINCES.find((p) => p.code === '310000')!
    const pairs = licenceCustomData(businessLicence(sh, 1)).map(([name, value]) => ({
      name,
      value,
    }))
    const signature: SignatureResult = {
      id: 's',
      format: 'cms',
      status: 'recognized',
      subIndication: null,
      signer: null,
      province: null,
      signingTime: null,
      timestamp: null,
      coverage: null,
      modifications: null,
      chain: [{ subject: 'CN=x', issuer: 'CN=y', serialNumber: '01', sha256: anchor.sha256 }],
      checks: [],
    }
    const r = recognise({
      licence: evaluateLicence(pairs, AT, 'test'),
      signatures: [signature],
      seals: [],
      validation: PASSED,
      registry,
      time: AT,
      lang: 'en',
    })
    expect(r.findings.map((f) => `${f.code}:${f.status}`)).toContain(
      'policy.no-issuing-service:failed',
    )
    expect(r.province).toBeNull()
  })

  it('finds organisation codes in organizationIdentifier, OU and serialNumber', () => {
    expect(organisationCodes('CN=a, organizationIdentifier=NTRCN-11330105002500287C')).toEqual([
      '11330105002500287C',
    ])
    expect(organisationCodes('OU=11430000006122244L+serialNumber=11330105002500287C')).toEqual([
      '11430000006122244L',
      '11330105002500287C',
    ])
    expect(organisationCodes('CN=11430000006122244L, O=x')).toEqual([])
    expect(organisationCodes('OU=11430000006122244X')).toEqual([])
  })
})
