import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signJws } from '../../fixtures/make/jws-sign.js'
import { licenceJson } from '../../fixtures/make/licence-fixtures.js'
import { businessLicence } from '../../fixtures/make/ofd-licence.js'
import { PROVINCES } from '../../fixtures/make/pki-names.js'
import { signerFromKeyFile } from '../../fixtures/make/signer.js'
import { buildTimestampToken } from '../../fixtures/make/tsp.js'
import { verify } from '../../src/verify.js'
import { certDer, repo } from '../fixtures/helpers.js'
import { AT, fixture, verifyFixture } from './licence-helpers.js'

const zj = PROVINCES.find((p) => p.code === '330000')!
const key = (path: string) => signerFromKeyFile(repo(`fixtures/pki/keys/330000/ecdsa/${path}`))
const cert = (path: string) => certDer(`fixtures/pki/330000/ecdsa/${path}`)
const crls = [
  fixture('pki/330000/ecdsa/legacy-licence-issuer-ca.crl'),
  fixture('pki/330000/ecdsa/timestamp-authority.crl'),
]

/** A licence signed by the legacy Zhejiang issuer (withdrawn 2026-06-01), time-stamped. */
function stamped(genTime: string): Uint8Array {
  const text = signJws({
    payload: licenceJson(businessLicence(zj, 2)),
    signer: key('legacy-licence-issuer.pem'),
    chain: [cert('legacy-licence-issuer.pem'), cert('legacy-licence-issuer-ca.pem')],
    serialization: 'flattened',
    timestamp: (signature) =>
      buildTimestampToken({
        tsaKey: key('timestamp-authority-leaf.pem'),
        tsaCert: cert('tsa.pem'),
        imprint: new Uint8Array(createHash('sha256').update(signature).digest()),
        hashAlg: 'SHA-256',
        genTime: new Date(genTime),
        serial: 9,
      }),
  })
  return new TextEncoder().encode(text)
}

describe('a service granted at the proven signing time', () => {
  it('recognises a signature time-stamped while the service was granted', async () => {
    const v = await verify(stamped('2026-05-31T23:59:00Z'), { time: AT, crls })
    expect(v.status).toBe('recognized')
    expect(v.signatures[0]?.checks.map((c) => c.code)).toContain('poe.trust-service')
  })

  it('refuses one time-stamped after the service was withdrawn', async () => {
    const v = await verify(stamped('2026-06-01T00:01:00Z'), { time: AT, crls })
    expect([v.status, v.indication]).toEqual(['rejected', 'INDETERMINATE'])
    expect(v.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND_NO_POE')
    expect(v.checks.map((c) => `${c.code}:${c.status}`)).toContain(
      'policy.service-withdrawn:failed',
    )
  })

  it('says when the service was withdrawn and that the time-stamp came after', async () => {
    const v = await verify(stamped('2026-06-01T00:01:00Z'), { time: AT, crls, lang: 'en' })
    const refusal = v.checks.find((c) => c.code === 'policy.service-withdrawn')
    expect(refusal?.message).toBe(
      'The trust service "Zhejiang legacy licence issuer (withdrawn)" of the signature was ' +
        'withdrawn on 2026-06-01T00:00:00Z: the time-stamp proves signing at ' +
        '2026-06-01T00:01:00.000Z, after the withdrawal',
    )
    expect(refusal?.detail).toMatchObject({
      withdrawn: '2026-06-01T00:00:00Z',
      timestamp: '2026-06-01T00:01:00.000Z',
    })
  })

  it('says the validation time was used when only a claimed signing time exists', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const v = await verifyFixture('licences/service-withdrawn-before-signing.jws', { lang })
      const refusal = v.checks.find((c) => c.code === 'policy.service-withdrawn')?.message
      const chain = v.signatures[0]?.checks.find(
        (c) => c.code === 'certificate.trust-service-withdrawn',
      )?.message
      // Withdrawn on 2026-06-01 (the registry's history), not at the validation time.
      expect(chain).toContain('2026-06-01T00:00:00Z')
      expect(chain).not.toContain(AT.toISOString())
      expect(refusal).toContain('2026-06-01T00:00:00Z')
      expect(refusal).toContain('2026-07-15T02:00:00Z')
      expect(refusal).toContain(AT.toISOString())
    }
    const en = await verifyFixture('licences/service-withdrawn-before-signing.jws', { lang: 'en' })
    expect(en.checks.find((c) => c.code === 'policy.service-withdrawn')?.message).toBe(
      'The trust service "Zhejiang legacy licence issuer (withdrawn)" of the signature was ' +
        'withdrawn on 2026-06-01T00:00:00Z: no time-stamp proves signing before then, so the ' +
        'validation time 2026-12-03T00:00:00.000Z was used (the claimed signing time ' +
        '2026-07-15T02:00:00Z is no proof)',
    )
    // The chain check names the service and province in the language asked for.
    const enChain = en.signatures[0]?.checks.find(
      (c) => c.code === 'certificate.trust-service-withdrawn',
    )?.message
    expect(enChain).toMatch(/^The anchor's service "Zhejiang [^"]+" \(Zhejiang\) was withdrawn/)
    const zh = await verifyFixture('licences/service-withdrawn-before-signing.jws')
    expect(zh.checks.find((c) => c.code === 'policy.service-withdrawn')?.message).toBe(
      '签名链接的信任服务“浙江省电子证照签发服务（旧，已撤销）”已于 2026-06-01T00:00:00Z ' +
        '撤销授权：没有时间戳证明签署早于撤销，按验证时间 2026-12-03T00:00:00.000Z 判断' +
        '（声称的签署时间 2026-07-15T02:00:00Z 不能作为证明）',
    )
  })

  it('needs no proof while the service is still granted at the validation time', async () => {
    const early = new Date('2026-05-01T00:00:00Z')
    const v = await verify(stamped('2026-03-02T00:00:00Z'), { time: early, crls })
    expect(v.status).toBe('recognized')
    expect(v.signatures[0]?.checks.map((c) => c.code)).not.toContain('poe.trust-service')
  })
})
