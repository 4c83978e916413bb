/**
 * SM2 SignedData (GB/T 35275 and PKCS#7 content types) built at test time with the fixture
 * PKI, and the attribute variants: ESS signing certificate, key-id signer identifiers, CMS
 * and Adobe-archived revocation data.
 */
import { describe, expect, it } from 'vitest'
import { buildSignedData } from '../../fixtures/make/cms.js'
import { concat, derOctets, derOid, derSequence, derTlv } from '../../fixtures/make/der.js'
import { buildOcspResponse } from '../../fixtures/make/ocsp.js'
import { evaluateCmsSignature, type CmsEvaluation } from '../../src/evaluate/cms.js'
import {
  attribute,
  buildCms,
  certDer,
  chainContext,
  CONTENT,
  crlDer,
  crlsOf,
  keyOf,
  parsedCert,
  sha256,
  type BuildCmsSpec,
} from '../pki/cms/helpers.js'

const SM2_CERT = certDer('310000/sm2/signer.pem')
const SM2_KEY = keyOf('310000/sm2/signature-ca-leaf.pem')
const RSA_CERT = certDer('320000/rsa/signer.pem')
const RSA_KEY = keyOf('320000/rsa/signature-ca-leaf.pem')
const ESS_V2 = '1.2.840.113549.1.9.16.2.47'
const ADOBE_REVOCATION = '1.2.840.113583.1.1.8'

const codes = (r: CmsEvaluation, status: string): string[] =>
  r.signature.checks.filter((c) => c.status === status).map((c) => c.code)

async function run(
  der: Uint8Array,
  crls: readonly Uint8Array[],
  content?: Uint8Array,
): Promise<CmsEvaluation> {
  const ctx = await chainContext(crls)
  return evaluateCmsSignature(der, ctx, 'zh', { id: 's', ...(content ? { content } : {}) })
}

describe('SM2 CMS signatures', () => {
  for (const profile of ['gbt35275', 'pkcs7'] as const) {
    for (const detached of [false, true]) {
      for (const attrs of [true, false]) {
        const how = detached ? 'detached' : 'attached'
        const name = `${profile} ${how} ${attrs ? 'with' : 'without'} attrs`
        it(`${name} verifies and is recognized`, async () => {
          const { der } = buildSignedData({
            profile,
            content: CONTENT,
            detached,
            signer: { cert: SM2_CERT, key: SM2_KEY },
            signedAttributes: attrs ? { signingTime: new Date('2026-05-01T00:00:00Z') } : false,
          })
          const r = await run(der, crlsOf('310000', 'sm2'), detached ? CONTENT : undefined)
          expect(codes(r, 'failed')).toEqual([])
          expect(r.signature.status).toBe('recognized')
          expect(codes(r, 'passed')).toContain('cms.signature')
          if (attrs) expect(r.signature.signingTime).toBe('2026-05-01T00:00:00.000Z')
        })
      }
    }
  }

  for (const oid of ['1.2.156.10197.1.301.1', '1.2.840.10045.2.1']) {
    it(`accepts SignerInfo signatureAlgorithm ${oid} with SM3`, async () => {
      const der = buildCms({
        key: SM2_KEY,
        cert: SM2_CERT,
        content: CONTENT,
        signatureAlgorithm: oid,
      })
      const r = await run(der, crlsOf('310000', 'sm2'))
      expect(r.signature.status).toBe('recognized')
    })
  }

  it('a tampered SM2 content is HASH_FAILURE, a wrong key SIG_CRYPTO_FAILURE', async () => {
    const { der } = buildSignedData({
      profile: 'gbt35275',
      content: CONTENT,
      detached: true,
      signer: { cert: SM2_CERT, key: SM2_KEY },
      signedAttributes: {},
    })
    const r1 = await run(der, crlsOf('310000', 'sm2'), new TextEncoder().encode('x'))
    expect(r1.signature.subIndication).toBe('HASH_FAILURE')
    const other = keyOf('320000/sm2/signature-ca-leaf.pem')
    const wrong = buildCms({ key: other, cert: SM2_CERT, content: CONTENT, profile: 'gbt35275' })
    const r2 = await run(wrong, crlsOf('310000', 'sm2'))
    expect(r2.signature.subIndication).toBe('SIG_CRYPTO_FAILURE')
  })
})

describe('CMS attribute variants', () => {
  const base: BuildCmsSpec = { key: RSA_KEY, cert: RSA_CERT, content: CONTENT }
  const crls = crlsOf('320000', 'rsa')

  it('a subjectKeyIdentifier sid finds the signer', async () => {
    const r = await run(buildCms({ ...base, keyId: true }), crls)
    expect(r.signature.status).toBe('recognized')
  })

  it('an ESS signing-certificate-v2 that names the signer passes', async () => {
    const ess = derSequence([derSequence([derSequence([derOctets(sha256(RSA_CERT))])])])
    const r = await run(buildCms({ ...base, signedAttrs: [attribute(ESS_V2, ess)] }), crls)
    expect(codes(r, 'passed')).toContain('cms.ess-signing-certificate')
    expect(r.signature.status).toBe('recognized')
  })

  it('an ESS v2 attribute naming another certificate is SIG_CONSTRAINTS_FAILURE', async () => {
    const other = certDer('310000/rsa/signer.pem')
    const ess = derSequence([derSequence([derSequence([derOctets(sha256(other))])])])
    const r = await run(buildCms({ ...base, signedAttrs: [attribute(ESS_V2, ess)] }), crls)
    expect(r.signature.status).toBe('indeterminate')
    expect(r.signature.subIndication).toBe('SIG_CONSTRAINTS_FAILURE')
  })

  it('a wrong contentType attribute is SIG_CONSTRAINTS_FAILURE', async () => {
    const { der } = buildSignedData({
      profile: 'gbt35275',
      content: CONTENT,
      signer: { cert: SM2_CERT, key: SM2_KEY },
      signedAttributes: {},
    })
    // Relabel eContentType (outside the signature) from GB/T 35275 data to PKCS#7 data.
    const relabelled = replaceOnce(
      der,
      Uint8Array.of(0x06, 0x0a, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x06, 0x01, 0x04, 0x02, 0x01),
      Uint8Array.of(0x06, 0x0a, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01, 0x00),
    )
    const r = await run(relabelled, crlsOf('310000', 'sm2'))
    expect(r.signature.subIndication).toBe('SIG_CONSTRAINTS_FAILURE')
    expect(codes(r, 'indeterminate')).toContain('cms.content-type-mismatch')
  })

  it('uses CRLs carried in the SignedData', async () => {
    const r = await run(buildCms({ ...base, revocation: crls }), [])
    expect(codes(r, 'passed')).toContain('cms.embedded-revocation')
    expect(r.signature.status).toBe('recognized')
  })

  it('uses CRLs archived in the Adobe revocation attribute', async () => {
    const archival = derSequence([
      derTlv(0xa0, derSequence([crlDer('320000/rsa/signature-ca.crl')])),
    ])
    const spec = { ...base, signedAttrs: [attribute(ADOBE_REVOCATION, archival)] }
    const r = await run(buildCms(spec), [])
    expect(r.signature.status).toBe('recognized')
    const bad = { ...base, signedAttrs: [attribute(ADOBE_REVOCATION, derOctets(CONTENT))] }
    const r2 = await run(buildCms(bad), [])
    expect(codes(r2, 'warning')).toContain('cms.embedded-revocation-invalid')
    expect(r2.signature.status).toBe('indeterminate')
  })

  it('uses OCSP responses carried in the SignedData and in the Adobe attribute', async () => {
    const ocsp = buildOcspResponse({
      responderCert: certDer('320000/rsa/signature-ca-ocsp.pem'),
      responderKey: keyOf('320000/rsa/signature-ca-ocsp.pem'),
      producedAt: new Date('2026-06-01T00:00:00Z'),
      responses: [
        {
          serial: parsedCert('320000/rsa/signer.pem').serialNumber,
          issuer: certDer('320000/rsa/signature-ca.pem'),
          status: { type: 'good' },
          thisUpdate: new Date('2026-06-01T00:00:00Z'),
          nextUpdate: new Date('2026-07-01T00:00:00Z'),
        },
      ],
    })
    const other = derTlv(0xa1, concat([derOid('1.3.6.1.5.5.7.16.2'), ocsp]))
    const r1 = await run(buildCms({ ...base, revocation: [other] }), [])
    expect(r1.signature.checks.find((c) => c.code === 'cms.embedded-revocation')?.message).toMatch(
      /1 个 OCSP/,
    )
    expect(r1.signature.status).toBe('recognized')
    const archival = derSequence([derTlv(0xa1, derSequence([ocsp]))])
    const spec = { ...base, signedAttrs: [attribute(ADOBE_REVOCATION, archival)] }
    const r2 = await run(buildCms(spec), [])
    expect(r2.signature.status).toBe('recognized')
  })

  it('an empty messageDigest is HASH_FAILURE', async () => {
    const der = buildCms({ ...base, messageDigest: new Uint8Array(0) })
    const r = await run(der, crls)
    expect(r.signature.status).toBe('rejected')
    expect(r.signature.subIndication).toBe('HASH_FAILURE')
  })
})

function replaceOnce(data: Uint8Array, from: Uint8Array, to: Uint8Array): Uint8Array {
  const out = data.slice()
  for (let i = 0; i + from.length <= data.length; i++) {
    if (from.every((b, j) => data[i + j] === b)) {
      out.set(to.subarray(0, from.length), i)
      return out
    }
  }
  throw new Error('pattern not found')
}
