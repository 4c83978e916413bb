/**
 * Signature vectors made at test time with node:crypto (and the OpenSSL CLI for PSS with a
 * different MGF1 hash), shared by the verification and backend-agreement tests.
 */
import { execFileSync } from 'node:child_process'
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { concatBytes, fromHex, utf8 } from '../../src/crypto/bytes.js'
import { encodeElement, encodeOid, encodeUnsignedInteger } from '../../src/crypto/der.js'
import type { VerifySignatureRequest } from '../../src/crypto/prepare.js'
import type { SignatureFailureReason } from '../../src/crypto/signature-check.js'
import { sm2PublicKeyFromPrivate, sm2Sign } from '../../src/crypto/sm2.js'
import { encodeEcSpki } from '../../src/crypto/spki.js'

/** One case: a request and the expected outcome (true = valid, else the failure reason). */
export interface Vector {
  readonly name: string
  readonly req: VerifySignatureRequest
  readonly expected: true | SignatureFailureReason
}

const OID = {
  md5Rsa: '1.2.840.113549.1.1.4',
  sha1Rsa: '1.2.840.113549.1.1.5',
  sha224Rsa: '1.2.840.113549.1.1.14',
  sha256Rsa: '1.2.840.113549.1.1.11',
  sha384Rsa: '1.2.840.113549.1.1.12',
  sha512Rsa: '1.2.840.113549.1.1.13',
  pss: '1.2.840.113549.1.1.10',
  ecdsa256: '1.2.840.10045.4.3.2',
  ecdsa384: '1.2.840.10045.4.3.3',
  ecdsa512: '1.2.840.10045.4.3.4',
  ecdsa1: '1.2.840.10045.4.1',
  ed25519: '1.3.101.112',
  sm2: '1.2.156.10197.1.501',
  dsa1: '1.2.840.10040.4.3',
  dsa256: '2.16.840.1.101.3.4.3.2',
} as const

const HASH_OID: Record<string, string> = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
}

const hashAlg = (h: string): Uint8Array =>
  encodeElement(0x30, concatBytes(encodeOid(HASH_OID[h] ?? ''), fromHex('0500')))

/** DER RSASSA-PSS-params with explicit hash, MGF1 hash and salt length. */
export function pssParams(h: string, mgf: string, salt: number): Uint8Array {
  const mgfAlg = encodeElement(0x30, concatBytes(encodeOid('1.2.840.113549.1.1.8'), hashAlg(mgf)))
  return encodeElement(
    0x30,
    concatBytes(
      encodeElement(0xa0, hashAlg(h)),
      encodeElement(0xa1, mgfAlg),
      encodeElement(0xa2, encodeUnsignedInteger(BigInt(salt))),
    ),
  )
}

const spki = (k: KeyObject): Uint8Array => new Uint8Array(k.export({ format: 'der', type: 'spki' }))
const u8 = (b: Buffer): Uint8Array => new Uint8Array(b)

function flip(b: Uint8Array, at = b.length - 1): Uint8Array {
  const c = b.slice()
  c[at] = (c[at] ?? 0) ^ 0x01
  return c
}

/** Signs with the OpenSSL CLI using RSA-PSS and a separate MGF1 hash. */
function opensslPss(key: KeyObject, data: Uint8Array, h: string, mgf: string, salt: number) {
  const dir = mkdtempSync(join(tmpdir(), 'yrd-pss-'))
  try {
    writeFileSync(join(dir, 'k.pem'), key.export({ format: 'pem', type: 'pkcs8' }))
    writeFileSync(join(dir, 'd.bin'), data)
    execFileSync(
      'openssl',
      [
        'dgst',
        `-${h}`,
        '-sign',
        'k.pem',
        '-sigopt',
        'rsa_padding_mode:pss',
        '-sigopt',
        `rsa_mgf1_md:${mgf}`,
        '-sigopt',
        `rsa_pss_saltlen:${salt}`,
        '-out',
        's.bin',
        'd.bin',
      ],
      { cwd: dir, stdio: 'pipe' },
    )
    return new Uint8Array(readFileSync(join(dir, 's.bin')))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Builds every vector (slow key generation happens here, call once per file). */
export function makeVectors(): Vector[] {
  const data = utf8('to be signed: 长三角 licence payload')
  const other = utf8('to be signed: 长三角 licence payloaD')
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 })
  const rsaPss = generateKeyPairSync('rsa-pss', {
    modulusLength: 2048,
    hashAlgorithm: 'sha256',
    mgf1HashAlgorithm: 'sha256',
  })
  const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' })
  const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' })
  const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' })
  const ed = generateKeyPairSync('ed25519')
  const dsa = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 })
  const dsa1024 = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 })
  const sm2Priv = fromHex('3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8')
  const sm2Spki = encodeEcSpki('SM2', sm2PublicKeyFromPrivate(sm2Priv))
  const v: Vector[] = []
  const add = (name: string, req: VerifySignatureRequest, expected: Vector['expected']) =>
    v.push({ name, req, expected })
  const good = (name: string, oid: string, key: Uint8Array, sig: Uint8Array, extra = {}) => {
    add(
      `${name} good`,
      { algorithm: { oid }, publicKey: key, data, signature: sig, ...extra },
      true,
    )
    add(
      `${name} other data`,
      { algorithm: { oid }, publicKey: key, data: other, signature: sig, ...extra },
      'signature-mismatch',
    )
  }
  const rsaKey = spki(rsa.publicKey)
  for (const [h, oid] of [
    ['sha1', OID.sha1Rsa],
    ['sha224', OID.sha224Rsa],
    ['sha256', OID.sha256Rsa],
    ['sha384', OID.sha384Rsa],
    ['sha512', OID.sha512Rsa],
  ] as const) {
    good(`RSA-2048 PKCS#1 ${h}`, oid, rsaKey, u8(sign(h, data, rsa.privateKey)))
  }
  const rsaSig = u8(sign('sha256', data, rsa.privateKey))
  add(
    'RSA PKCS#1 flipped signature',
    { algorithm: { oid: OID.sha256Rsa }, publicKey: rsaKey, data, signature: flip(rsaSig) },
    'signature-mismatch',
  )
  add(
    'RSA PKCS#1 hash confusion (sha256 sig, sha384 OID)',
    { algorithm: { oid: OID.sha384Rsa }, publicKey: rsaKey, data, signature: rsaSig },
    'signature-mismatch',
  )
  add(
    'RSA PKCS#1 short signature',
    { algorithm: { oid: OID.sha256Rsa }, publicKey: rsaKey, data, signature: rsaSig.subarray(1) },
    'malformed-signature',
  )
  add(
    'RSA PKCS#1 NULL parameters',
    {
      algorithm: { oid: OID.sha256Rsa, parameters: fromHex('0500') },
      publicKey: rsaKey,
      data,
      signature: rsaSig,
    },
    true,
  )
  add(
    'RSA PKCS#1 bogus parameters',
    {
      algorithm: { oid: OID.sha256Rsa, parameters: fromHex('020101') },
      publicKey: rsaKey,
      data,
      signature: rsaSig,
    },
    'unsupported-algorithm',
  )
  add(
    'md5WithRSAEncryption refused',
    {
      algorithm: { oid: OID.md5Rsa },
      publicKey: rsaKey,
      data,
      signature: u8(sign('md5', data, rsa.privateKey)),
    },
    'unsupported-algorithm',
  )
  good(
    'RSA-1024 PKCS#1 sha256',
    OID.sha256Rsa,
    spki(rsa1024.publicKey),
    u8(sign('sha256', data, rsa1024.privateKey)),
  )
  const pssSign = (h: string, salt: number) =>
    u8(sign(h, data, { key: rsa.privateKey, padding: 6, saltLength: salt }))
  for (const [h, salt] of [
    ['sha256', 32],
    ['sha256', 0],
    ['sha384', 48],
    ['sha512', 20],
    ['sha1', 20],
  ] as const) {
    const parameters = pssParams(h, h, salt)
    const sig = pssSign(h, salt)
    add(
      `RSA-PSS ${h} salt ${salt} good`,
      { algorithm: { oid: OID.pss, parameters }, publicKey: rsaKey, data, signature: sig },
      true,
    )
    add(
      `RSA-PSS ${h} salt ${salt} other data`,
      { algorithm: { oid: OID.pss, parameters }, publicKey: rsaKey, data: other, signature: sig },
      'signature-mismatch',
    )
    add(
      `RSA-PSS ${h} salt ${salt} wrong salt length`,
      {
        algorithm: { oid: OID.pss, parameters: pssParams(h, h, salt + 1) },
        publicKey: rsaKey,
        data,
        signature: sig,
      },
      'signature-mismatch',
    )
  }
  const mixed = opensslPss(rsa.privateKey, data, 'sha256', 'sha1', 32)
  add(
    'RSA-PSS sha256 with MGF1-sha1 (OpenSSL)',
    {
      algorithm: { oid: OID.pss, parameters: pssParams('sha256', 'sha1', 32) },
      publicKey: rsaKey,
      data,
      signature: mixed,
    },
    true,
  )
  add(
    'RSA-PSS MGF1 hash confusion',
    {
      algorithm: { oid: OID.pss, parameters: pssParams('sha256', 'sha256', 32) },
      publicKey: rsaKey,
      data,
      signature: mixed,
    },
    'signature-mismatch',
  )
  add(
    'RSA-PSS without parameters',
    { algorithm: { oid: OID.pss }, publicKey: rsaKey, data, signature: pssSign('sha256', 32) },
    'unsupported-algorithm',
  )
  add(
    'RSA-PSS garbage parameters',
    {
      algorithm: { oid: OID.pss, parameters: fromHex('3003a00100') },
      publicKey: rsaKey,
      data,
      signature: pssSign('sha256', 32),
    },
    'unsupported-algorithm',
  )
  const pssKey = spki(rsaPss.publicKey)
  const pssKeySig = u8(sign('sha256', data, { key: rsaPss.privateKey, saltLength: 32 }))
  add(
    'RSA-PSS with id-RSASSA-PSS key',
    {
      algorithm: { oid: OID.pss, parameters: pssParams('sha256', 'sha256', 32) },
      publicKey: pssKey,
      data,
      signature: pssKeySig,
    },
    true,
  )
  add(
    'RSA-PSS key restricted to sha256 used with sha512',
    {
      algorithm: { oid: OID.pss, parameters: pssParams('sha512', 'sha512', 64) },
      publicKey: pssKey,
      data,
      signature: pssKeySig,
    },
    'key-algorithm-mismatch',
  )
  add(
    'PKCS#1 with id-RSASSA-PSS key',
    { algorithm: { oid: OID.sha256Rsa }, publicKey: pssKey, data, signature: pssKeySig },
    'key-algorithm-mismatch',
  )
  for (const [curve, pair, h, oid] of [
    ['P-256', p256, 'sha256', OID.ecdsa256],
    ['P-384', p384, 'sha384', OID.ecdsa384],
    ['P-521', p521, 'sha512', OID.ecdsa512],
    ['P-256', p256, 'sha512', OID.ecdsa512],
    ['P-521', p521, 'sha1', OID.ecdsa1],
  ] as const) {
    const key = spki(pair.publicKey)
    good(`ECDSA ${curve} ${h} DER`, oid, key, u8(sign(h, data, pair.privateKey)))
    const raw = u8(sign(h, data, { key: pair.privateKey, dsaEncoding: 'ieee-p1363' }))
    good(`ECDSA ${curve} ${h} raw`, oid, key, raw, { ecdsaFormat: 'raw' })
    add(
      `ECDSA ${curve} ${h} raw given as DER`,
      { algorithm: { oid }, publicKey: key, data, signature: raw },
      'malformed-signature',
    )
  }
  const p256Key = spki(p256.publicKey)
  const p256Raw = u8(sign('sha256', data, { key: p256.privateKey, dsaEncoding: 'ieee-p1363' }))
  add(
    'ECDSA r = 0',
    {
      algorithm: { oid: OID.ecdsa256 },
      publicKey: p256Key,
      data,
      signature: concatBytes(new Uint8Array(32), p256Raw.subarray(32)),
      ecdsaFormat: 'raw',
    },
    'malformed-signature',
  )
  add(
    'ECDSA s = n',
    {
      algorithm: { oid: OID.ecdsa256 },
      publicKey: p256Key,
      data,
      signature: concatBytes(
        p256Raw.subarray(0, 32),
        fromHex('ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'),
      ),
      ecdsaFormat: 'raw',
    },
    'malformed-signature',
  )
  add(
    'ECDSA with parameters',
    {
      algorithm: { oid: OID.ecdsa256, parameters: fromHex('0500') },
      publicKey: p256Key,
      data,
      signature: p256Raw,
      ecdsaFormat: 'raw',
    },
    'unsupported-algorithm',
  )
  const edKey = spki(ed.publicKey)
  const edSig = u8(sign(null, data, ed.privateKey))
  good('Ed25519', OID.ed25519, edKey, edSig)
  add(
    'Ed25519 flipped signature',
    { algorithm: { oid: OID.ed25519 }, publicKey: edKey, data, signature: flip(edSig, 3) },
    'signature-mismatch',
  )
  add(
    'Ed25519 63-byte signature',
    { algorithm: { oid: OID.ed25519 }, publicKey: edKey, data, signature: edSig.subarray(1) },
    'malformed-signature',
  )
  good(
    'DSA-2048/256 sha256',
    OID.dsa256,
    spki(dsa.publicKey),
    u8(sign('sha256', data, dsa.privateKey)),
  )
  good(
    'DSA-1024/160 sha1',
    OID.dsa1,
    spki(dsa1024.publicKey),
    u8(sign('sha1', data, dsa1024.privateKey)),
  )
  add(
    'DSA raw signature',
    {
      algorithm: { oid: OID.dsa256 },
      publicKey: spki(dsa.publicKey),
      data,
      signature: new Uint8Array(64),
    },
    'malformed-signature',
  )
  good('SM2-with-SM3', OID.sm2, sm2Spki, sm2Sign(sm2Priv, data))
  add(
    'SM2 raw r||s',
    {
      algorithm: { oid: OID.sm2 },
      publicKey: sm2Spki,
      data,
      signature: sm2Sign(sm2Priv, data, { der: false }),
    },
    true,
  )
  add(
    'SM2 other user ID',
    {
      algorithm: { oid: OID.sm2 },
      publicKey: sm2Spki,
      data,
      signature: sm2Sign(sm2Priv, data),
      sm2UserId: utf8('ALICE123@YAHOO.COM'),
    },
    'signature-mismatch',
  )
  add(
    'SM2 custom user ID',
    {
      algorithm: { oid: OID.sm2 },
      publicKey: sm2Spki,
      data,
      signature: sm2Sign(sm2Priv, data, { userId: utf8('ALICE') }),
      sm2UserId: utf8('ALICE'),
    },
    true,
  )
  add(
    'SM2 garbage signature',
    { algorithm: { oid: OID.sm2 }, publicKey: sm2Spki, data, signature: fromHex('3003020100') },
    'malformed-signature',
  )
  const mismatch = (name: string, oid: string, key: Uint8Array, sig: Uint8Array) =>
    add(
      name,
      { algorithm: { oid }, publicKey: key, data, signature: sig },
      'key-algorithm-mismatch',
    )
  mismatch(
    'RSA key with ecdsa-with-SHA256',
    OID.ecdsa256,
    rsaKey,
    u8(sign('sha256', data, p256.privateKey)),
  )
  mismatch('SM2 key with ecdsa-with-SHA256', OID.ecdsa256, sm2Spki, sm2Sign(sm2Priv, data))
  mismatch(
    'P-256 key with SM2-with-SM3',
    OID.sm2,
    p256Key,
    u8(sign('sha256', data, p256.privateKey)),
  )
  mismatch('Ed25519 key with sha256WithRSA', OID.sha256Rsa, edKey, rsaSig)
  mismatch(
    'P-256 key with dsa-with-sha256',
    OID.dsa256,
    p256Key,
    u8(sign('sha256', data, p256.privateKey)),
  )
  mismatch('RSA key with Ed25519', OID.ed25519, rsaKey, edSig)
  mismatch('DSA key with sha256WithRSA', OID.sha256Rsa, spki(dsa.publicKey), rsaSig)
  const malformedKey = (name: string, key: Uint8Array) =>
    add(
      name,
      { algorithm: { oid: OID.sha256Rsa }, publicKey: key, data, signature: rsaSig },
      'malformed-key',
    )
  malformedKey('truncated SPKI', rsaKey.subarray(0, rsaKey.length - 1))
  malformedKey('SPKI with trailing byte', concatBytes(rsaKey, Uint8Array.of(0)))
  malformedKey('empty SPKI', new Uint8Array(0))
  malformedKey(
    'unknown key algorithm',
    encodeElement(
      0x30,
      concatBytes(encodeElement(0x30, encodeOid('1.2.3.4')), encodeElement(0x03, fromHex('0000'))),
    ),
  )
  const offCurve = encodeEcSpki(
    'P-256',
    flip(u8(p256.publicKey.export({ format: 'der', type: 'spki' })).subarray(-65)),
  )
  add(
    'P-256 point off the curve',
    {
      algorithm: { oid: OID.ecdsa256 },
      publicKey: offCurve,
      data,
      signature: u8(sign('sha256', data, p256.privateKey)),
    },
    'malformed-key',
  )
  add(
    'unknown signature OID',
    { algorithm: { oid: '1.2.3.4.5' }, publicKey: rsaKey, data, signature: rsaSig },
    'unsupported-algorithm',
  )
  return v
}
