/**
 * A small PKI generated at test time for the OCSP, timestamp and fetcher tests: a CA, a leaf,
 * a delegated OCSP responder, a responder without OCSPSigning, and an unrelated key, per key
 * family. Keys are fresh on every run; dates are fixed.
 */
import { createKeyPem, type KeyFamily } from '../../../fixtures/make/keys.js'
import { signerFromPem, type Signer } from '../../../fixtures/make/signer.js'
import { buildCertificate } from '../../../fixtures/make/x509.js'
import type { NameSpec } from '../../../fixtures/make/asn1.js'
import { parseCertificate, type Certificate } from '../../../src/pki/certificate.js'
import { setCryptoBackend } from '../../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../../src/crypto/node-backend.js'

setCryptoBackend(nodeCryptoBackend)

export const KP_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9'
export const KP_TIME_STAMPING = '1.3.6.1.5.5.7.3.8'
export const KP_SERVER_AUTH = '1.3.6.1.5.5.7.3.1'

export const NOT_BEFORE = new Date('2024-01-01T00:00:00Z')
export const NOT_AFTER = new Date('2040-01-01T00:00:00Z')
/** A validation time inside every validity period. */
export const NOW = new Date('2026-06-15T12:00:00Z')

/** One issued certificate with its key. */
export interface Issued {
  readonly der: Uint8Array
  readonly cert: Certificate
  readonly key: Signer
  readonly name: NameSpec
}

/** The test PKI of one family. */
export interface TestPki {
  readonly family: KeyFamily
  readonly ca: Issued
  readonly leaf: Issued
  readonly responder: Issued
  readonly responderNoEku: Issued
  readonly responderNoCheckless: Issued
  readonly expiredResponder: Issued
  readonly tsa: Issued
  readonly tsaNoEku: Issued
  readonly tsaNonCritical: Issued
  readonly otherCa: Issued
  readonly otherResponder: Issued
}

function newKey(family: KeyFamily): Signer {
  return signerFromPem(createKeyPem(family))
}

/** Issues a certificate for `name` under `issuer` (self-signed when issuer is omitted). */
export function issue(
  family: KeyFamily,
  name: NameSpec,
  issuer: Issued | undefined,
  extra: Partial<Parameters<typeof buildCertificate>[0]> = {},
): Issued {
  const key = newKey(family)
  const der = buildCertificate({
    subject: name,
    issuer: issuer?.name ?? name,
    issuerKey: issuer?.key ?? key,
    subjectKey: key,
    serial: `${family}:${name.map((p) => p[1]).join('/')}`,
    notBefore: NOT_BEFORE,
    notAfter: NOT_AFTER,
    ...extra,
  })
  return { der, cert: parseCertificate(der), key, name }
}

const caExt = { basicConstraints: { ca: true }, keyUsage: ['keyCertSign', 'cRLSign'] } as const

/** Builds the whole test PKI of one family (province names are the fixture's test ones). */
export function makePki(family: KeyFamily, host = 'ocsp.310000.yrd-test.invalid'): TestPki {
  const ca = issue(
    family,
    [
      ['C', 'CN'],
      ['O', '测试'],
      ['CN', `测试 CA ${family}`],
    ],
    undefined,
    caExt,
  )
  const other = issue(
    family,
    [
      ['C', 'CN'],
      ['CN', `无关 CA ${family}`],
    ],
    undefined,
    caExt,
  )
  const leafExt = {
    keyUsage: ['digitalSignature', 'nonRepudiation'] as const,
    crlUrls: [`http://crl.310000.yrd-test.invalid/${family}-ca.crl`],
    ocspUrls: [`http://${host}/${family}-ca`],
    caIssuersUrls: [`http://crl.310000.yrd-test.invalid/${family}-ca.cer`],
  }
  const responder = (cn: string, iss: Issued, ext: object): Issued =>
    issue(
      family,
      [
        ['C', 'CN'],
        ['CN', cn],
      ],
      iss,
      ext,
    )
  const tsaName = (cn: string): NameSpec => [
    ['C', 'CN'],
    ['CN', cn],
  ]
  const tsaKu = { keyUsage: ['digitalSignature'] as const }
  return {
    family,
    ca,
    leaf: issue(
      family,
      [
        ['C', 'CN'],
        ['CN', `签名人 ${family}`],
      ],
      ca,
      leafExt,
    ),
    responder: responder('OCSP', ca, {
      extKeyUsage: { purposes: [KP_OCSP_SIGNING] },
      ocspNoCheck: true,
    }),
    responderNoEku: responder('OCSP no EKU', ca, {
      extKeyUsage: { purposes: [KP_SERVER_AUTH] },
      ocspNoCheck: true,
    }),
    responderNoCheckless: responder('OCSP without nocheck', ca, {
      extKeyUsage: { purposes: [KP_OCSP_SIGNING] },
    }),
    expiredResponder: responder('OCSP expired', ca, {
      extKeyUsage: { purposes: [KP_OCSP_SIGNING] },
      ocspNoCheck: true,
      notBefore: new Date('2020-01-01T00:00:00Z'),
      notAfter: new Date('2021-01-01T00:00:00Z'),
    }),
    tsa: issue(family, tsaName(`TSA ${family}`), ca, {
      ...tsaKu,
      extKeyUsage: { purposes: [KP_TIME_STAMPING], critical: true },
    }),
    tsaNoEku: issue(family, tsaName(`TSA no EKU ${family}`), ca, tsaKu),
    tsaNonCritical: issue(family, tsaName(`TSA non-critical ${family}`), ca, {
      ...tsaKu,
      extKeyUsage: { purposes: [KP_TIME_STAMPING], critical: false },
    }),
    otherCa: other,
    otherResponder: responder('OCSP other', other, {
      extKeyUsage: { purposes: [KP_OCSP_SIGNING] },
      ocspNoCheck: true,
    }),
  }
}
