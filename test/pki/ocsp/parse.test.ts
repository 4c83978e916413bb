import { OCSPRequest } from '@peculiar/asn1-ocsp'
import { AsnConvert } from '@peculiar/asn1-schema'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildOcspResponse, ocspCertId } from '../../../fixtures/make/ocsp.js'
import { YrdError } from '../../../src/errors.js'
import { MAX_SINGLE_RESPONSES, parseOcspResponse } from '../../../src/pki/ocsp/parse.js'
import { buildOcspRequest } from '../../../src/pki/ocsp/request.js'
import { makePki, type TestPki } from './test-pki.js'

const T = new Date('2026-06-15T00:00:00Z')

describe('OCSP parsing and requests', () => {
  let pki: TestPki
  let der: Uint8Array
  beforeAll(() => {
    pki = makePki('ecdsa')
    der = buildOcspResponse({
      responderCert: pki.responder.der,
      responderKey: pki.responder.key,
      producedAt: T,
      nonce: new Uint8Array([1, 2, 3, 4]),
      responses: [
        {
          serial: pki.leaf.cert.serialNumber,
          issuer: pki.ca.der,
          status: { type: 'revoked', time: T, reason: 'superseded' },
          thisUpdate: T,
        },
      ],
    })
  })

  it('reads every field of a basic response', () => {
    const r = parseOcspResponse(der)
    expect(r.status).toBe('successful')
    const b = r.basic!
    expect(b.producedAt).toEqual(T)
    expect(b.nonce).toEqual(new Uint8Array([1, 2, 3, 4]))
    expect(b.certificates).toHaveLength(1)
    expect(b.responderId.kind).toBe('name')
    expect(b.responses[0]!.status).toEqual({ kind: 'revoked', revokedAt: T, reason: 'superseded' })
    expect(b.responses[0]!.nextUpdate).toBeUndefined()
  })

  it('throws only typed errors on truncated or mutated input', () => {
    for (let n = 0; n < der.length; n += 5) {
      expect(() => parseOcspResponse(der.subarray(0, n))).toThrow(YrdError)
    }
    for (let i = 0; i < 400; i++) {
      const junk = der.slice()
      const at = (i * 53) % junk.length
      junk[at] = junk[at]! ^ (1 << (i % 8))
      try {
        parseOcspResponse(junk)
      } catch (e) {
        expect(e).toBeInstanceOf(YrdError)
        expect((e as YrdError).code).toMatch(/^(format|limit)\./)
      }
    }
  })

  it('bounds the number of single responses', () => {
    const many = Array.from({ length: MAX_SINGLE_RESPONSES + 1 }, () => ({
      serial: pki.leaf.cert.serialNumber,
      issuer: pki.ca.der,
      status: { type: 'good' as const },
      thisUpdate: T,
    }))
    const big = buildOcspResponse({
      responderCert: pki.responder.der,
      responderKey: pki.responder.key,
      producedAt: T,
      responses: many,
    })
    expect(() => parseOcspResponse(big)).toThrow(/too many single responses/)
  })

  for (const hash of ['SHA-1', 'SHA-256'] as const) {
    it(`builds a request an independent parser reads (${hash} CertID)`, () => {
      const nonce = new Uint8Array([7, 7, 7])
      const req = AsnConvert.parse(
        buildOcspRequest(pki.leaf.cert, pki.ca.cert, { hash, nonce }),
        OCSPRequest,
      )
      const got = req.tbsRequest.requestList[0]!.reqCert
      const want = ocspCertId(pki.leaf.cert.serialNumber, pki.ca.der, hash)
      expect(AsnConvert.serialize(got)).toEqual(AsnConvert.serialize(want))
      expect(req.tbsRequest.requestExtensions?.[0]?.extnID).toBe('1.3.6.1.5.5.7.48.1.2')
    })
  }
})
