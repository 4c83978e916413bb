import { beforeAll, describe, expect, it } from 'vitest'
import { setCryptoBackend } from '../../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../../src/crypto/node-backend.js'
import { parseCertificate } from '../../../src/pki/certificate.js'
import { createPkiCache } from '../../../src/pki/cache.js'
import { createCrlSource } from '../../../src/pki/crl/source.js'
import { validateCertificatePath } from '../../../src/pki/validate.js'
import { int, seq, tlv } from '../path/helpers/der.js'
import { makeCert, makeCrl, newKey, type TestCert } from '../path/helpers/pki.js'

const T = new Date('2025-06-01T00:00:00Z')

beforeAll(() => setCryptoBackend(nodeCryptoBackend))

function setup() {
  const root = makeCert({ subject: 'Root', ca: true })
  const ca = makeCert({ subject: 'CA', ca: true, issuer: root, serial: 20 })
  const leaf = makeCert({ subject: 'Leaf', issuer: ca, serial: 30 })
  const rootCrl = makeCrl({ issuer: root })
  return { root, ca, leaf, rootCrl }
}

function run(s: ReturnType<typeof setup>, crls: Uint8Array[], leaf: TestCert = s.leaf) {
  return validateCertificatePath({
    certificate: leaf.der,
    intermediates: [s.ca.der],
    trustAnchors: [s.root.der],
    crls: [s.rootCrl, ...crls],
    time: T,
  })
}

describe('CRL revocation through validateCertificatePath', () => {
  it('reports a revoked end-entity as REVOKED', async () => {
    const s = setup()
    const r = await run(s, [makeCrl({ issuer: s.ca, revoked: [{ serial: 30, reason: 1 }] })])
    expect(r.reason).toBe('chain.revoked')
    expect(r.subIndication).toBe('REVOKED')
    expect(r.revocation.find((x) => x.index === 0)?.status.reason).toBe('keyCompromise')
  })

  it('a cached CRL keeps its bytes when the array it came from is refilled', async () => {
    const s = setup()
    const cache = createPkiCache()
    const revoking = makeCrl({ issuer: s.ca, revoked: [{ serial: 30, reason: 1 }] })
    const first = revoking.slice()
    const check = (crl: Uint8Array) =>
      validateCertificatePath({
        certificate: s.leaf.der,
        intermediates: [s.ca.der],
        trustAnchors: [s.root.der],
        crls: [s.rootCrl, crl],
        time: T,
        cache,
      })
    expect((await check(first)).reason).toBe('chain.revoked')
    first.fill(0)
    // The same CRL in another array hits the cache, whose copy the refill did not touch.
    expect((await check(revoking.slice())).reason).toBe('chain.revoked')
  })

  it('reports a revoked CA as REVOKED_CA_NO_POE', async () => {
    const s = setup()
    const rootCrl = makeCrl({ issuer: s.root, revoked: [{ serial: 20 }] })
    const r = await validateCertificatePath({
      certificate: s.leaf.der,
      intermediates: [s.ca.der],
      trustAnchors: [s.root.der],
      crls: [rootCrl, makeCrl({ issuer: s.ca })],
      time: T,
    })
    expect(r.reason).toBe('chain.ca-revoked')
    expect(r.subIndication).toBe('REVOKED_CA_NO_POE')
    expect(r.failedIndex).toBe(1)
  })

  it('treats certificateHold as revoked and removeFromCRL in a delta as lifted', async () => {
    const s = setup()
    const base = makeCrl({ issuer: s.ca, number: 10, revoked: [{ serial: 30, reason: 6 }] })
    expect((await run(s, [base])).reason).toBe('chain.revoked')
    const delta = makeCrl({
      issuer: s.ca,
      number: 11,
      revoked: [{ serial: 30, reason: 8 }],
      extra: [{ oid: '2.5.29.27', critical: true, value: int(10) }],
    })
    expect((await run(s, [base, delta])).valid).toBe(true)
  })

  it('applies a delta CRL that revokes', async () => {
    const s = setup()
    const base = makeCrl({ issuer: s.ca, number: 10 })
    const delta = makeCrl({
      issuer: s.ca,
      number: 11,
      revoked: [{ serial: 30, reason: 1 }],
      extra: [{ oid: '2.5.29.27', critical: true, value: int(10) }],
    })
    expect((await run(s, [base])).valid).toBe(true)
    const r = await run(s, [base, delta])
    expect(r.reason).toBe('chain.revoked')
    expect(r.revocation.find((x) => x.index === 0)?.status.source).toBe('delta-crl')
    expect((await run(s, [delta])).reason).toBe('chain.revocation-unknown')
  })

  it('does not use a stale, badly signed or critically extended CRL', async () => {
    const s = setup()
    const cases = [
      makeCrl({ issuer: s.ca, nextUpdate: new Date('2024-01-01') }),
      makeCrl({ issuer: s.ca, signWith: newKey() }),
      makeCrl({ issuer: s.ca, extra: [{ oid: '1.2.3.4', critical: true, value: seq() }] }),
    ]
    const codes = []
    for (const crl of cases) {
      const r = await run(s, [crl])
      expect(r.reason).toBe('chain.revocation-unknown')
      expect(r.subIndication).toBe('TRY_LATER')
      codes.push(r.message)
    }
    expect(codes[0]).toMatch(/revocation\.crl\.stale/)
    expect(codes[1]).toMatch(/revocation\.crl\.signature/)
    expect(codes[2]).toMatch(/revocation\.crl\.critical/)
  })

  it('uses a CRL issued after the validation time as evidence for that time', async () => {
    const s = setup()
    const r = await run(s, [makeCrl({ issuer: s.ca, thisUpdate: new Date('2026-01-01') })])
    expect(r.reason).toBe('chain.ok')
  })

  it('does not take a later CRL issued after the certificate expired as evidence', async () => {
    const s = setup()
    const leaf = makeCert({
      subject: 'Short-lived',
      issuer: s.ca,
      serial: 31,
      notAfter: new Date('2025-12-01T00:00:00Z'),
    })
    const crl = makeCrl({ issuer: s.ca, thisUpdate: new Date('2026-01-01') })
    const r = await run(s, [crl], leaf)
    expect(r.reason).toBe('chain.revocation-unknown')
    expect(r.message).toMatch(/revocation\.crl\.after-expiry/)
  })

  it('honours onlyContainsUserCerts / onlyContainsCACerts scope', async () => {
    const s = setup()
    const userOnly = {
      oid: '2.5.29.28',
      critical: true,
      value: seq(tlv(0x81, Uint8Array.of(0xff))),
    }
    const caOnly = { oid: '2.5.29.28', critical: true, value: seq(tlv(0x82, Uint8Array.of(0xff))) }
    expect((await run(s, [makeCrl({ issuer: s.ca, extra: [userOnly] })])).valid).toBe(true)
    const r = await run(s, [makeCrl({ issuer: s.ca, extra: [caOnly] })])
    expect(r.reason).toBe('chain.revocation-unknown')
  })

  it('accepts a CRL from a separate CRL-signing certificate valid to the anchor', async () => {
    const s = setup()
    const crlKey = newKey()
    const crlSigner = makeCert({
      subject: 'CA',
      key: crlKey,
      issuer: s.root,
      serial: 40,
      keyUsage: ['cRLSign'],
    })
    const crl = makeCrl({ issuer: { ...s.ca, key: crlKey }, revoked: [] })
    const base = {
      certificate: s.leaf.der,
      intermediates: [s.ca.der, crlSigner.der],
      trustAnchors: [s.root.der],
      time: T,
    }
    expect((await validateCertificatePath({ ...base, crls: [s.rootCrl, crl] })).valid).toBe(true)
    const revokedSigner = makeCrl({ issuer: s.root, revoked: [{ serial: 40 }] })
    const r = await validateCertificatePath({ ...base, crls: [revokedSigner, crl] })
    expect(r.reason).toBe('chain.revocation-unknown')
    expect(r.message).toMatch(/signer-invalid/)
  })

  it('refuses a CRL signer without cRLSign', async () => {
    const s = setup()
    const ca = makeCert({
      subject: 'CA',
      key: s.ca.key,
      issuer: s.root,
      serial: 20,
      ca: true,
      keyUsage: ['keyCertSign'],
    })
    const leaf = makeCert({ subject: 'Leaf', issuer: ca, serial: 30 })
    const r = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: [ca.der],
      trustAnchors: [s.root.der],
      crls: [s.rootCrl, makeCrl({ issuer: ca })],
      time: T,
    })
    expect(r.reason).toBe('chain.revocation-unknown')
    expect(r.message).toMatch(/key-usage/)
  })
})

describe('createCrlSource', () => {
  it('answers good, revoked and unknown on its own and never throws', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: root, serial: 77 })
    const other = makeCert({ subject: 'Other', issuer: root, serial: 78 })
    const r = parseCertificate(root.der)
    const source = createCrlSource([
      new Uint8Array([1, 2, 3]),
      makeCrl({ issuer: root, revoked: [{ serial: 77, date: new Date('2024-01-01') }] }),
    ])
    const ask = (c: TestCert, time = T) =>
      source.check({ certificate: parseCertificate(c.der), issuer: r, time, path: [r] })
    const revoked = await ask(leaf)
    expect(revoked.status).toBe('revoked')
    expect(revoked.revokedAt?.toISOString()).toBe('2024-01-01T00:00:00.000Z')
    expect((await ask(other)).status).toBe('good')
    // A CRL published after the validation time still answers for that time.
    expect((await ask(other, new Date('2021-01-01'))).status).toBe('good')
    expect(source.name).toBe('crl')
  })

  it('does not apply a delta CRL whose scope differs from its base CRL', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: root, serial: 5 })
    const r = parseCertificate(root.der)
    const idp = { oid: '2.5.29.28', critical: true, value: seq(tlv(0x81, Uint8Array.of(0xff))) }
    const base = makeCrl({ issuer: root, number: 1 })
    const delta = makeCrl({
      issuer: root,
      number: 2,
      revoked: [{ serial: 5 }],
      extra: [{ oid: '2.5.29.27', critical: true, value: int(1) }, idp],
    })
    const source = createCrlSource([base, delta])
    const st = await source.check({
      certificate: parseCertificate(leaf.der),
      issuer: r,
      time: T,
      path: [r],
    })
    expect(st.status).toBe('good')
  })

  it('stops verifying CRL signatures past its budget', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: root, serial: 9 })
    const r = parseCertificate(root.der)
    const forged = Array.from({ length: 3 }, (_, i) =>
      makeCrl({ issuer: root, number: i + 1, signWith: newKey() }),
    )
    const query = { certificate: parseCertificate(leaf.der), issuer: r, time: T, path: [r] }
    const limited = createCrlSource(forged, { maxSignatureChecks: 1 })
    expect((await limited.check(query)).code).toBe('revocation.crl.work-limit')
    const roomy = createCrlSource(forged)
    expect((await roomy.check(query)).code).toBe('revocation.crl.signature')
  })
})
