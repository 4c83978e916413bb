/**
 * CMS SignedData with an Ed25519 signer (RFC 8419): a CA and a leaf made in the test with
 * Ed25519 keys, the SignedData built by hand with and without signed attributes (SHA-512 as
 * the digest); each verifies, and a flipped byte of the signature value is
 * SIG_CRYPTO_FAILURE, of the content HASH_FAILURE. (OpenSSL 3.0, as on CI, cannot sign CMS
 * with Ed25519, so there is no openssl-made variant.)
 */
import { createHash, generateKeyPairSync, sign as nodeSign } from 'node:crypto'
import { AlgorithmIdentifier } from '@peculiar/asn1-x509'
import { describe, expect, it } from 'vitest'
import { keyIdOfSpki, type Signer } from '../../fixtures/make/signer.js'
import type { NameSpec } from '../../fixtures/make/asn1.js'
import { buildCertificate } from '../../fixtures/make/x509.js'
import { evaluateCmsSignature, type CmsEvaluation } from '../../src/evaluate/cms.js'
import { parseCertificate } from '../../src/pki/certificate.js'
import { parseSignedData } from '../../src/pki/cms/signed-data.js'
import { buildCms, chainContext, CONTENT, NOW } from '../pki/cms/helpers.js'

const ED25519 = '1.3.101.112'
const SHA512 = '2.16.840.1.101.3.4.2.3'

/** A fresh Ed25519 key as a fixture Signer (pure Ed25519 over the data, no pre-hash). */
function ed25519Signer(): Signer {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }))
  return {
    // The fixture key families have no Ed25519; the family only selects RSA's NULL
    // parameters in the SignedData builder, which Ed25519 must not have.
    family: 'ecdsa',
    spki,
    algorithm: new AlgorithmIdentifier({ algorithm: ED25519 }),
    digestOid: SHA512,
    keyId: keyIdOfSpki(spki),
    pkcs8: new Uint8Array(privateKey.export({ type: 'pkcs8', format: 'der' })),
    sign: (data) => new Uint8Array(nodeSign(null, data, privateKey)),
  }
}

const caKey = ed25519Signer()
const leafKey = ed25519Signer()
const validity = { notBefore: new Date('2026-01-01Z'), notAfter: new Date('2027-01-01Z') }
const name = (cn: string): NameSpec => [
  ['C', 'CN'],
  ['O', 'YRD Ed25519 Test'],
  ['CN', cn],
]
const caName = name('Ed25519 Test Root')
const ca = buildCertificate({
  subject: caName,
  issuerKey: caKey,
  subjectKey: caKey,
  serial: 'ed25519-root',
  ...validity,
  basicConstraints: { ca: true },
  keyUsage: ['keyCertSign', 'cRLSign'],
})
const leaf = buildCertificate({
  subject: name('Ed25519 Test Signer'),
  issuer: caName,
  issuerKey: caKey,
  subjectKey: leafKey,
  serial: 'ed25519-signer',
  ...validity,
  keyUsage: ['digitalSignature', 'nonRepudiation'],
})
const sha512 = (d: Uint8Array) => new Uint8Array(createHash('sha512').update(d).digest())

async function run(der: Uint8Array, content = CONTENT): Promise<CmsEvaluation> {
  const ctx = await chainContext([], NOW, {
    extraAnchors: [parseCertificate(ca)],
    revocation: 'off',
  })
  return evaluateCmsSignature(der, ctx, 'en', { id: 'ed25519', content })
}

const failed = (r: CmsEvaluation) =>
  r.signature.checks.filter((c) => c.status === 'failed').map((c) => c.code)

/** A copy of `der` with one byte of the signer's signature value flipped. */
function flipSignature(der: Uint8Array): Uint8Array {
  const signature = parseSignedData(der).signers[0]!.signature
  expect(signature.length).toBe(64)
  const at = Buffer.from(der).indexOf(Buffer.from(signature))
  expect(at).toBeGreaterThan(0)
  const out = der.slice()
  out[at + 10]! ^= 0x01
  return out
}

const variants: [string, () => Uint8Array][] = [
  [
    'signed attributes, SHA-512 message digest',
    () =>
      buildCms({
        key: leafKey,
        cert: leaf,
        content: CONTENT,
        detached: true,
        messageDigest: sha512(CONTENT),
      }),
  ],
  [
    'no signed attributes (the signature is over the content itself)',
    () =>
      buildCms({ key: leafKey, cert: leaf, content: CONTENT, detached: true, signedAttrs: false }),
  ],
]

describe('CMS with an Ed25519 signer', () => {
  for (const [name, make] of variants) {
    it(`${name}: verifies, and a flipped signature byte is SIG_CRYPTO_FAILURE`, async () => {
      const der = make()
      const signer = parseSignedData(der).signers[0]!
      expect(signer.signatureAlgorithm.oid).toBe(ED25519)
      const good = await run(der)
      expect(failed(good)).toEqual([])
      expect(good.signature.checks.find((c) => c.code === 'cms.signature')?.status).toBe('passed')
      expect(good.signature.status).toBe('recognized')
      expect(good.signature.signer?.subject).toContain('Ed25519 Test Signer')

      const bad = await run(flipSignature(der))
      expect(bad.signature.status).toBe('rejected')
      expect(bad.signature.subIndication).toBe('SIG_CRYPTO_FAILURE')
      expect(failed(bad)).toEqual(['cms.signature-invalid'])
    })
  }

  it('a changed content byte: HASH_FAILURE, or SIG_CRYPTO_FAILURE with no attributes', async () => {
    const changed = CONTENT.slice()
    changed[0]! ^= 0x01
    const withAttrs = variants[0]![1]()
    const digestBroken = await run(withAttrs, changed)
    expect(digestBroken.signature.subIndication).toBe('HASH_FAILURE')
    expect(failed(digestBroken)).toEqual(['cms.message-digest-mismatch'])
    const noAttrs = await run(variants[1]![1](), changed)
    expect(noAttrs.signature.subIndication).toBe('SIG_CRYPTO_FAILURE')
    expect(failed(noAttrs)).toEqual(['cms.signature-invalid'])
  })
})
