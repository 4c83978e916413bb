/**
 * Usage-rights (UR3) signatures: verified for integrity, reported apart from the document
 * signatures, never counted towards recognition.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../src/verdict/types.js'
import { verify } from '../../src/verify.js'

const FILE = 'fixtures/pdf/310000-licence-usage-rights.pdf'
const CRL = 'fixtures/pki/310000/sm2/licence-issuer.crl'
const TIME = new Date('2026-06-15T00:00:00Z')

const run = (bytes: Uint8Array): Promise<Verdict> =>
  verify(bytes, { lang: 'en', time: TIME, crls: [new Uint8Array(readFileSync(CRL))] })

function ur3(v: Verdict) {
  return v.checks.filter((c) => c.code.startsWith('pdf.signature.ur3'))
}

describe('usage-rights signatures', () => {
  const bytes = new Uint8Array(readFileSync(FILE))

  it('verifies the UR3 signature, names its signer and leaves the verdict to the issuer', async () => {
    const v = await run(bytes)
    expect(v.status).toBe('recognized')
    expect(v.signatures).toHaveLength(1)
    const [check] = ur3(v)
    expect(check?.code).toBe('pdf.signature.ur3')
    expect(check?.status).toBe('warning')
    expect(check?.message).toContain('integrity verified')
    expect(check?.message).toContain('CN=')
  })

  it('reports a UR3 signature whose covered bytes changed as broken', async () => {
    const text = new TextDecoder('latin1').decode(bytes)
    const at = text.indexOf('/Lang')
    expect(at).toBeGreaterThan(0)
    const changed = bytes.slice()
    changed[at + 1] = 'X'.charCodeAt(0)
    const v = await run(changed)
    const [check] = ur3(v)
    expect(check?.code).toBe('pdf.signature.ur3-broken')
    expect(check?.message).toContain('cms.message-digest-mismatch')
    expect(v.status).toBe('rejected')
  })
})
