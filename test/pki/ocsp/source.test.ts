import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildOcspResponse,
  buildOcspErrorResponse,
  type OcspStatus,
} from '../../../fixtures/make/ocsp.js'
import { createOcspSource } from '../../../src/pki/ocsp/source.js'
import type { RevocationSource, RevocationStatus } from '../../../src/pki/revocation-types.js'
import { makePki, NOW, type Issued, type TestPki } from './test-pki.js'

const THIS_UPDATE = new Date('2026-06-15T00:00:00Z')
const NEXT_UPDATE = new Date('2026-06-22T00:00:00Z')

interface Opts {
  signer?: Issued
  status?: OcspStatus
  hash?: 'SHA-1' | 'SHA-256'
  thisUpdate?: Date
  nextUpdate?: Date | null
  byKey?: boolean
  subject?: Issued
  certOf?: Issued
}

function response(pki: TestPki, o: Opts = {}): Uint8Array {
  const signer = o.signer ?? pki.responder
  const subject = o.subject ?? pki.leaf
  const next = o.nextUpdate === null ? {} : { nextUpdate: o.nextUpdate ?? NEXT_UPDATE }
  return buildOcspResponse({
    responderCert: (o.certOf ?? signer).der,
    responderKey: signer.key,
    producedAt: o.thisUpdate ?? THIS_UPDATE,
    responderIdByKey: o.byKey ?? false,
    responses: [
      {
        serial: subject.cert.serialNumber,
        issuer: pki.ca.der,
        status: o.status ?? { type: 'good' },
        thisUpdate: o.thisUpdate ?? THIS_UPDATE,
        hash: o.hash ?? 'SHA-1',
        ...next,
      },
    ],
  })
}

async function ask(
  pki: TestPki,
  der: Uint8Array[],
  time = NOW,
  subject?: Issued,
): Promise<RevocationStatus> {
  const cert = (subject ?? pki.leaf).cert
  return createOcspSource(der).check({ certificate: cert, issuer: pki.ca.cert, time, path: [cert] })
}

for (const family of ['ecdsa', 'sm2', 'rsa'] as const) {
  describe(`OCSP source (${family})`, () => {
    let pki: TestPki
    beforeAll(() => {
      pki = makePki(family)
    })

    it('accepts a good answer from a delegated responder', async () => {
      const st = await ask(pki, [response(pki)])
      expect(st).toMatchObject({ status: 'good', source: 'ocsp', thisUpdate: THIS_UPDATE })
      expect(st.nextUpdate).toEqual(NEXT_UPDATE)
    })

    it('reports a revoked answer with time and reason', async () => {
      const revokedAt = new Date('2026-06-01T00:00:00Z')
      const st = await ask(pki, [
        response(pki, { status: { type: 'revoked', time: revokedAt, reason: 'keyCompromise' } }),
      ])
      expect(st).toMatchObject({ status: 'revoked', reason: 'keyCompromise', revokedAt })
    })

    it('passes on an unknown answer with a code', async () => {
      const st = await ask(pki, [response(pki, { status: { type: 'unknown' } })])
      expect(st).toMatchObject({ status: 'unknown', code: 'revocation.ocsp.responder-unknown' })
    })

    it('matches a SHA-256 CertID and a responder named by key', async () => {
      const st = await ask(pki, [response(pki, { hash: 'SHA-256', byKey: true })])
      expect(st.status).toBe('good')
    })

    it('accepts a response signed by the issuer itself', async () => {
      const st = await ask(pki, [response(pki, { signer: pki.ca })])
      expect(st.status).toBe('good')
    })

    it('refuses a delegated responder without id-kp-OCSPSigning', async () => {
      const st = await ask(pki, [response(pki, { signer: pki.responderNoEku })])
      expect(st).toMatchObject({
        status: 'unknown',
        code: 'revocation.ocsp.responder-not-authorized',
      })
    })

    it('refuses a responder certified by an unrelated CA', async () => {
      const st = await ask(pki, [response(pki, { signer: pki.otherResponder })])
      expect(st).toMatchObject({
        status: 'unknown',
        code: 'revocation.ocsp.responder-not-authorized',
      })
    })

    it('refuses a response signed by an unrelated key', async () => {
      const st = await ask(pki, [
        response(pki, { signer: pki.otherResponder, certOf: pki.responder }),
      ])
      expect(st).toMatchObject({ status: 'unknown', code: 'revocation.ocsp.signature' })
      const byCa = await ask(pki, [response(pki, { signer: pki.otherCa, certOf: pki.ca })])
      expect(byCa).toMatchObject({ status: 'unknown', code: 'revocation.ocsp.signature' })
    })

    it('refuses an expired responder certificate', async () => {
      const st = await ask(pki, [response(pki, { signer: pki.expiredResponder })])
      expect(st).toMatchObject({ status: 'unknown', code: 'revocation.ocsp.responder-expired' })
    })

    it('needs the responder status when it lacks ocsp-nocheck', async () => {
      const der = response(pki, { signer: pki.responderNoCheckless })
      expect(await ask(pki, [der])).toMatchObject({ code: 'revocation.ocsp.responder-unchecked' })
      const says = (status: 'good' | 'revoked'): RevocationSource => ({
        name: 'stub',
        check: async () => ({ status, source: 'crl' }),
      })
      const q = {
        certificate: pki.leaf.cert,
        issuer: pki.ca.cert,
        time: NOW,
        path: [pki.leaf.cert],
      }
      const ok = await createOcspSource([der], { responderRevocation: [says('good')] }).check(q)
      expect(ok.status).toBe('good')
      const bad = await createOcspSource([der], { responderRevocation: [says('revoked')] }).check(q)
      expect(bad).toMatchObject({ status: 'unknown', code: 'revocation.ocsp.responder-revoked' })
    })

    it('uses a responder certificate supplied by the caller', async () => {
      const bare = buildOcspResponse({
        responderCert: pki.responder.der,
        responderKey: pki.responder.key,
        producedAt: THIS_UPDATE,
        includeResponderCert: false,
        responses: [
          {
            serial: pki.leaf.cert.serialNumber,
            issuer: pki.ca.der,
            status: { type: 'good' },
            thisUpdate: THIS_UPDATE,
            nextUpdate: NEXT_UPDATE,
          },
        ],
      })
      expect(await ask(pki, [bare])).toMatchObject({ code: 'revocation.ocsp.responder-not-found' })
      const q = {
        certificate: pki.leaf.cert,
        issuer: pki.ca.cert,
        time: NOW,
        path: [pki.leaf.cert],
      }
      const src = createOcspSource([bare], { certificates: [pki.responder.der] })
      expect((await src.check(q)).status).toBe('good')
    })

    it('treats a stale good answer as unknown', async () => {
      const later = new Date('2026-07-01T00:00:00Z')
      expect(await ask(pki, [response(pki)], later)).toMatchObject({
        code: 'revocation.ocsp.stale',
      })
      const noNext = response(pki, { nextUpdate: null })
      expect((await ask(pki, [noNext], new Date('2026-06-15T20:00:00Z'))).status).toBe('good')
      expect(await ask(pki, [noNext], later)).toMatchObject({ code: 'revocation.ocsp.stale' })
      const early = new Date('2026-06-01T00:00:00Z')
      expect(await ask(pki, [response(pki)], early)).toMatchObject({
        code: 'revocation.ocsp.not-yet-valid',
      })
    })

    it('keeps a revoked answer final even when it is old', async () => {
      const revokedAt = new Date('2026-06-01T00:00:00Z')
      const der = response(pki, { status: { type: 'revoked', time: revokedAt } })
      const st = await ask(pki, [der], new Date('2029-01-01T00:00:00Z'))
      expect(st).toMatchObject({ status: 'revoked', revokedAt })
      const hold = response(pki, {
        status: { type: 'revoked', time: revokedAt, reason: 'certificateHold' },
      })
      expect(await ask(pki, [hold], new Date('2029-01-01T00:00:00Z'))).toMatchObject({
        code: 'revocation.ocsp.stale',
      })
    })

    it('does not answer for another certificate', async () => {
      const st = await ask(pki, [response(pki, { subject: pki.tsa })])
      expect(st).toMatchObject({ status: 'unknown', code: 'revocation.ocsp.no-match' })
    })

    it('prefers a revoked answer over a good one and survives garbage', async () => {
      const revoked = response(pki, { status: { type: 'revoked', time: THIS_UPDATE } })
      const garbage = new Uint8Array([0x30, 0x03, 0x0a, 0x01])
      const st = await ask(pki, [garbage, response(pki), revoked])
      expect(st.status).toBe('revoked')
      expect(await ask(pki, [garbage])).toMatchObject({ code: 'revocation.ocsp.malformed' })
      expect(await ask(pki, [buildOcspErrorResponse('tryLater')])).toMatchObject({
        code: 'revocation.ocsp.unsuccessful',
      })
      expect(await ask(pki, [])).toMatchObject({ code: 'revocation.ocsp.none' })
    })

    it('detects a tampered answer', async () => {
      const der = response(pki)
      // Flip the good status [0] into unknown [2] inside the signed bytes.
      const i = findGood(der)
      const tampered = der.slice()
      tampered[i] = 0x82
      const st = await ask(pki, [tampered])
      expect(st.status).toBe('unknown')
      expect(st.code).toBe('revocation.ocsp.signature')
    })
  })
}

/** Offset of the first `80 00` (certStatus good) after the CertID. */
function findGood(der: Uint8Array): number {
  for (let i = der.length - 2; i > 0; i--) {
    if (der[i] === 0x80 && der[i + 1] === 0x00 && der[i + 2] === 0x18) return i
  }
  throw new Error('no good status found')
}
