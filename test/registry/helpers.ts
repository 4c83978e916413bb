/**
 * Test helpers: registries built and signed with throwaway keys generated in the test.
 */
import 'reflect-metadata'
import * as x509 from '@peculiar/x509'
import type { JWK } from 'jose'
import { FlattenedSign, exportJWK, exportPKCS8, exportSPKI, generateKeyPair } from 'jose'
import { canonicalJson } from '../../src/registry/canonical.js'

/** A throwaway operator key in every form the tests need. */
export interface TestKey {
  readonly alg: string
  readonly kid: string
  readonly privateKey: CryptoKey
  readonly privatePem: string
  readonly publicPem: string
  readonly publicJwk: JWK
}

let counter = 0

/** Generates an operator key for `alg` (ES256, ES384, EdDSA, RS256). */
export async function makeKey(alg = 'ES256'): Promise<TestKey> {
  const pair = await generateKeyPair(alg, { extractable: true })
  const kid = `test-key-${++counter}`
  return {
    alg,
    kid,
    privateKey: pair.privateKey,
    privatePem: await exportPKCS8(pair.privateKey),
    publicPem: await exportSPKI(pair.publicKey),
    publicJwk: { ...(await exportJWK(pair.publicKey)), kid },
  }
}

/** A self-signed P-256 CA certificate (DER) with the given common name. */
export async function makeCertificate(cn: string): Promise<Uint8Array> {
  const alg = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' }
  const keys = await crypto.subtle.generateKey(alg, true, ['sign', 'verify'])
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: '01',
    name: `CN=${cn}`,
    notBefore: new Date('2024-01-01T00:00:00Z'),
    notAfter: new Date('2034-01-01T00:00:00Z'),
    signingAlgorithm: alg,
    keys,
    extensions: [new x509.BasicConstraintsExtension(true, undefined, true)],
  })
  return new Uint8Array(cert.rawData)
}

/** Base64 of bytes. */
export function b64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64')
}

/** A valid registry document (unsigned) listing the given certificates in one Shanghai CA. */
export function baseDocument(certificates: readonly Uint8Array[]): Record<string, unknown> {
  return {
    format: 'yrd-verify/registry@1',
    id: 'unit-test-registry',
    name: { zh: '单元测试注册表', en: 'Unit test registry' },
    test: true,
    sequence: 5,
    issuedAt: '2026-01-01T00:00:00Z',
    nextUpdate: '2027-01-01T00:00:00Z',
    operator: { name: { zh: '测试运营方', en: 'Test operator' } },
    provinces: [
      {
        code: '310000',
        name: '上海市',
        nameEn: 'Shanghai',
        services: [
          {
            id: '310000-signature-ca',
            type: 'signature-ca',
            name: { zh: '上海测试 CA', en: 'Shanghai test CA' },
            certificates: certificates.map(b64),
            history: [
              { status: 'granted', from: '2025-06-01T00:00:00Z', to: null },
              { status: 'granted', from: '2024-01-01T00:00:00Z', to: '2025-01-01T00:00:00Z' },
              { status: 'withdrawn', from: '2025-01-01T00:00:00Z', to: '2025-06-01T00:00:00Z' },
            ],
            sealPictures: [{ esID: '3100000000001', sha256: 'AB'.repeat(32) }],
          },
        ],
      },
    ],
    recognition: [
      {
        year: 2026,
        types: [{ code: '11100000000013338W011', name: '建筑施工特种作业操作资格证' }],
      },
    ],
  }
}

/**
 * Signs a document WITHOUT checking its schema (unlike signRegistry), so that tests can make
 * correctly signed registries that break the schema.
 */
export async function signUnchecked(
  doc: Record<string, unknown>,
  key: TestKey,
  header: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const unsigned = unsignedOf(doc)
  const payload = new TextEncoder().encode(canonicalJson(unsigned))
  const jws = await new FlattenedSign(payload)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: 'yrd-registry+jws', ...header })
    .sign(key.privateKey)
  return { ...unsigned, signature: `${jws.protected}..${jws.signature}` }
}

/** UTF-8 JSON bytes of a value. */
export function bytesOf(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value))
}

/** A time inside the base document's validity period. */
export const NOW = new Date('2026-06-01T00:00:00Z')

/** A shallow copy of a registry document without its `signature` member. */
export function unsignedOf(doc: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...doc }
  delete copy['signature']
  return copy
}
