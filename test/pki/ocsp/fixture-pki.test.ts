/**
 * End to end on the committed fixture PKI: OCSP responses from each service CA's delegated
 * responder, given to validateCertificatePath (which wires createOcspSource) with the
 * built-in TEST registry as trust anchors.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fromPem } from '../../../fixtures/make/keys.js'
import { buildOcspResponse, type OcspStatus } from '../../../fixtures/make/ocsp.js'
import { signerFromPem } from '../../../fixtures/make/signer.js'
import { parseCertificate } from '../../../src/pki/certificate.js'
import { validateCertificatePath } from '../../../src/pki/validate.js'
import { defaultRegistry } from '../../../src/registry/default.js'
import './test-pki.js'

const root = new URL('../../../fixtures/pki/', import.meta.url)
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8')
const cert = (path: string): Uint8Array => fromPem(read(path), 'CERTIFICATE')
const TIME = new Date('2026-09-01T00:00:00Z')

function response(dir: string, leaf: Uint8Array, status: OcspStatus): Uint8Array {
  return buildOcspResponse({
    responderCert: cert(`${dir}/signature-ca-ocsp.pem`),
    responderKey: signerFromPem(read(`keys/${dir}/signature-ca-ocsp.pem`)),
    producedAt: new Date('2026-08-31T00:00:00Z'),
    responses: [
      {
        serial: parseCertificate(leaf).serialNumber,
        issuer: cert(`${dir}/signature-ca.pem`),
        status,
        thisUpdate: new Date('2026-08-31T00:00:00Z'),
        nextUpdate: new Date('2026-09-07T00:00:00Z'),
        hash: 'SHA-256',
      },
    ],
  })
}

describe('OCSP on the fixture PKI through validateCertificatePath', () => {
  for (const dir of ['310000/sm2', '320000/rsa', '330000/ecdsa', '340000/sm2']) {
    it(`${dir}: a good OCSP answer is enough revocation evidence`, async () => {
      const leaf = cert(`${dir}/signer.pem`)
      const r = await validateCertificatePath({
        certificate: leaf,
        registry: await defaultRegistry(),
        time: TIME,
        ocspResponses: [response(dir, leaf, { type: 'good' })],
      })
      expect(r.reason).toBe('chain.ok')
      expect(r.valid).toBe(true)
      expect(r.revocation[0]?.status).toMatchObject({ status: 'good', source: 'ocsp' })
    })
  }

  it('a revoked answer makes the path fail with REVOKED', async () => {
    const leaf = cert('310000/sm2/signer-revoked.pem')
    const revoked = {
      type: 'revoked',
      time: new Date('2026-06-01T00:00:00Z'),
      reason: 'keyCompromise',
    } as const
    const r = await validateCertificatePath({
      certificate: leaf,
      registry: await defaultRegistry(),
      time: TIME,
      ocspResponses: [response('310000/sm2', leaf, revoked)],
    })
    expect(r.valid).toBe(false)
    expect(r.subIndication).toBe('REVOKED')
  })

  it('an answer from another province responder is not evidence', async () => {
    const leaf = cert('310000/sm2/signer.pem')
    const foreign = buildOcspResponse({
      responderCert: cert('320000/sm2/signature-ca-ocsp.pem'),
      responderKey: signerFromPem(read('keys/320000/sm2/signature-ca-ocsp.pem')),
      producedAt: new Date('2026-08-31T00:00:00Z'),
      responses: [
        {
          serial: parseCertificate(leaf).serialNumber,
          issuer: cert('310000/sm2/signature-ca.pem'),
          status: { type: 'good' },
          thisUpdate: new Date('2026-08-31T00:00:00Z'),
          nextUpdate: new Date('2026-09-07T00:00:00Z'),
        },
      ],
    })
    const r = await validateCertificatePath({
      certificate: leaf,
      registry: await defaultRegistry(),
      time: TIME,
      ocspResponses: [foreign],
    })
    expect(r.valid).toBe(false)
    expect(r.subIndication).toBe('TRY_LATER')
  })
})
