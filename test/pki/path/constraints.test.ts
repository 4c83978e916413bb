import { beforeAll, describe, expect, it } from 'vitest'
import { setCryptoBackend } from '../../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../../src/crypto/node-backend.js'
import { validateCertificatePath, type PathOptions } from '../../../src/pki/validate.js'
import { bool, oid, seq } from './helpers/der.js'
import { makeCert, type TestCert } from './helpers/pki.js'

const T = new Date('2025-06-01T00:00:00Z')
const SERVER_AUTH = '1.3.6.1.5.5.7.3.1'
const CODE_SIGNING = '1.3.6.1.5.5.7.3.3'
const ANY_EKU = '2.5.29.37.0'

beforeAll(() => setCryptoBackend(nodeCryptoBackend))

function run(leaf: TestCert, chain: TestCert[], root: TestCert, extra: Partial<PathOptions> = {}) {
  return validateCertificatePath({
    certificate: leaf.der,
    intermediates: chain.map((c) => c.der),
    trustAnchors: [root.der],
    time: T,
    revocation: 'off',
    ...extra,
  })
}

describe('basicConstraints and pathLenConstraint', () => {
  it('rejects an intermediate without cA', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const notCa = makeCert({ subject: 'NotCA', issuer: root, keyUsage: ['keyCertSign'] })
    const leaf = makeCert({ subject: 'Leaf', issuer: notCa })
    const r = await run(leaf, [notCa], root)
    expect(r.reason).toBe('chain.basic-constraints')
    expect(r.subIndication).toBe('CERTIFICATE_CHAIN_GENERAL_FAILURE')
    expect(r.failedIndex).toBe(1)
  })

  it('enforces pathLenConstraint of an intermediate', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const ca0 = makeCert({ subject: 'CA0', issuer: root, ca: true, pathLen: 0 })
    const sub = makeCert({ subject: 'Sub', issuer: ca0, ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: sub })
    const r = await run(leaf, [ca0, sub], root)
    expect(r.reason).toBe('chain.path-length')
    const direct = makeCert({ subject: 'Leaf2', issuer: ca0 })
    expect((await run(direct, [ca0], root)).valid).toBe(true)
  })

  it('applies the anchor pathLenConstraint', async () => {
    const root = makeCert({ subject: 'Root', ca: true, pathLen: 0 })
    const ca = makeCert({ subject: 'CA', issuer: root, ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: ca })
    expect((await run(leaf, [ca], root)).reason).toBe('chain.path-length')
    const leaf2 = makeCert({ subject: 'Leaf2', issuer: root })
    expect((await run(leaf2, [], root)).valid).toBe(true)
  })

  it('requires keyCertSign on CA certificates', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const ca = makeCert({ subject: 'CA', issuer: root, ca: true, keyUsage: ['cRLSign'] })
    const leaf = makeCert({ subject: 'Leaf', issuer: ca })
    expect((await run(leaf, [ca], root)).reason).toBe('chain.key-cert-sign')
  })

  it('honours maxDepth', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const a = makeCert({ subject: 'A', issuer: root, ca: true })
    const b = makeCert({ subject: 'B', issuer: a, ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: b })
    expect((await run(leaf, [a, b], root)).valid).toBe(true)
    const r = await run(leaf, [a, b], root, { maxDepth: 2 })
    expect(r.valid).toBe(false)
    expect(r.reason).toBe('chain.depth')
  })
})

describe('critical extensions', () => {
  const unknownCritical = { oid: '1.2.3.4.5.6', critical: true, value: seq(bool(true)) }

  it('rejects an unknown critical extension on the leaf', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: root, extra: [unknownCritical] })
    const r = await run(leaf, [], root)
    expect(r.reason).toBe('chain.critical-extension')
    expect(r.failedIndex).toBe(0)
  })

  it('rejects an unknown critical extension on a CA, not a non-critical one', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const ca = makeCert({ subject: 'CA', issuer: root, ca: true, extra: [unknownCritical] })
    const leaf = makeCert({ subject: 'Leaf', issuer: ca })
    expect((await run(leaf, [ca], root)).reason).toBe('chain.critical-extension')
    const nonCritical = { ...unknownCritical, critical: false }
    const ca2 = makeCert({ subject: 'CA', issuer: root, ca: true, extra: [nonCritical] })
    const leaf2 = makeCert({ subject: 'Leaf', issuer: ca2 })
    expect((await run(leaf2, [ca2], root)).valid).toBe(true)
  })
})

describe('end-entity key usage and extended key usage', () => {
  const root = makeCert({ subject: 'Root', ca: true })

  it('checks the requested keyUsage', async () => {
    const leaf = makeCert({ subject: 'Leaf', issuer: root, keyUsage: ['keyEncipherment'] })
    const r = await run(leaf, [], root, { keyUsage: ['digitalSignature'] })
    expect(r.reason).toBe('chain.key-usage')
    expect(r.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE')
    expect((await run(leaf, [], root, { keyUsage: ['keyEncipherment'] })).valid).toBe(true)
  })

  it('checks the requested extendedKeyUsage', async () => {
    const leaf = makeCert({ subject: 'Leaf', issuer: root, eku: [CODE_SIGNING] })
    const r = await run(leaf, [], root, { extendedKeyUsage: [SERVER_AUTH] })
    expect(r.reason).toBe('chain.extended-key-usage')
    expect(r.subIndication).toBe('CHAIN_CONSTRAINTS_FAILURE')
    expect((await run(leaf, [], root, { extendedKeyUsage: [CODE_SIGNING] })).valid).toBe(true)
  })

  it('accepts anyExtendedKeyUsage only when the caller allows it', async () => {
    const leaf = makeCert({ subject: 'Leaf', issuer: root, eku: [ANY_EKU] })
    const strict = await run(leaf, [], root, { extendedKeyUsage: [SERVER_AUTH] })
    expect(strict.reason).toBe('chain.extended-key-usage')
    const lax = await run(leaf, [], root, { extendedKeyUsage: [SERVER_AUTH, ANY_EKU] })
    expect(lax.valid).toBe(true)
  })
})

describe('name constraints', () => {
  it('applies the anchor name constraints', async () => {
    const root = makeCert({ subject: 'Root', ca: true, permittedDns: ['gov.cn'] })
    const good = makeCert({ subject: 'Good', issuer: root, dnsNames: ['www.sh.gov.cn'] })
    const bad = makeCert({ subject: 'Bad', issuer: root, dnsNames: ['www.example.com'] })
    expect((await run(good, [], root)).valid).toBe(true)
    const r = await run(bad, [], root)
    expect(r.reason).toBe('chain.name-constraints')
    expect(r.subIndication).toBe('CERTIFICATE_CHAIN_GENERAL_FAILURE')
  })

  it('applies an intermediate name constraints to the certificates below it', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const ca = makeCert({ subject: 'CA', issuer: root, ca: true, permittedDns: ['js.gov.cn'] })
    const leaf = makeCert({ subject: 'Leaf', issuer: ca, dnsNames: ['ah.gov.cn'] })
    expect((await run(leaf, [ca], root)).reason).toBe('chain.name-constraints')
  })
})

describe('anchor constraints', () => {
  it('refuses an anchor certificate whose keyUsage lacks keyCertSign', async () => {
    const root = makeCert({ subject: 'Root', ca: true, keyUsage: ['digitalSignature'] })
    const leaf = makeCert({ subject: 'Leaf', issuer: root })
    expect((await run(leaf, [], root)).reason).toBe('chain.anchor-constraints')
  })

  it('accepts a target that is itself a trust anchor', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const r = await run(root, [], root)
    expect(r.valid).toBe(true)
    expect(r.path).toHaveLength(1)
  })
})

describe('policy options', () => {
  it('fails an explicit-policy requirement when no certificate has policies', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: root })
    expect((await run(leaf, [], root)).valid).toBe(true)
    const r = await run(leaf, [], root, { policy: { explicitPolicy: true } })
    expect(r.reason).toBe('chain.policy')
  })

  it('returns the valid policies of the path', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const pol = { oid: '2.5.29.32', value: seq(seq(oid('1.2.156.1.2.3'))) }
    const leaf = makeCert({ subject: 'Leaf', issuer: root, extra: [pol] })
    const r = await run(leaf, [], root, { policy: { explicitPolicy: true } })
    expect(r.valid).toBe(true)
    expect(r.policies).toEqual(['1.2.156.1.2.3'])
    const other = await run(leaf, [], root, {
      policy: { explicitPolicy: true, initialPolicySet: ['1.2.156.9'] },
    })
    expect(other.reason).toBe('chain.policy')
  })
})
