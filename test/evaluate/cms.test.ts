/**
 * CMS signatures made by `openssl cms -sign` with the committed fixture PKI: recognised with
 * the CRLs, and each failure class reported by its check and sub-indication.
 */
import { describe, expect, it } from 'vitest'
import { evaluateCmsSignature, type CmsEvaluation } from '../../src/evaluate/cms.js'
import { hash } from '../../src/crypto/hash.js'
import { parseSignedData } from '../../src/pki/cms/signed-data.js'
import { chainContext, CONTENT, crlsOf, opensslSign } from '../pki/cms/helpers.js'

const codes = (r: CmsEvaluation, status?: string): string[] =>
  r.signature.checks.filter((c) => !status || c.status === status).map((c) => c.code)

async function run(
  der: Uint8Array,
  opts: { content?: Uint8Array; crls?: boolean; family?: string } = {},
): Promise<CmsEvaluation> {
  const crls = opts.crls === false ? [] : crlsOf('310000', opts.family ?? 'rsa')
  const ctx = await chainContext(crls)
  return evaluateCmsSignature(der, ctx, 'en', {
    id: 'sig',
    ...(opts.content ? { content: opts.content } : {}),
  })
}

describe('evaluateCmsSignature on openssl signatures', () => {
  for (const family of ['rsa', 'ecdsa'] as const) {
    for (const attached of [false, true]) {
      for (const noattr of [false, true]) {
        const how = attached ? 'attached' : 'detached'
        const name = `${family} ${how} ${noattr ? 'no' : 'with'} attrs`
        it(`${name} is recognized with the CRLs`, async () => {
          const der = opensslSign({ family, attached, noattr })
          const r = await run(der, { family, ...(attached ? {} : { content: CONTENT }) })
          expect(codes(r, 'failed')).toEqual([])
          expect(r.signature.status).toBe('recognized')
          expect(r.signature.province?.code).toBe('310000')
          expect(r.signature.signer?.subject).toContain('CN=')
          expect(codes(r)).toContain('cms.signature')
          if (!noattr) expect(codes(r)).toContain('cms.message-digest')
          if (!noattr) expect(r.signature.signingTime).not.toBeNull()
          expect(r.signatureValue.length).toBeGreaterThan(60)
        })
      }
    }
  }

  it('streams detached content through digestOf', async () => {
    const der = opensslSign({ family: 'ecdsa' })
    const ctx = await chainContext(crlsOf('310000', 'ecdsa'))
    const asked: string[] = []
    const r = await evaluateCmsSignature(der, ctx, 'zh', {
      id: 'sig',
      digestOf: (name) => {
        asked.push(name)
        return hash(name, CONTENT)
      },
    })
    expect(asked).toEqual(['SHA-256'])
    expect(r.signature.status).toBe('recognized')
  })

  it('reads BER from openssl -stream (indefinite lengths, chunked eContent)', async () => {
    const der = opensslSign({ family: 'rsa', attached: true, stream: true })
    expect(der[1]).toBe(0x80)
    const r = await run(der)
    expect(r.signature.status).toBe('recognized')
  })

  it('tampered content is rejected with HASH_FAILURE', async () => {
    const der = opensslSign({ family: 'rsa' })
    const altered = CONTENT.slice()
    altered[3] = altered[3]! ^ 1
    const r = await run(der, { content: altered })
    expect(r.signature.status).toBe('rejected')
    expect(r.signature.subIndication).toBe('HASH_FAILURE')
    expect(codes(r, 'failed')).toContain('cms.message-digest-mismatch')
  })

  it('tampered content without signed attributes is SIG_CRYPTO_FAILURE', async () => {
    const der = opensslSign({ family: 'ecdsa', noattr: true })
    const r = await run(der, { family: 'ecdsa', content: new TextEncoder().encode('other') })
    expect(r.signature.subIndication).toBe('SIG_CRYPTO_FAILURE')
  })

  it('a tampered signature value is rejected with SIG_CRYPTO_FAILURE', async () => {
    const der = opensslSign({ family: 'rsa', attached: true })
    const sig = parseSignedData(der).signers[0]!.signature
    const at = indexOf(der, sig)
    const bad = der.slice()
    bad[at + 10] = bad[at + 10]! ^ 0x40
    const r = await run(bad)
    expect(r.signature.status).toBe('rejected')
    expect(r.signature.subIndication).toBe('SIG_CRYPTO_FAILURE')
  })

  it('a tampered signed attribute breaks the signature', async () => {
    const der = opensslSign({ family: 'rsa', attached: true })
    const attrs = parseSignedData(der).signers[0]!.signedAttrsDer!
    const at = indexOf(der, attrs.subarray(2))
    const bad = der.slice()
    const last = at + attrs.length - 5 // inside the last attribute value
    bad[last] = bad[last]! ^ 0x01
    const r = await run(bad)
    expect(r.signature.status).toBe('rejected')
  })

  it('no signer certificate: INDETERMINATE / NO_SIGNING_CERTIFICATE_FOUND', async () => {
    const der = opensslSign({ family: 'rsa', attached: true, nocerts: true })
    const r = await run(der)
    expect(r.signature.status).toBe('indeterminate')
    expect(r.signature.subIndication).toBe('NO_SIGNING_CERTIFICATE_FOUND')
    expect(r.signer).toBeUndefined()
    expect(codes(r, 'passed')).toContain('cms.message-digest')
  })

  it('no signer certificate and altered content is still HASH_FAILURE', async () => {
    const der = opensslSign({ family: 'rsa', nocerts: true })
    const r = await run(der, { content: new TextEncoder().encode('x') })
    expect(r.signature.subIndication).toBe('HASH_FAILURE')
  })

  it('SHA-1 gives a weak-algorithm warning', async () => {
    const der = opensslSign({ family: 'rsa', attached: true, md: 'sha1' })
    const r = await run(der)
    expect(codes(r, 'warning')).toContain('cms.weak-algorithm')
    expect(r.signature.status).toBe('recognized')
  })

  it('RSA-PSS signatures verify', async () => {
    const der = opensslSign({ family: 'rsa', attached: true, keyopt: ['rsa_padding_mode:pss'] })
    expect(parseSignedData(der).signers[0]!.signatureAlgorithm.oid).toBe('1.2.840.113549.1.1.10')
    const r = await run(der)
    expect(codes(r, 'passed')).toContain('cms.signature')
    expect(r.signature.status).toBe('recognized')
  })

  it('MD5 is refused', async () => {
    const der = opensslSign({ family: 'rsa', attached: true, md: 'md5' })
    const r = await run(der)
    expect(codes(r, 'failed')).toContain('cms.refused-algorithm')
    expect(r.signature.status).not.toBe('recognized')
  })

  it('without revocation data the chain is not recognized', async () => {
    const der = opensslSign({ family: 'rsa', attached: true })
    const r = await run(der, { crls: false })
    expect(r.signature.status).toBe('indeterminate')
    expect(codes(r, 'passed')).toContain('cms.signature')
  })

  it('a detached signature without content is SIGNED_DATA_NOT_FOUND', async () => {
    const der = opensslSign({ family: 'rsa' })
    const r = await run(der)
    expect(r.signature.status).toBe('indeterminate')
    expect(r.signature.subIndication).toBe('SIGNED_DATA_NOT_FOUND')
  })

  it('attached content that differs from the supplied content is HASH_FAILURE', async () => {
    const der = opensslSign({ family: 'rsa', attached: true })
    const r = await run(der, { content: new TextEncoder().encode('different') })
    expect(r.signature.subIndication).toBe('HASH_FAILURE')
    expect(codes(r, 'failed')).toContain('cms.content-mismatch')
  })

  it('zero padding after the message is ignored, other trailing bytes are not', async () => {
    const der = opensslSign({ family: 'rsa', attached: true })
    const padded = new Uint8Array(der.length + 300)
    padded.set(der)
    expect((await run(padded)).signature.status).toBe('recognized')
    padded[der.length + 5] = 1
    expect((await run(padded)).signature.subIndication).toBe('FORMAT_FAILURE')
  })
})

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return i
  }
  throw new Error('not found')
}
