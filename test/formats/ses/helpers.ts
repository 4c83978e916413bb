/**
 * Test helpers for seals: real samples, the Zhejiang tax invoice's signature files (unzipped
 * with `unzip` into a temporary directory), SM2 parties of the fixture PKI, and seal and seal
 * signature builders with test defaults.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fromPem } from '../../../fixtures/make/keys.js'
import {
  buildSeal,
  buildSealSignature,
  type SealSignatureSpec,
  type SealSpec,
} from '../../../fixtures/make/ses.js'
import { signerFromPem, type Signer } from '../../../fixtures/make/signer.js'
import { hash } from '../../../src/crypto/hash.js'
import type { ChainContext } from '../../../src/evaluate/chain.js'
import type { Certificate } from '../../../src/pki/certificate.js'
import { defaultRegistry } from '../../../src/registry/index.js'
import { SHARED } from '../../shared-dir.js'

export const SAMPLES = `${SHARED}/samples/ofd/`
const FIXTURES = new URL('../../../fixtures/pki/', import.meta.url)

/** A real sample file's bytes. */
export function sample(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SAMPLES, name)))
}

/** The first signature's files of a sample OFD. */
export interface OfdSignatureFiles {
  readonly signedValue: Uint8Array
  readonly signatureXml: Uint8Array
}

const unzipped = new Map<string, OfdSignatureFiles>()

/** SignedValue.dat and Signature.xml of Sign_0 in a sample OFD (unzipped with `unzip`). */
export function ofdSignature(file: string): OfdSignatureFiles {
  const known = unzipped.get(file)
  if (known) return known
  const dir = mkdtempSync(join(tmpdir(), 'yrd-ses-'))
  try {
    execFileSync('unzip', ['-q', join(SAMPLES, file), '-d', dir])
    const sign = join(dir, 'Doc_0/Signs/Sign_0')
    const files = {
      signedValue: new Uint8Array(readFileSync(join(sign, 'SignedValue.dat'))),
      signatureXml: new Uint8Array(readFileSync(join(sign, 'Signature.xml'))),
    }
    unzipped.set(file, files)
    return files
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** The Zhejiang tax e-invoice's seal signature files. */
export const zjInvoice = (): OfdSignatureFiles => ofdSignature('zj-tax-invoice-v4.ofd')

const read = (path: string): string => readFileSync(new URL(path, FIXTURES), 'utf8')

/** A certificate and its key. */
export interface Party {
  readonly cert: Uint8Array
  readonly key: Signer
}

/** The SM2 seal maker and seal holder of a fixture province, with their CA CRLs. */
export function parties(code = '330000') {
  const party = (cert: string, key: string): Party => ({
    cert: fromPem(read(`${code}/sm2/${cert}.pem`), 'CERTIFICATE'),
    key: signerFromPem(read(`keys/${code}/sm2/${key}.pem`)),
  })
  return {
    maker: party('seal-maker-signer', 'seal-maker-leaf'),
    signer: party('signer', 'signature-ca-leaf'),
    other: party('licence-org', 'licence-issuer-leaf'),
    tsa: party('tsa', 'timestamp-authority-leaf'),
    tsaCa: fromPem(read(`${code}/sm2/timestamp-authority.pem`), 'CERTIFICATE'),
    crls: ['seal-maker', 'signature-ca', 'timestamp-authority'].map((s) =>
      fromPem(read(`${code}/sm2/${s}.crl`), 'X509 CRL'),
    ),
  }
}

export const DATES = {
  created: new Date('2025-05-20T00:00:00Z'),
  validStart: new Date('2025-06-01T00:00:00Z'),
  validEnd: new Date('2030-12-31T00:00:00Z'),
  signing: new Date('2025-12-15T02:30:00Z'),
  validation: new Date('2026-01-15T00:00:00Z'),
}

/** A 1×1 PNG. */
export const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0g' +
      'AAAABJRU5ErkJggg==',
    'base64',
  ),
)

/** A seal spec with test defaults; `over` replaces fields. */
export function sealSpec(over: Partial<SealSpec> = {}): SealSpec {
  const p = parties()
  return {
    version: 4,
    vid: 'YRDTEST',
    esID: '33010600000042',
    type: 1,
    name: '浙江省示例科技有限公司公章',
    certList: { type: 1, certs: [p.signer.cert] },
    createDate: DATES.created,
    validStart: DATES.validStart,
    validEnd: DATES.validEnd,
    picture: { type: 'png', data: PNG, width: 40, height: 40 },
    maker: p.maker,
    ...over,
  }
}

/** The protected data of the synthetic signatures. */
export const DATA = new TextEncoder().encode('<ofd:Signature>synthetic</ofd:Signature>')

/** Builds a seal, then a seal signature over DATA with test defaults. */
export function sealSignature(
  seal: Partial<SealSpec> = {},
  over: Partial<SealSignatureSpec> = {},
): { der: Uint8Array; seal: Uint8Array; tbs: Uint8Array; signature: Uint8Array } {
  const spec = sealSpec(seal)
  const built = buildSeal(spec)
  const sig = buildSealSignature({
    version: spec.version,
    seal: built.der,
    signingTime: DATES.signing,
    dataHash: hash('SM3', DATA),
    propertyInfo: '/Doc_0/Signs/Sign_0/Signature.xml',
    signer: parties().signer,
    ...over,
  })
  return { ...sig, seal: built.der }
}

/** A chain context on the TEST registry with the fixture CRLs. */
export async function context(over: Partial<ChainContext> = {}): Promise<ChainContext> {
  return {
    registry: await defaultRegistry(),
    extraAnchors: [] as Certificate[],
    time: DATES.validation,
    crls: parties().crls,
    ocspResponses: [],
    revocation: 'require',
    revocationSources: [],
    ...over,
  }
}
