import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadRegistry } from '../../src/registry/load.js'
import type { Registry } from '../../src/registry/registry.js'
import { NOW, b64, baseDocument, makeCertificate, makeKey, signUnchecked } from './helpers.js'

const t = (iso: string) => new Date(iso)

describe('Registry lookups', () => {
  let registry: Registry
  let caCert: Uint8Array
  let tsaCert: Uint8Array
  let stranger: Uint8Array

  beforeAll(async () => {
    const key = await makeKey('ES256')
    caCert = await makeCertificate('Shanghai CA')
    tsaCert = await makeCertificate('Zhejiang TSA')
    stranger = await makeCertificate('Unknown CA')
    const doc = baseDocument([caCert])
    const provinces = doc['provinces'] as Array<Record<string, unknown>>
    provinces.push({
      code: '330000',
      name: '浙江省',
      nameEn: 'Zhejiang',
      services: [
        {
          id: '330000-tsa',
          type: 'timestamp-authority',
          name: { zh: '浙江时间戳', en: 'Zhejiang TSA' },
          certificates: [b64(tsaCert), b64(caCert)],
          history: [{ status: 'withdrawn', from: '2020-01-01T00:00:00Z', to: null }],
        },
      ],
    })
    const signed = await signUnchecked(doc, key)
    registry = await loadRegistry(signed, { operatorKeys: [key.publicJwk], now: NOW })
  })

  it('normalises history into periods sorted by from', () => {
    const service = registry.provinces[0]?.services[0]
    expect(service?.history.map((p) => [p.status, p.from, p.to])).toEqual([
      ['granted', '2024-01-01T00:00:00Z', '2025-01-01T00:00:00Z'],
      ['withdrawn', '2025-01-01T00:00:00Z', '2025-06-01T00:00:00Z'],
      ['granted', '2025-06-01T00:00:00Z', null],
    ])
  })

  it('vouch answers inside and outside granted and withdrawn periods', () => {
    const types = ['signature-ca'] as const
    const at = (iso: string) => registry.vouch(caCert, t(iso), types)
    expect(at('2023-12-31T23:59:59Z')?.status).toBe('none')
    expect(at('2023-12-31T23:59:59Z')?.period).toBeUndefined()
    expect(at('2024-01-01T00:00:00Z')?.status).toBe('granted')
    expect(at('2024-06-01T00:00:00Z')?.period?.to).toBe('2025-01-01T00:00:00Z')
    expect(at('2025-01-01T00:00:00Z')?.status).toBe('withdrawn')
    expect(at('2025-05-31T23:59:59Z')?.status).toBe('withdrawn')
    expect(at('2025-06-01T00:00:00Z')?.status).toBe('granted')
    expect(at('2099-01-01T00:00:00Z')?.period?.to).toBeNull()
    const v = at('2026-01-01T00:00:00Z')
    expect(v?.province).toEqual({ code: '310000', name: '上海市' })
    expect(v?.service.id).toBe('310000-signature-ca')
  })

  it('vouch prefers a granted listing when several services list the certificate', () => {
    expect(registry.vouch(caCert, t('2026-01-01T00:00:00Z'))?.service.id).toBe(
      '310000-signature-ca',
    )
    const withdrawn = registry.vouch(caCert, t('2025-02-01T00:00:00Z'))
    expect(withdrawn?.status).toBe('withdrawn')
    const onlyTsa = registry.vouch(caCert, t('2026-01-01T00:00:00Z'), ['timestamp-authority'])
    expect(onlyTsa?.status).toBe('withdrawn')
    expect(onlyTsa?.province.code).toBe('330000')
  })

  it('vouch returns undefined for a certificate no service lists, or for other types', () => {
    expect(registry.vouch(stranger, NOW)).toBeUndefined()
    expect(registry.vouch(tsaCert, NOW, ['seal-maker', 'signature-ca'])).toBeUndefined()
    const truncated = caCert.subarray(0, caCert.length - 1)
    expect(registry.vouch(truncated, NOW)).toBeUndefined()
  })

  it('statusAt accepts a service entry or id', () => {
    const service = registry.provinces[0]?.services[0]
    if (service === undefined) throw new Error('service missing')
    expect(registry.statusAt(service, t('2024-05-01T00:00:00Z'))).toBe('granted')
    expect(registry.statusAt('310000-signature-ca', t('2025-03-01T00:00:00Z'))).toBe('withdrawn')
    expect(registry.statusAt('310000-signature-ca', t('2020-01-01T00:00:00Z'))).toBe('none')
    expect(registry.statusAt('no-such-service', NOW)).toBe('none')
    expect(registry.statusAt(service, new Date(Number.NaN))).toBe('none')
  })

  it('lists anchors with DER, SHA-256, province and service, filtered by type', () => {
    expect(registry.anchors()).toHaveLength(3)
    const tsa = registry.anchors(['timestamp-authority'])
    expect(tsa.map((a) => a.province.code)).toEqual(['330000', '330000'])
    const first = registry.anchors(['signature-ca'])[0]
    expect(first?.der).toEqual(caCert)
    expect(first?.sha256).toBe(createHash('sha256').update(caCert).digest('hex'))
    expect(registry.anchors()).toBe(registry.anchors())
  })

  it('answers recognised types by year and seal pictures by esID', () => {
    expect(registry.recognisedTypes(2026)).toEqual([
      { code: '11100000000013338W011', name: '建筑施工特种作业操作资格证' },
    ])
    expect(registry.recognisedTypes(2025)).toEqual([])
    expect(registry.recognition.map((r) => r.year)).toEqual([2026])
    const picture = registry.sealPicture('3100000000001')
    expect(picture?.sha256).toBe('ab'.repeat(32))
    expect(picture?.service.id).toBe('310000-signature-ca')
    expect(registry.sealPicture('nope')).toBeUndefined()
  })

  it('is read-only', () => {
    expect(Object.isFrozen(registry)).toBe(true)
    expect(Object.isFrozen(registry.provinces[0]?.services[0]?.history)).toBe(true)
    expect(() => {
      ;(registry.provinces as unknown as unknown[]).push({})
    }).toThrow(TypeError)
    expect(Object.isFrozen(registry.summary())).toBe(true)
    expect(Object.isFrozen(registry.anchors())).toBe(true)
    expect(Object.isFrozen(registry.anchors()[0])).toBe(true)
  })
})
