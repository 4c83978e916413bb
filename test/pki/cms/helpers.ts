/**
 * Test helpers for CMS: the committed fixture PKI, `openssl cms -sign` in a temp dir, a
 * hand-written SignedData builder for attribute variants (ESS, Adobe revocation archival,
 * signature time-stamps, key-id signer identifiers, OCSP revocation choices), and a chain
 * context on the TEST registry.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import {
  concat,
  derInteger,
  derOctets,
  derOid,
  derSequence,
  derSetOf,
  derTlv,
} from '../../../fixtures/make/der.js'
import { fromPem } from '../../../fixtures/make/keys.js'
import { signerFromPem, type Signer } from '../../../fixtures/make/signer.js'
import { issuerAndSerial } from '../../../fixtures/make/cms.js'
import { setCryptoBackend } from '../../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../../src/crypto/node-backend.js'
import type { ChainContext } from '../../../src/evaluate/chain.js'
import { parseCertificate } from '../../../src/pki/certificate.js'
import { defaultRegistry } from '../../../src/registry/default.js'

setCryptoBackend(nodeCryptoBackend)

export const PKI = new URL('../../../fixtures/pki/', import.meta.url)
export const pkiPath = (p: string): string => new URL(p, PKI).pathname
export const readPki = (p: string): string => readFileSync(new URL(p, PKI), 'utf8')
export const certDer = (p: string): Uint8Array => fromPem(readPki(p), 'CERTIFICATE')
export const crlDer = (p: string): Uint8Array => fromPem(readPki(p), 'X509 CRL')
export const keyOf = (p: string): Signer => signerFromPem(readPki(`keys/${p}`))

/** A time inside every fixture validity period and CRL window. */
export const NOW = new Date('2026-06-15T12:00:00Z')
export const CONTENT = new TextEncoder().encode('长三角电子证照 CMS 测试 / YRD CMS test\n')

/** A chain context on the built-in TEST registry. */
export async function chainContext(
  crls: readonly Uint8Array[],
  time: Date = NOW,
  extra: Partial<ChainContext> = {},
): Promise<ChainContext> {
  return {
    registry: await defaultRegistry(),
    extraAnchors: [],
    time,
    crls,
    ocspResponses: [],
    revocation: 'require',
    revocationSources: [],
    ...extra,
  }
}

/** Every service CRL of a province and family. */
export function crlsOf(province: string, family: string): Uint8Array[] {
  const services = ['signature-ca', 'timestamp-authority', 'licence-issuer', 'seal-maker']
  return services.map((s) => crlDer(`${province}/${family}/${s}.crl`))
}

/** Options of {@link opensslSign}. */
export interface OpensslSignOptions {
  readonly province?: string
  readonly family: 'rsa' | 'ecdsa'
  readonly attached?: boolean
  readonly noattr?: boolean
  readonly md?: string
  readonly nocerts?: boolean
  readonly stream?: boolean
  readonly content?: Uint8Array
  /** Extra `-keyopt` values (e.g. `rsa_padding_mode:pss`). */
  readonly keyopt?: readonly string[]
}

/** Signs with `openssl cms -sign` as the province's signature-ca leaf; returns DER (or BER). */
export function opensslSign(o: OpensslSignOptions): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'yrd-cms-'))
  const province = o.province ?? '310000'
  writeFileSync(join(dir, 'in.bin'), o.content ?? CONTENT)
  const args = ['cms', '-sign', '-binary', '-in', join(dir, 'in.bin')]
  args.push('-signer', pkiPath(`${province}/${o.family}/signer.pem`))
  args.push('-inkey', pkiPath(`keys/${province}/${o.family}/signature-ca-leaf.pem`))
  args.push('-md', o.md ?? 'sha256', '-outform', 'DER', '-out', join(dir, 'out.der'))
  if (o.attached) args.push('-nodetach')
  if (o.noattr) args.push('-noattr')
  if (o.nocerts) args.push('-nocerts')
  if (o.stream) args.push('-stream')
  for (const k of o.keyopt ?? []) args.push('-keyopt', k)
  execFileSync('openssl', args, { stdio: 'pipe' })
  return new Uint8Array(readFileSync(join(dir, 'out.der')))
}

/** SHA-256 of bytes. */
export const sha256 = (d: Uint8Array): Uint8Array =>
  new Uint8Array(createHash('sha256').update(d).digest())

/** DER Attribute. */
export function attribute(oid: string, ...values: Uint8Array[]): Uint8Array {
  return derSequence([derOid(oid), derSetOf(0x31, values)])
}

/** Spec of {@link buildCms}. */
export interface BuildCmsSpec {
  readonly key: Signer
  readonly cert: Uint8Array
  readonly content: Uint8Array
  readonly detached?: boolean
  /** Signed attributes besides contentType and messageDigest; `false`: none at all. */
  readonly signedAttrs?: false | readonly Uint8Array[]
  /** Unsigned attributes, computed from the signature value. */
  readonly unsignedAttrs?: (signature: Uint8Array) => readonly Uint8Array[]
  readonly certificates?: readonly Uint8Array[]
  /** RevocationInfoChoice encodings for the [1] set. */
  readonly revocation?: readonly Uint8Array[]
  /** Use subjectKeyIdentifier as sid (version 3). */
  readonly keyId?: boolean
  readonly profile?: 'pkcs7' | 'gbt35275'
  /** Overrides the messageDigest value. */
  readonly messageDigest?: Uint8Array
  /** SignerInfo signatureAlgorithm OID instead of the key's own (no parameters). */
  readonly signatureAlgorithm?: string
}

const SM3_OID = '1.2.156.10197.1.401'

/** Builds a one-signer SignedData by hand (see {@link BuildCmsSpec}). */
export function buildCms(s: BuildCmsSpec): Uint8Array {
  const gb = s.profile === 'gbt35275'
  const dataOid = gb ? '1.2.156.10197.6.1.4.2.1' : '1.2.840.113549.1.7.1'
  const sdOid = gb ? '1.2.156.10197.6.1.4.2.2' : '1.2.840.113549.1.7.2'
  const digestAlg = derSequence([derOid(s.key.digestOid)])
  const digest =
    s.key.digestOid === SM3_OID
      ? new Uint8Array(createHash('sm3').update(s.content).digest())
      : sha256(s.content)
  let signed = s.content
  let signedAttrs: Uint8Array | undefined
  if (s.signedAttrs !== false) {
    signed = derSetOf(0x31, [
      attribute('1.2.840.113549.1.9.3', derOid(dataOid)),
      attribute('1.2.840.113549.1.9.4', derOctets(s.messageDigest ?? digest)),
      ...(s.signedAttrs ?? []),
    ])
    signedAttrs = concat([Uint8Array.of(0xa0), signed.subarray(1)])
  }
  const signature = s.key.sign(signed)
  const sid = s.keyId ? derTlv(0x80, s.key.keyId) : issuerAndSerial(s.cert)
  const unsigned = s.unsignedAttrs?.(signature) ?? []
  const signerInfo = derSequence([
    derInteger(s.keyId ? 3 : 1),
    sid,
    digestAlg,
    ...(signedAttrs ? [signedAttrs] : []),
    s.signatureAlgorithm
      ? derSequence([derOid(s.signatureAlgorithm)])
      : derSequence([derOid(s.key.algorithm.algorithm), ...nullParams(s.key)]),
    derOctets(signature),
    ...(unsigned.length ? [derSetOf(0xa1, unsigned)] : []),
  ])
  const encap = s.detached
    ? derSequence([derOid(dataOid)])
    : derSequence([derOid(dataOid), derTlv(0xa0, derOctets(s.content))])
  const parts = [derInteger(s.keyId ? 3 : 1), derSetOf(0x31, [digestAlg]), encap]
  parts.push(derSetOf(0xa0, s.certificates ?? [s.cert]))
  if (s.revocation?.length) parts.push(derSetOf(0xa1, s.revocation))
  parts.push(derSetOf(0x31, [signerInfo]))
  return derSequence([derOid(sdOid), derTlv(0xa0, derSequence(parts))])
}

function nullParams(key: Signer): Uint8Array[] {
  return key.family === 'rsa' ? [Uint8Array.of(0x05, 0x00)] : []
}

/** The certificate of a fixture path, parsed. */
export const parsedCert = (p: string) => parseCertificate(certDer(p))
