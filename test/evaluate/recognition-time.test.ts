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
import { AT, fixture } from './licence-helpers.js'

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

  it('needs no proof while the service is still granted at the validation time', async () => {
    const early = new Date('2026-05-01T00:00:00Z')
    const v = await verify(stamped('2026-03-02T00:00:00Z'), { time: early, crls })
    expect(v.status).toBe('recognized')
    expect(v.signatures[0]?.checks.map((c) => c.code)).not.toContain('poe.trust-service')
  })
})
