import { describe, expect, it } from 'vitest'
import {
  hasLicenceMetadata,
  licenceJsonPairs,
  normaliseDate,
  readLicenceFields,
} from '../../../src/formats/licence/index.js'

describe('GB/T 36903 metadata', () => {
  it('matches keys case-insensitively and normalises dates', () => {
    const f = readLicenceFields([
      { name: 'zzmc', value: ' 营业执照 ' },
      { name: 'ZZBS', value: '1.2.156.3005.2.x' },
      { name: 'Zzbfrq', value: '2025年12月15日' },
      { name: 'ZZYXQQSRQ', value: '20251215' },
      { name: 'ZZYXQJZRQ', value: '长期' },
      { name: 'KZ_ZL', value: '某路 1 号' },
    ])
    expect(f.values.name).toBe('营业执照')
    expect(f.values.issuedOn).toBe('2025-12-15')
    expect(f.values.validFrom).toBe('2025-12-15')
    expect(f.values.validTo).toBeUndefined()
    expect(f.openEnded).toBe(true)
    expect(f.keys).toContain('KZ_ZL')
    expect(f.missing).toEqual([
      'ZZLXDM',
      'ZZBH',
      'ZZBFJG',
      'ZZBFJGDM',
      'CZZT',
      'CZZTDM',
      'CZZTDMLXDM',
    ])
  })

  it('reports conflicting duplicates and dates that are not dates', () => {
    const f = readLicenceFields([
      { name: 'ZZMC', value: 'A' },
      { name: 'zzmc', value: 'B' },
      { name: 'ZZBFRQ', value: '2025-02-30' },
    ])
    expect(f.conflicting).toEqual(['ZZMC'])
    expect(f.badDates).toEqual(['ZZBFRQ'])
  })

  it('reads dates in the usual spellings only', () => {
    expect(normaliseDate('2025-12-15T10:00:00+08:00')).toBe('2025-12-15')
    expect(normaliseDate('2025/1/5')).toBe('2025-01-05')
    expect(normaliseDate('15.12.2025')).toBeUndefined()
  })

  it('bounds the number of pairs', () => {
    const pairs = Array.from({ length: 5000 }, (_, i) => ({ name: `K${i}`, value: 'v' }))
    expect(readLicenceFields(pairs).ignored).toBe(5000 - 1024)
  })

  it('tells a licence by any GB/T 36903 key, not only its identifier', () => {
    expect(hasLicenceMetadata([{ name: ' zzbs ' }])).toBe(true)
    expect(hasLicenceMetadata([{ name: 'Title' }, { name: 'ZZYXQJZRQ' }])).toBe(true)
    expect(hasLicenceMetadata([{ name: 'Title' }, { name: 'Author' }])).toBe(false)
  })

  it('reads the scalar members of a JSON licence and refuses other JSON', () => {
    const json = new TextEncoder().encode('{"ZZMC":"营业执照","N":3,"X":{"a":1},"L":[1]}')
    expect(licenceJsonPairs(json)).toEqual([
      { name: 'ZZMC', value: '营业执照' },
      { name: 'N', value: '3' },
    ])
    const fail = (text: string) => () => licenceJsonPairs(new TextEncoder().encode(text))
    expect(fail('[1]')).toThrow(expect.objectContaining({ code: 'format.licence.json-object' }))
    expect(fail('{"a":')).toThrow(expect.objectContaining({ code: 'format.licence.json' }))
    const deep = '{"a":' + '['.repeat(100) + ']'.repeat(100) + '}'
    expect(fail(deep)).toThrow(expect.objectContaining({ code: 'limit.licence.json-depth' }))
  })
})
