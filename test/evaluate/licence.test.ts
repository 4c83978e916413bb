import { describe, expect, it } from 'vitest'
import { englishLicenceType } from '../../src/evaluate/licence-type-names.js'
import { evaluateLicence } from '../../src/evaluate/licence.js'
import { businessLicence, licenceCustomData } from '../../fixtures/make/ofd-licence.js'
import { PROVINCES } from '../../fixtures/make/pki-names.js'
import { AT, verifyFixture } from './licence-helpers.js'

const zj = PROVINCES.find((p) => p.code === '330000')!
const pairs = licenceCustomData(businessLicence(zj, 1)).map(([name, value]) => ({ name, value }))
const codes = (r: ReturnType<typeof evaluateLicence>) =>
  r.findings.map((f) => `${f.code}:${f.status}`)
const edit = (key: string, value: string | null) =>
  pairs.flatMap((p) => (p.name !== key ? [p] : value === null ? [] : [{ name: key, value }]))

describe('evaluateLicence', () => {
  it('passes every check of a well-formed licence and fills the licence object', () => {
    const r = evaluateLicence(pairs, AT, 'test')
    expect(codes(r)).toEqual([
      'licence.metadata:passed',
      'licence.identifier:passed',
      'licence.holder-id:passed',
      'licence.issuer-province:passed',
      'licence.validity:passed',
    ])
    expect(r.issuerProvince).toBe('330000')
    expect(r.licence).toMatchObject({
      type: '营业执照',
      holderIdType: '001',
      validTo: '2045-12-14',
    })
  })

  it('names missing mandatory fields', () => {
    const r = evaluateLicence(edit('ZZBH', null), AT, 'test')
    const f = r.findings.find((x) => x.code === 'policy.licence-fields-missing')
    expect(f?.params).toEqual({ fields: 'ZZBH' })
  })

  it('cross-checks the type and issuer codes against the identifier', () => {
    const r = evaluateLicence(edit('ZZLXDM', '11100000000013338W011'), AT, 'test')
    expect(codes(r)).toContain('policy.licence-type-code-mismatch:failed')
    const i = evaluateLicence(edit('ZZBFJGDM', '11330105002500287C'), AT, 'test')
    expect(codes(i)).toContain('policy.licence-issuer-code-mismatch:failed')
  })

  it('checks the holder ID by its type', () => {
    const bad = evaluateLicence(edit('CZZTDM', '91330000MA27XL0E2A'), AT, 'test')
    expect(codes(bad)).toContain('policy.licence-holder-id:failed')
    const citizen = [
      ...edit('CZZTDMLXDM', '111').filter((p) => p.name !== 'CZZTDM'),
      { name: 'CZZTDM', value: '11010519491231002X' },
    ]
    expect(codes(evaluateLicence(citizen, AT, 'test'))).toContain('licence.holder-id:passed')
    const odd = evaluateLicence(edit('CZZTDMLXDM', '999'), AT, 'test')
    expect(codes(odd)).toContain('licence.holder-id-type-unknown:warning')
    // Names of Object's members are unknown types too, not a crash.
    for (const code of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const r = evaluateLicence(edit('CZZTDMLXDM', code), AT, 'test')
      expect(codes(r)).toContain('licence.holder-id-type-unknown:warning')
    }
    expect(englishLicenceType('constructor')).toBeUndefined()
    expect(englishLicenceType(' 营业执照 ')).toBe('Business licence')
  })

  it('refuses an issuer outside the four provinces', () => {
    const r = evaluateLicence(edit('ZZBFJGDM', '11430000006122244L'), AT, 'test')
    expect(codes(r)).toContain('policy.licence-issuer-province:failed')
  })

  it('judges validity on Beijing calendar days', () => {
    const last = new Date('2045-12-14T15:59:59Z')
    expect(codes(evaluateLicence(pairs, last, 't'))).toContain('licence.validity:passed')
    const after = new Date('2045-12-14T16:00:00Z')
    expect(codes(evaluateLicence(pairs, after, 't'))).toContain('policy.licence-expired:failed')
    const before = new Date('2025-12-14T15:59:59Z')
    expect(codes(evaluateLicence(pairs, before, 't'))).toContain(
      'policy.licence-not-yet-valid:failed',
    )
  })

  it('checks the end date even when the start date is missing', () => {
    const r = evaluateLicence(edit('ZZYXQQSRQ', null), new Date('2046-01-01T00:00:00Z'), 't')
    expect(codes(r)).toContain('policy.licence-fields-missing:failed')
    expect(codes(r)).toContain('policy.licence-expired:failed')
    expect(codes(evaluateLicence(edit('ZZYXQQSRQ', null), AT, 't'))).not.toContain(
      'licence.validity:passed',
    )
  })
})

describe('one licence, several forms', () => {
  it('gives the same licence object for the OFD, the PDF and the JSON form', async () => {
    for (const code of ['310000', '320000', '330000', '340000']) {
      const ofd = await verifyFixture(`ofd/${code}-licence-v4.ofd`)
      const json = await verifyFixture(`licences/${code}-licence.jws`)
      const pdf = await verifyFixture(`pdf/${code}-licence-sm2.pdf`)
      expect(ofd.licence).not.toBeNull()
      expect(json.licence).toEqual(ofd.licence)
      expect(pdf.licence).toEqual(ofd.licence)
      expect(json.licence?.identifier).toMatch(/^1\.2\.156\.3005\.2\./)
    }
  })
})
