import { beforeAll, describe, expect, it } from 'vitest'
import { RegistryError } from '../../src/registry/errors.js'
import type { LoadRegistryOptions } from '../../src/registry/load.js'
import { MAX_REGISTRY_BYTES, loadRegistry } from '../../src/registry/load.js'
import type { TestKey } from './helpers.js'
import {
  NOW,
  b64,
  baseDocument,
  bytesOf,
  makeCertificate,
  makeKey,
  signUnchecked,
} from './helpers.js'

type Doc = Record<string, unknown>
type Edit = (doc: Doc, service: Doc, province: Doc) => void

function parts(doc: Doc): { province: Doc; service: Doc } {
  const province = (doc['provinces'] as Doc[])[0] as Doc
  return { province, service: (province['services'] as Doc[])[0] as Doc }
}

describe('loadRegistry schema checks (correctly signed, malformed content)', () => {
  let key: TestKey
  let cert: Uint8Array
  let options: LoadRegistryOptions

  beforeAll(async () => {
    key = await makeKey('ES256')
    cert = await makeCertificate('Shanghai CA')
    options = { operatorKeys: [key.publicJwk], now: NOW }
  })

  async function refusal(edit: Edit): Promise<RegistryError | undefined> {
    const doc = structuredClone(baseDocument([cert]))
    const { province, service } = parts(doc)
    edit(doc, service, province)
    try {
      await loadRegistry(bytesOf(await signUnchecked(doc, key)), options)
    } catch (e) {
      if (e instanceof RegistryError) return e
      throw e
    }
    return undefined
  }

  it('accepts the unmodified base document', async () => {
    expect(await refusal(() => undefined)).toBeUndefined()
  })

  const cases: Array<[string, Edit, string]> = [
    [
      'overlapping history',
      (_d, s) => {
        s['history'] = [
          { status: 'granted', from: '2024-01-01T00:00:00Z', to: '2025-02-01T00:00:00Z' },
          { status: 'withdrawn', from: '2025-01-01T00:00:00Z', to: null },
        ]
      },
      '$.provinces[0].services[0].history',
    ],
    [
      'two open periods',
      (_d, s) => {
        s['history'] = [
          { status: 'granted', from: '2024-01-01T00:00:00Z', to: null },
          { status: 'withdrawn', from: '2025-01-01T00:00:00Z', to: null },
        ]
      },
      '$.provinces[0].services[0].history',
    ],
    [
      'period ending before it starts',
      (_d, s) => {
        s['history'] = [
          { status: 'granted', from: '2024-01-01T00:00:00Z', to: '2024-01-01T00:00:00Z' },
        ]
      },
      '$.provinces[0].services[0].history[0].to',
    ],
    [
      'unknown status',
      (_d, s) => {
        s['history'] = [{ status: 'accredited', from: '2024-01-01T00:00:00Z', to: null }]
      },
      '$.provinces[0].services[0].history[0].status',
    ],
    ['empty history', (_d, s) => void (s['history'] = []), '$.provinces[0].services[0].history'],
    ['unknown province', (_d, _s, p) => void (p['code'] = '110000'), '$.provinces[0].code'],
    ['province name mismatch', (_d, _s, p) => void (p['name'] = '江苏省'), '$.provinces[0].name'],
    [
      'province listed twice',
      (d) => {
        const list = d['provinces'] as Doc[]
        list.push(structuredClone(list[0] as Doc))
        parts({ provinces: [list[1]] }).service['id'] = 'another'
      },
      '$.provinces[1].code',
    ],
    [
      'unknown service type',
      (_d, s) => void (s['type'] = 'root-ca'),
      '$.provinces[0].services[0].type',
    ],
    [
      'duplicate service id',
      (_d, _s, p) => {
        const list = p['services'] as Doc[]
        list.push(structuredClone(list[0] as Doc))
        delete (list[1] as Doc)['sealPictures']
      },
      '$.provinces[0].services[1].id',
    ],
    [
      'certificate not base64',
      (_d, s) => void (s['certificates'] = ['not base64!']),
      '$.provinces[0].services[0].certificates[0]',
    ],
    [
      'certificate not DER',
      (_d, s) => void (s['certificates'] = ['aGVsbG8=']),
      '$.provinces[0].services[0].certificates[0]',
    ],
    [
      'DER that is not a certificate',
      (_d, s) => void (s['certificates'] = ['MAMCAQU=']),
      '$.provinces[0].services[0].certificates[0]',
    ],
    [
      'base64 with non-zero unused bits',
      (_d, s) => void (s['certificates'] = ['MAMCAQV=']),
      '$.provinces[0].services[0].certificates[0]',
    ],
    [
      'no certificate',
      (_d, s) => void (s['certificates'] = []),
      '$.provinces[0].services[0].certificates',
    ],
    [
      'certificate twice',
      (_d, s) => void (s['certificates'] = [b64(cert), b64(cert)]),
      '$.provinces[0].services[0].certificates[1]',
    ],
    [
      'bad seal picture hash',
      (_d, s) => void (s['sealPictures'] = [{ esID: 'a', sha256: 'abc' }]),
      '$.provinces[0].services[0].sealPictures[0].sha256',
    ],
    [
      'esID registered twice',
      (_d, s) => {
        const picture = { esID: '3100000000001', sha256: 'cd'.repeat(32) }
        s['sealPictures'] = [...(s['sealPictures'] as unknown[]), picture]
      },
      '$.provinces[0].services[0].sealPictures[1].esID',
    ],
    ['unknown member', (d) => void (d['extra'] = 1), '$.extra'],
    [
      'unknown service member',
      (_d, s) => void (s['qualifiers'] = []),
      '$.provinces[0].services[0].qualifiers',
    ],
    ['missing member', (d) => void delete d['recognition'], '$.recognition'],
    ['wrong format', (d) => void (d['format'] = 'yrd-verify/registry@2'), '$.format'],
    ['test not boolean', (d) => void (d['test'] = 'yes'), '$.test'],
    ['sequence zero', (d) => void (d['sequence'] = 0), '$.sequence'],
    ['sequence fractional', (d) => void (d['sequence'] = 1.5), '$.sequence'],
    ['impossible date', (d) => void (d['issuedAt'] = '2026-02-30T00:00:00Z'), '$.issuedAt'],
    ['local time', (d) => void (d['issuedAt'] = '2026-01-01T08:00:00+08:00'), '$.issuedAt'],
    [
      'nextUpdate before issuedAt',
      (d) => void (d['nextUpdate'] = '2025-01-01T00:00:00Z'),
      '$.nextUpdate',
    ],
    ['name without en', (d) => void (d['name'] = { zh: '注册表' }), '$.name.en'],
    ['no provinces', (d) => void (d['provinces'] = []), '$.provinces'],
    [
      'recognition year twice',
      (d) =>
        void (d['recognition'] = [
          { year: 2026, types: [] },
          { year: 2026, types: [] },
        ]),
      '$.recognition[1].year',
    ],
    [
      'bad type code',
      (d) => void (d['recognition'] = [{ year: 2026, types: [{ code: 'a b', name: 'x' }] }]),
      '$.recognition[0].types[0].code',
    ],
  ]

  for (const [name, edit, path] of cases) {
    it(`refuses ${name} with registry.format at ${path}`, async () => {
      const error = await refusal(edit)
      expect(error?.code).toBe('registry.format')
      expect(error?.path).toBe(path)
      expect(error?.messages.zh.length).toBeGreaterThan(0)
    })
  }

  it('refuses input that is not UTF-8 JSON object, oversized or too deep', async () => {
    const codeOf = async (input: Uint8Array | object) =>
      loadRegistry(input, options).then(
        () => 'loaded',
        (e: unknown) => (e instanceof RegistryError ? e.code : String(e)),
      )
    expect(await codeOf(new TextEncoder().encode('{"format":'))).toBe('registry.format')
    expect(await codeOf(new Uint8Array([0x7b, 0xff, 0x7d]))).toBe('registry.format')
    expect(await codeOf(new TextEncoder().encode('[1,2]'))).toBe('registry.format')
    expect(await codeOf([1, 2])).toBe('registry.format')
    const big = new Uint8Array(MAX_REGISTRY_BYTES + 1).fill(0x20)
    const started = Date.now()
    expect(await codeOf(big)).toBe('registry.format')
    expect(Date.now() - started).toBeLessThan(1000)
    const deep = `{"signature":"a..b","x":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    expect(await codeOf(new TextEncoder().encode(deep))).toBe('registry.format')
    expect(await codeOf({ signature: 'a..b', x: '\ud800' })).toBe('registry.format')
  })
})
