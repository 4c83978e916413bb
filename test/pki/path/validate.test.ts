import { beforeAll, describe, expect, it } from 'vitest'
import { setCryptoBackend } from '../../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../../src/crypto/node-backend.js'
import { PATH_CODES, validateCertificatePath } from '../../../src/pki/validate.js'
import { FormatError } from '../../../src/errors.js'
import { makeCert, makeCrl, pem, simpleChain } from './helpers/pki.js'

const T = new Date('2025-06-01T00:00:00Z')

beforeAll(() => setCryptoBackend(nodeCryptoBackend))

describe('validateCertificatePath basics', () => {
  it('validates leaf -> CA -> root and returns the path leaf first', async () => {
    const { root, ca, leaf } = simpleChain()
    const r = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: [ca.der],
      trustAnchors: [root.der],
      time: T,
      revocation: 'off',
    })
    expect(r.valid).toBe(true)
    expect(r.reason).toBe('chain.ok')
    expect(r.path.map((c) => c.subject.text)).toEqual([
      'CN=Leaf, O=Path Tests, C=CN',
      'CN=CA, O=Path Tests, C=CN',
      'CN=Root, O=Path Tests, C=CN',
    ])
    expect(r.anchor?.subject.text).toBe('CN=Root, O=Path Tests, C=CN')
    expect(r.subIndication).toBeUndefined()
    expect(r.attempts).toBe(1)
  })

  it('accepts PEM inputs and a registry of anchors', async () => {
    const { root, ca, leaf } = simpleChain()
    const r = await validateCertificatePath({
      certificate: pem(leaf.der),
      intermediates: [pem(ca.der)],
      registry: { anchors: () => [{ der: root.der }] },
      time: T,
      revocation: 'off',
    })
    expect(r.valid).toBe(true)
  })

  it('reports NO_CERTIFICATE_CHAIN_FOUND without a matching anchor', async () => {
    const { ca, leaf } = simpleChain()
    const other = makeCert({ subject: 'Other Root', ca: true })
    const r = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: [ca.der],
      trustAnchors: [other.der],
      time: T,
      revocation: 'off',
    })
    expect(r.valid).toBe(false)
    expect(r.reason).toBe('chain.no-path')
    expect(r.subIndication).toBe('NO_CERTIFICATE_CHAIN_FOUND')
    expect(r.message).toMatch(/证书链.*\/.*trust anchor/)
    expect(r.path.map((c) => c.subject.text.split(',')[0])).toEqual(['CN=Leaf', 'CN=CA'])
    expect(r.message).toMatch(/no issuer for CN=CA/)
  })

  it('reports an expired leaf as OUT_OF_BOUNDS_NO_POE', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const leaf = makeCert({ subject: 'Old', issuer: root, notAfter: new Date('2024-01-01') })
    const r = await validateCertificatePath({
      certificate: leaf.der,
      trustAnchors: [root.der],
      time: T,
      revocation: 'off',
    })
    expect(r.reason).toBe('chain.expired')
    expect(r.subIndication).toBe('OUT_OF_BOUNDS_NO_POE')
    expect(r.failedIndex).toBe(0)
    const early = await validateCertificatePath({
      certificate: leaf.der,
      trustAnchors: [root.der],
      time: new Date('2019-01-01'),
      revocation: 'off',
    })
    expect(early.reason).toBe('chain.not-yet-valid')
  })

  it('reports a bad signature on the leaf', async () => {
    const { root, ca, leaf } = simpleChain()
    const broken = leaf.der.slice()
    broken[broken.length - 5]! ^= 0x01
    const r = await validateCertificatePath({
      certificate: broken,
      intermediates: [ca.der],
      trustAnchors: [root.der],
      time: T,
      revocation: 'off',
    })
    expect(r.valid).toBe(false)
    expect(r.reason).toBe('chain.signature')
    expect(r.subIndication).toBe('CERTIFICATE_CHAIN_GENERAL_FAILURE')
  })

  it('throws FormatError for an unparsable target and ignores unparsable extras', async () => {
    await expect(
      validateCertificatePath({ certificate: new Uint8Array([0x30, 0x03, 1, 2]) }),
    ).rejects.toBeInstanceOf(FormatError)
    await expect(
      validateCertificatePath({ certificate: simpleChain().leaf.der, time: new Date('x') }),
    ).rejects.toMatchObject({ code: 'input.time' })
    const { root, ca, leaf } = simpleChain()
    const r = await validateCertificatePath({
      certificate: leaf.der,
      intermediates: [new Uint8Array([1, 2, 3]), ca.der],
      trustAnchors: [new Uint8Array([0x30, 0x00]), root.der],
      time: T,
      revocation: 'off',
    })
    expect(r.valid).toBe(true)
  })

  it('requires revocation data by default (TRY_LATER) and uses CRLs', async () => {
    const { root, ca, leaf } = simpleChain()
    const base = {
      certificate: leaf.der,
      intermediates: [ca.der],
      trustAnchors: [root.der],
      time: T,
    }
    const none = await validateCertificatePath(base)
    expect(none.reason).toBe('chain.revocation-unknown')
    expect(none.subIndication).toBe('TRY_LATER')
    const soft = await validateCertificatePath({ ...base, revocation: 'if-available' })
    expect(soft.valid).toBe(true)
    const crls = [makeCrl({ issuer: root }), makeCrl({ issuer: ca })]
    const ok = await validateCertificatePath({ ...base, crls })
    expect(ok.valid).toBe(true)
    expect(ok.revocation.map((x) => x.status.status)).toEqual(['good', 'good'])
  })

  it('exports a code table with zh and en texts for every reason', () => {
    expect(PATH_CODES.length).toBeGreaterThan(15)
    for (const c of PATH_CODES) {
      expect(c.code).toMatch(/^chain\.[a-z-]+$/)
      expect(c.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(c.en).toMatch(/^[a-z]/)
      expect(c.subIndication === undefined).toBe(c.code === 'chain.ok')
    }
  })
})

describe('a leaf that is itself a trust anchor', () => {
  it('is valid within its validity, and its own expiry is the reason outside it', async () => {
    const self = makeCert({
      subject: 'Self-signed signer',
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2024-01-01T00:00:00Z'),
    })
    const at = (time: Date) =>
      validateCertificatePath({
        certificate: self.der,
        trustAnchors: [self.der],
        time,
        revocation: 'off',
      })
    expect((await at(new Date('2022-01-01T00:00:00Z'))).valid).toBe(true)
    const late = await at(T)
    expect(late.valid).toBe(false)
    expect(late.reason).toBe('chain.expired')
    expect(late.subIndication).toBe('OUT_OF_BOUNDS_NO_POE')
    const early = await at(new Date('2019-01-01T00:00:00Z'))
    expect(early.reason).toBe('chain.not-yet-valid')
  })
})
