/**
 * When the only seal that chains to a province is refused by its own policy check, the
 * document-level refusal names that reason rather than claiming no service vouches.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { verify } from '../../src/verify.js'

const read = (path: string) => new Uint8Array(readFileSync(`fixtures/${path}`))

describe('recognition of a seal refused by policy', () => {
  it('names the refused seal and its reason in the headline check', async () => {
    const v = await verify(read('ofd/seal-picture-not-registered.ofd'), {
      lang: 'en',
      time: new Date('2026-06-15T00:00:00Z'),
      crls: [read('pki/310000/sm2/seal-maker.crl'), read('pki/310000/sm2/signature-ca.crl')],
    })
    expect(v.status).toBe('rejected')
    const failed = v.checks.filter((c) => c.status === 'failed').map((c) => c.code)
    expect(failed).toContain('policy.issuing-service-refused')
    expect(failed).not.toContain('policy.no-issuing-service')
    const refused = v.checks.find((c) => c.code === 'policy.issuing-service-refused')
    expect(refused?.message).toContain('Shanghai')
    expect(refused?.message).toContain('registry')
  })
})
