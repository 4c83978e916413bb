import { beforeAll, describe, expect, it } from 'vitest'
import { setCryptoBackend } from '../../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../../src/crypto/node-backend.js'
import { validateCertificatePath } from '../../../src/pki/validate.js'
import { makeCert, newKey, type TestCert } from './helpers/pki.js'

const T = new Date('2025-06-01T00:00:00Z')

beforeAll(() => setCryptoBackend(nodeCryptoBackend))

function subjects(path: readonly { subject: { text: string } }[]): string[] {
  return path.map((c) => c.subject.text.split(',')[0]!)
}

describe('path building', () => {
  it('backtracks when the first complete path fails validation', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const key = newKey()
    const expired = makeCert({
      subject: 'CA',
      key,
      issuer: root,
      ca: true,
      notAfter: new Date('2024-01-01'),
    })
    const good = makeCert({ subject: 'CA', key, issuer: root, ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: good })
    const r = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: [expired.der, good.der],
      trustAnchors: [root.der],
      time: T,
      revocation: 'off',
    })
    expect(r.valid).toBe(true)
    expect(r.attempts).toBe(2)
    expect(r.path[1]!.sha256).not.toBe(r.path[0]!.sha256)
    const only = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: [expired.der],
      trustAnchors: [root.der],
      time: T,
      revocation: 'off',
    })
    expect(only.reason).toBe('chain.expired')
    expect(only.failedIndex).toBe(1)
  })

  it('skips a same-name candidate whose key did not sign the certificate', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const impostor = makeCert({ subject: 'CA', issuer: root, ca: true })
    const real = makeCert({ subject: 'CA', issuer: root, ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: real })
    const r = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: [impostor.der, real.der],
      trustAnchors: [root.der],
      time: T,
      revocation: 'off',
    })
    expect(r.valid).toBe(true)
    expect(r.path[1]!.sha256).toBe(
      (
        await validateCertificatePath({
          certificate: real.der,
          trustAnchors: [root.der],
          time: T,
          revocation: 'off',
        })
      ).path[0]!.sha256,
    )
  })

  it('prefers a path that reached an anchor when reporting a failure', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const notCa = makeCert({ subject: 'CA', issuer: root, keyUsage: ['keyCertSign'] })
    const leaf = makeCert({ subject: 'Leaf', issuer: notCa })
    const r = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: [notCa.der],
      trustAnchors: [root.der],
      time: T,
      revocation: 'off',
    })
    expect(r.reason).toBe('chain.basic-constraints')
    expect(subjects(r.path)).toEqual(['CN=Leaf', 'CN=CA', 'CN=Root'])
    expect(r.anchor).toBeDefined()
  })

  it('terminates on a cross-signed cycle without an anchor', async () => {
    const keyA = newKey()
    const keyB = newKey()
    const seedA = makeCert({ subject: 'A', key: keyA, ca: true })
    const seedB = makeCert({ subject: 'B', key: keyB, ca: true })
    const aByB = makeCert({ subject: 'A', key: keyA, issuer: seedB, ca: true })
    const bByA = makeCert({ subject: 'B', key: keyB, issuer: seedA, ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: seedA })
    const root = makeCert({ subject: 'Unrelated Root', ca: true })
    const start = performance.now()
    const r = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: [aByB.der, bByA.der],
      trustAnchors: [root.der],
      time: T,
      revocation: 'off',
    })
    expect(performance.now() - start).toBeLessThan(1000)
    expect(r.valid).toBe(false)
    expect(r.reason).toBe('chain.no-path')
  })

  it('finds the anchor through a cross-signed pair', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const keyA = newKey()
    const keyB = newKey()
    const seedA = makeCert({ subject: 'A', key: keyA, ca: true })
    const aByB = makeCert({
      subject: 'A',
      key: keyA,
      issuer: makeCert({ subject: 'B', key: keyB, ca: true }),
      ca: true,
    })
    const bByA = makeCert({ subject: 'B', key: keyB, issuer: seedA, ca: true })
    const bByRoot = makeCert({ subject: 'B', key: keyB, issuer: root, ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: seedA })
    const r = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: [bByA.der, aByB.der, bByRoot.der],
      trustAnchors: [root.der],
      time: T,
      revocation: 'off',
    })
    expect(r.valid).toBe(true)
    expect(subjects(r.path)).toEqual(['CN=Leaf', 'CN=A', 'CN=B', 'CN=Root'])
  })

  it('returns within a second on 300 certificates sharing one name', async () => {
    const keys = Array.from({ length: 10 }, () => newKey())
    const seeds = keys.map((key) => makeCert({ subject: 'Shared CA', key, ca: true }))
    const bundle: TestCert[] = []
    for (let i = 0; i < 300; i++) {
      const key = keys[i % 10]!
      const issuer = seeds[(i * 7 + 3) % 10]!
      bundle.push(makeCert({ subject: 'Shared CA', key, issuer, ca: true }))
    }
    const leaf = makeCert({ subject: 'Leaf', issuer: seeds[0]! })
    const root = makeCert({ subject: 'Root', ca: true })
    const start = performance.now()
    const r = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: bundle.map((c) => c.der),
      trustAnchors: [root.der],
      time: T,
      revocation: 'off',
    })
    expect(performance.now() - start).toBeLessThan(1000)
    expect(r.valid).toBe(false)
    expect(['chain.work-limit', 'chain.no-path', 'chain.depth']).toContain(r.reason)
  })

  it('stops at the configured work limit', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const a = makeCert({ subject: 'A', issuer: root, ca: true })
    const b = makeCert({ subject: 'B', issuer: a, ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: b })
    const base = {
      certificate: leaf.der,
      intermediates: [a.der, b.der],
      trustAnchors: [root.der],
      time: T,
      revocation: 'off' as const,
    }
    expect((await validateCertificatePath(base)).valid).toBe(true)
    const r = await validateCertificatePath({ ...base, maxWork: 2 })
    expect(r.reason).toBe('chain.work-limit')
    expect(r.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND')
    const sig = await validateCertificatePath({ ...base, maxWork: { signatures: 1 } })
    expect(sig.reason).toBe('chain.work-limit')
  })
})
