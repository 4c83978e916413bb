/**
 * Small test PKI: EC P-256 keys from node:crypto and certificates / CRLs built with the
 * minimal DER encoder, with just the extensions the path tests need.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import {
  bitString,
  bool,
  concat,
  concatAll,
  explicit,
  ia5,
  int,
  namedBits,
  octet,
  oid,
  seq,
  set,
  time,
  tlv,
  utf8,
} from './der.js'

export interface TestKey {
  readonly privateKey: KeyObject
  readonly spki: Uint8Array
}

/** A new EC P-256 key. */
export function newKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  return { privateKey, spki: new Uint8Array(publicKey.export({ type: 'spki', format: 'der' })) }
}

const ECDSA_SHA256 = seq(oid('1.2.840.10045.4.3.2'))

export function name(cn: string, o = 'Path Tests'): Uint8Array {
  return seq(
    set(seq(oid('2.5.4.6'), tlv(0x13, new TextEncoder().encode('CN')))),
    set(seq(oid('2.5.4.10'), utf8(o))),
    set(seq(oid('2.5.4.3'), utf8(cn))),
  )
}

export interface Ext {
  readonly oid: string
  readonly critical?: boolean
  readonly value: Uint8Array
}

const KU_BITS: Record<string, number> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  keyCertSign: 5,
  cRLSign: 6,
}

export interface CertSpec {
  readonly subject: string
  readonly key?: TestKey
  /** Issuer; self-signed when absent. */
  readonly issuer?: TestCert
  readonly serial?: number
  readonly notBefore?: Date
  readonly notAfter?: Date
  readonly ca?: boolean
  readonly pathLen?: number
  readonly noBasicConstraints?: boolean
  readonly keyUsage?: readonly string[]
  readonly eku?: readonly string[]
  readonly dnsNames?: readonly string[]
  readonly permittedDns?: readonly string[]
  readonly extra?: readonly Ext[]
}

export interface TestCert {
  readonly der: Uint8Array
  readonly key: TestKey
  readonly name: Uint8Array
  readonly ski: Uint8Array
}

function keyId(spki: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha1').update(spki).digest())
}

function extension(e: Ext): Uint8Array {
  return seq(oid(e.oid), ...(e.critical ? [bool(true)] : []), octet(e.value))
}

let serialCounter = 1000

/** Builds and signs a certificate. */
export function makeCert(spec: CertSpec): TestCert {
  const key = spec.key ?? newKey()
  const subject = name(spec.subject)
  const issuerName = spec.issuer?.name ?? subject
  const signer = spec.issuer?.key ?? key
  const ski = keyId(key.spki)
  const exts: Ext[] = [{ oid: '2.5.29.14', value: octet(ski) }]
  exts.push({ oid: '2.5.29.35', value: seq(tlv(0x80, spec.issuer?.ski ?? ski)) })
  if (!spec.noBasicConstraints && (spec.ca || spec.pathLen !== undefined)) {
    const body = [bool(true), ...(spec.pathLen !== undefined ? [int(spec.pathLen)] : [])]
    exts.push({ oid: '2.5.29.19', critical: true, value: seq(...body) })
  }
  const ku = spec.keyUsage ?? (spec.ca ? ['keyCertSign', 'cRLSign'] : ['digitalSignature'])
  exts.push({ oid: '2.5.29.15', critical: true, value: namedBits(ku.map((k) => KU_BITS[k]!)) })
  if (spec.eku) exts.push({ oid: '2.5.29.37', value: seq(...spec.eku.map(oid)) })
  if (spec.dnsNames) {
    exts.push({ oid: '2.5.29.17', value: seq(...spec.dnsNames.map((d) => ia5(0x82, d))) })
  }
  if (spec.permittedDns) {
    const subtrees = spec.permittedDns.map((d) => seq(ia5(0x82, d)))
    exts.push({ oid: '2.5.29.30', critical: true, value: seq(tlv(0xa0, concat(...subtrees))) })
  }
  exts.push(...(spec.extra ?? []))
  const tbs = seq(
    explicit(0, int(2)),
    int(spec.serial ?? serialCounter++),
    ECDSA_SHA256,
    issuerName,
    seq(
      time(spec.notBefore ?? new Date('2020-01-01T00:00:00Z')),
      time(spec.notAfter ?? new Date('2040-01-01T00:00:00Z')),
    ),
    subject,
    key.spki,
    explicit(3, seq(...exts.map(extension))),
  )
  const sig = new Uint8Array(sign('sha256', tbs, signer.privateKey))
  return { der: seq(tbs, ECDSA_SHA256, bitString(sig)), key, name: subject, ski }
}

export interface CrlSpec {
  readonly issuer: TestCert
  readonly revoked?: readonly { serial: number; date?: Date; reason?: number }[]
  readonly thisUpdate?: Date
  readonly nextUpdate?: Date
  readonly number?: number
  readonly extra?: readonly Ext[]
  /** Sign with this key instead of the issuer's. */
  readonly signWith?: TestKey
}

/** Builds and signs a v2 CRL. */
export function makeCrl(spec: CrlSpec): Uint8Array {
  const entries = (spec.revoked ?? []).map((r) =>
    seq(
      int(r.serial),
      time(r.date ?? new Date('2021-01-01T00:00:00Z')),
      ...(r.reason !== undefined
        ? [seq(extension({ oid: '2.5.29.21', value: tlv(0x0a, Uint8Array.of(r.reason)) }))]
        : []),
    ),
  )
  const exts: Ext[] = [
    { oid: '2.5.29.35', value: seq(tlv(0x80, spec.issuer.ski)) },
    { oid: '2.5.29.20', value: int(spec.number ?? 1) },
    ...(spec.extra ?? []),
  ]
  const tbs = seq(
    int(1),
    ECDSA_SHA256,
    spec.issuer.name,
    time(spec.thisUpdate ?? new Date('2022-01-01T00:00:00Z')),
    time(spec.nextUpdate ?? new Date('2030-01-01T00:00:00Z')),
    ...(entries.length > 0 ? [tlv(0x30, concatAll(entries))] : []),
    explicit(0, seq(...exts.map(extension))),
  )
  const key = spec.signWith ?? spec.issuer.key
  const sig = new Uint8Array(sign('sha256', tbs, key.privateKey))
  return seq(tbs, ECDSA_SHA256, bitString(sig))
}

/** A root, an intermediate CA and a leaf, all valid 2020-2040. */
export function simpleChain(): { root: TestCert; ca: TestCert; leaf: TestCert } {
  const root = makeCert({ subject: 'Root', ca: true })
  const ca = makeCert({ subject: 'CA', ca: true, issuer: root })
  const leaf = makeCert({ subject: 'Leaf', issuer: ca, dnsNames: ['leaf.example.cn'] })
  return { root, ca, leaf }
}

/** PEM text bytes of a DER certificate. */
export function pem(der: Uint8Array): Uint8Array {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')
  return new TextEncoder().encode(
    `-----BEGIN CERTIFICATE-----\n${b64}\n-----END CERTIFICATE-----\n`,
  )
}
