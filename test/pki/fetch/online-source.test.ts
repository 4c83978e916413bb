import { OCSPRequest, id_pkix_ocsp_nonce } from '@peculiar/asn1-ocsp'
import { AsnConvert, OctetString } from '@peculiar/asn1-schema'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { buildCrl } from '../../../fixtures/make/crl.js'
import { buildOcspResponse, type OcspStatus } from '../../../fixtures/make/ocsp.js'
import { buildCertBundle } from '../../../fixtures/make/pkcs7.js'
import {
  createOnlineSource,
  type OnlineSourceOptions,
} from '../../../src/pki/fetch/online-source.js'
import type { RevocationQuery } from '../../../src/pki/revocation-types.js'
import { makePki, NOW, type Issued, type TestPki } from '../ocsp/test-pki.js'
import { send, startLoopback, type Handler, type Loopback } from './loopback-server.js'

let loop: Loopback
let base = ''
let pki: TestPki
let handlers: Map<string, Handler>
let hits: Map<string, number>
const THIS_UPDATE = new Date('2026-06-15T00:00:00Z')
const NEXT_UPDATE = new Date('2026-06-22T00:00:00Z')

/** The nonce of a DER OCSPRequest, read with an independent parser. */
function requestNonce(body: Buffer): Uint8Array | undefined {
  const req = AsnConvert.parse(new Uint8Array(body), OCSPRequest)
  const ext = req.tbsRequest.requestExtensions?.find((e) => e.extnID === id_pkix_ocsp_nonce)
  if (!ext) return undefined
  return new Uint8Array(AsnConvert.parse(ext.extnValue.buffer, OctetString).buffer)
}

function ocspAnswer(
  o: {
    status?: OcspStatus
    nextUpdate?: Date
    serial?: Uint8Array
    nonce?: 'echo' | 'wrong' | 'none'
    issuer?: Issued
    signer?: Issued
  } = {},
): Handler {
  return (_req, body, res) => {
    const sent = requestNonce(body)
    const nonce =
      o.nonce === 'wrong' ? new Uint8Array([9, 9, 9]) : o.nonce === 'none' ? undefined : sent
    const der = buildOcspResponse({
      responderCert: (o.signer ?? pki.responder).der,
      responderKey: (o.signer ?? pki.responder).key,
      producedAt: THIS_UPDATE,
      ...(nonce ? { nonce } : {}),
      responses: [
        {
          serial: o.serial ?? pki.leaf.cert.serialNumber,
          issuer: (o.issuer ?? pki.ca).der,
          status: o.status ?? { type: 'good' },
          thisUpdate: THIS_UPDATE,
          nextUpdate: o.nextUpdate ?? NEXT_UPDATE,
        },
      ],
    })
    send(res, 'application/ocsp-response', der)
  }
}

function crl(revoked = false): Uint8Array {
  return buildCrl({
    issuer: pki.ca.name,
    issuerKey: pki.ca.key,
    thisUpdate: new Date('2026-01-01T00:00:00Z'),
    nextUpdate: new Date('2031-01-01T00:00:00Z'),
    crlNumber: 1,
    revoked: revoked
      ? [
          {
            serial: pki.leaf.cert.serialNumber,
            date: new Date('2026-02-01T00:00:00Z'),
            reason: 'keyCompromise',
          },
        ]
      : [],
  })
}

const OCSP_PATH = '/ocsp.310000.yrd-test.invalid/ecdsa-ca'
const CRL_PATH = '/crl.310000.yrd-test.invalid/ecdsa-ca.crl'
const CER_PATH = '/crl.310000.yrd-test.invalid/ecdsa-ca.cer'

function source(extra: OnlineSourceOptions = {}) {
  return createOnlineSource({
    timeoutMs: 2000,
    rewrite: (url) => url.replace(/^http:\/\//, `${base}/`),
    ...extra,
  })
}

function query(): RevocationQuery {
  return {
    certificate: pki.leaf.cert,
    issuer: pki.ca.cert,
    time: NOW,
    path: [pki.leaf.cert, pki.ca.cert],
  }
}

beforeAll(async () => {
  pki = makePki('ecdsa')
  loop = await startLoopback()
  ;({ base, handlers, hits } = loop)
})

afterAll(() => loop.close())

beforeEach(() => {
  handlers.clear()
  hits.clear()
})

describe('online revocation source over a loopback server', () => {
  it('POSTs an OCSP request with a nonce and accepts a good answer', async () => {
    let seenType = ''
    handlers.set(OCSP_PATH, (req, body, res) => {
      seenType = req.headers['content-type'] ?? ''
      expect(req.method).toBe('POST')
      expect(requestNonce(body)?.length).toBe(16)
      ocspAnswer()(req, body, res)
    })
    const st = await source().check(query())
    expect(st).toMatchObject({ status: 'good', source: 'ocsp' })
    expect(seenType).toBe('application/ocsp-request')
  })

  it('reports a revoked OCSP answer', async () => {
    const time = new Date('2026-06-01T00:00:00Z')
    handlers.set(
      OCSP_PATH,
      ocspAnswer({ status: { type: 'revoked', time, reason: 'keyCompromise' } }),
    )
    const st = await source().check(query())
    expect(st).toMatchObject({
      status: 'revoked',
      source: 'ocsp',
      revokedAt: time,
      reason: 'keyCompromise',
    })
  })

  it('falls back to the CRL distribution point', async () => {
    handlers.set(CRL_PATH, (_q, _b, res) => send(res, 'application/pkix-crl', crl()))
    expect(await source().check(query())).toMatchObject({ status: 'good', source: 'crl' })
    handlers.set(CRL_PATH, (_q, _b, res) => send(res, 'application/pkix-crl', crl(true)))
    expect(await source().check(query())).toMatchObject({ status: 'revoked', source: 'crl' })
    const foreign = buildCrl({
      issuer: pki.otherCa.name,
      issuerKey: pki.otherCa.key,
      thisUpdate: new Date('2026-01-01T00:00:00Z'),
      nextUpdate: new Date('2031-01-01T00:00:00Z'),
      crlNumber: 1,
    })
    handlers.set(CRL_PATH, (_q, _b, res) => send(res, 'application/pkix-crl', foreign))
    const st = await source().check(query())
    expect(st.status).toBe('unknown')
    expect(st.code).toMatch(/^revocation\.crl\./)
  })

  it('times out on a handler that never answers', async () => {
    handlers.set(OCSP_PATH, () => undefined)
    handlers.set(CRL_PATH, () => undefined)
    const started = Date.now()
    const st = await source({ timeoutMs: 200 }).check(query())
    expect(st).toMatchObject({ status: 'unknown', code: 'revocation.fetch.timeout' })
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('aborts a body past maxBytes, declared or streamed', async () => {
    handlers.set(CRL_PATH, (_q, _b, res) => {
      res.writeHead(200, { 'content-type': 'application/pkix-crl' })
      const chunk = Buffer.alloc(64 * 1024, 0x41)
      let sent = 0
      const pump = (): void => {
        while (sent < 1000 && !res.destroyed) {
          sent++
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        res.end()
      }
      pump()
    })
    const streamed = await source({ maxBytes: 100_000 }).check(query())
    expect(streamed).toMatchObject({ status: 'unknown', code: 'revocation.fetch.too-large' })
    handlers.set(CRL_PATH, (_q, _b, res) =>
      send(res, 'application/pkix-crl', new Uint8Array(200_000)),
    )
    const declared = await source({ maxBytes: 100_000 }).check(query())
    expect(declared).toMatchObject({ code: 'revocation.fetch.too-large' })
  })

  it('refuses a wrong content type and a garbage body', async () => {
    handlers.set(OCSP_PATH, (_q, _b, res) =>
      send(res, 'text/html', new TextEncoder().encode('<html>')),
    )
    expect(await source().check(query())).toMatchObject({ code: 'revocation.fetch.content-type' })
    handlers.set(OCSP_PATH, (_q, _b, res) =>
      send(res, 'application/ocsp-response', new Uint8Array([1, 2, 3])),
    )
    expect(await source().check(query())).toMatchObject({ code: 'revocation.fetch.malformed' })
    handlers.set(OCSP_PATH, () => undefined)
    handlers.set(CRL_PATH, (_q, _b, res) =>
      send(res, 'application/pkix-crl', new Uint8Array([0x30, 0x00])),
    )
    const st = await source({ timeoutMs: 300 }).check(query())
    expect(st.status).toBe('unknown')
    expect(st.code).toMatch(/^revocation\.crl\./)
  })

  it('refuses a stale response, one for another certificate, and a nonce mismatch', async () => {
    handlers.set(OCSP_PATH, ocspAnswer({ nextUpdate: new Date('2026-06-14T00:00:00Z') }))
    expect(await source().check(query())).toMatchObject({ code: 'revocation.ocsp.stale' })
    handlers.set(OCSP_PATH, ocspAnswer({ serial: pki.tsa.cert.serialNumber }))
    expect(await source().check(query())).toMatchObject({ code: 'revocation.ocsp.no-match' })
    handlers.set(OCSP_PATH, ocspAnswer({ issuer: pki.otherCa, signer: pki.otherResponder }))
    expect(await source().check(query())).toMatchObject({ code: 'revocation.ocsp.no-match' })
    handlers.set(OCSP_PATH, ocspAnswer({ signer: pki.otherResponder }))
    expect(await source().check(query())).toMatchObject({
      code: 'revocation.ocsp.responder-not-authorized',
    })
    handlers.set(OCSP_PATH, ocspAnswer({ nonce: 'wrong' }))
    expect(await source().check(query())).toMatchObject({ code: 'revocation.ocsp.nonce-mismatch' })
  })

  it('sends no nonce on request and can require its echo', async () => {
    let sentNonce: Uint8Array | undefined = new Uint8Array(0)
    handlers.set(OCSP_PATH, (req, body, res) => {
      sentNonce = requestNonce(body)
      ocspAnswer({ nonce: 'none' })(req, body, res)
    })
    expect((await source({ nonce: false }).check(query())).status).toBe('good')
    expect(sentNonce).toBeUndefined()
    expect((await source().check(query())).status).toBe('good')
    expect(await source({ requireNonce: true }).check(query())).toMatchObject({
      code: 'revocation.ocsp.nonce-mismatch',
    })
  })

  it('follows at most three http redirects', async () => {
    const hop =
      (to: string): Handler =>
      (_q, _b, res) => {
        res.writeHead(302, { location: to })
        res.end()
      }
    handlers.set(CRL_PATH, hop('/r1'))
    handlers.set('/r1', hop(`${base}/r2`))
    handlers.set('/r2', (_q, _b, res) => send(res, 'application/pkix-crl', crl()))
    expect(await source().check(query())).toMatchObject({ status: 'good', source: 'crl' })
    handlers.set('/r2', hop('/r3'))
    handlers.set('/r3', hop('/r4'))
    handlers.set('/r4', (_q, _b, res) => send(res, 'application/pkix-crl', crl()))
    expect(await source().check(query())).toMatchObject({ code: 'revocation.fetch.redirects' })
    handlers.set(CRL_PATH, hop('https://127.0.0.1/x.crl'))
    expect(await source().check(query())).toMatchObject({ code: 'revocation.fetch.scheme' })
  })

  it('caches by URL within one instance', async () => {
    handlers.set(OCSP_PATH, ocspAnswer())
    const online = source()
    await online.check(query())
    await online.check(query())
    expect(hits.get(OCSP_PATH)).toBe(1)
    await source().check(query())
    expect(hits.get(OCSP_PATH)).toBe(2)
  })

  it('fetches caIssuers as DER or PKCS#7 certs-only', async () => {
    handlers.set(CER_PATH, (_q, _b, res) => send(res, 'application/pkix-cert', pki.ca.der))
    const one = await source().fetchIssuers(pki.leaf.cert)
    expect(one.certificates.map((c) => c.sha256)).toEqual([pki.ca.cert.sha256])
    const bundle = buildCertBundle([pki.ca.der, pki.otherCa.der])
    handlers.set(CER_PATH, (_q, _b, res) => send(res, 'application/pkcs7-mime', bundle))
    const two = await source().fetchIssuers(pki.leaf.cert)
    expect(two.certificates.map((c) => c.sha256).sort()).toEqual(
      [pki.ca.cert.sha256, pki.otherCa.cert.sha256].sort(),
    )
    handlers.set(CER_PATH, (_q, _b, res) => send(res, 'text/plain', new TextEncoder().encode('no')))
    const bad = await source().fetchIssuers(pki.leaf.cert)
    expect(bad.certificates).toEqual([])
    expect(bad.failures).toEqual([
      {
        url: 'http://crl.310000.yrd-test.invalid/ecdsa-ca.cer',
        code: 'revocation.fetch.malformed',
      },
    ])
  })

  it('answers unknown without locations and never throws on a failing fetch', async () => {
    const noUrls = { ...query(), certificate: pki.ca.cert, issuer: pki.ca.cert }
    expect(await source().check(noUrls)).toMatchObject({ code: 'revocation.fetch.no-location' })
    const broken = createOnlineSource({
      fetch: () => Promise.reject(new TypeError('boom')),
    })
    expect(await broken.check(query())).toMatchObject({ code: 'revocation.fetch.network' })
  })
})
