/**
 * ECDSA, Ed25519, DSA and SM2 vectors, key/algorithm mismatches and malformed keys.
 */
import { generateKeyPairSync, sign } from 'node:crypto'
import { concatBytes, fromHex, utf8 } from '../../src/crypto/bytes.js'
import { encodeElement, encodeOid } from '../../src/crypto/der.js'
import { sm2PublicKeyFromPrivate, sm2Sign } from '../../src/crypto/sm2.js'
import { encodeEcSpki } from '../../src/crypto/spki.js'
import { flip, spki, type VectorSet } from './vectors.js'

const OID = {
  ecdsa1: '1.2.840.10045.4.1',
  ecdsa256: '1.2.840.10045.4.3.2',
  ecdsa384: '1.2.840.10045.4.3.3',
  ecdsa512: '1.2.840.10045.4.3.4',
  ed25519: '1.3.101.112',
  sm2: '1.2.156.10197.1.501',
  dsa1: '1.2.840.10040.4.3',
  dsa256: '2.16.840.1.101.3.4.3.2',
  sha256Rsa: '1.2.840.113549.1.1.11',
} as const
const P256_N = 'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551'

function ecdsaVectors(v: VectorSet): { p256: ReturnType<typeof ec>; key: Uint8Array } {
  const { data } = v
  const p256 = ec('P-256')
  const p384 = ec('P-384')
  const p521 = ec('P-521')
  const cases = [
    ['P-256', p256, 'sha256', OID.ecdsa256],
    ['P-384', p384, 'sha384', OID.ecdsa384],
    ['P-521', p521, 'sha512', OID.ecdsa512],
    ['P-256', p256, 'sha512', OID.ecdsa512],
    ['P-521', p521, 'sha1', OID.ecdsa1],
  ] as const
  for (const [curve, pair, h, oid] of cases) {
    const key = spki(pair.publicKey)
    const der = new Uint8Array(sign(h, data, pair.privateKey))
    v.good(`ECDSA ${curve} ${h} DER`, oid, key, der)
    const opts = { key: pair.privateKey, dsaEncoding: 'ieee-p1363' as const }
    const raw = new Uint8Array(sign(h, data, opts))
    v.good(`ECDSA ${curve} ${h} raw`, oid, key, raw, { ecdsaFormat: 'raw' })
    v.add(`ECDSA ${curve} ${h} raw given as DER`, oid, key, raw, 'malformed-signature')
    v.add(`ECDSA ${curve} ${h} DER given as raw`, oid, key, der, 'malformed-signature', {
      ecdsaFormat: 'raw',
    })
  }
  const key = spki(p256.publicKey)
  const raw = new Uint8Array(
    sign('sha256', data, { key: p256.privateKey, dsaEncoding: 'ieee-p1363' }),
  )
  const rZero = concatBytes(new Uint8Array(32), raw.subarray(32))
  v.add('ECDSA r = 0', OID.ecdsa256, key, rZero, 'malformed-signature', { ecdsaFormat: 'raw' })
  const sN = concatBytes(raw.subarray(0, 32), fromHex(P256_N))
  v.add('ECDSA s = n', OID.ecdsa256, key, sN, 'malformed-signature', { ecdsaFormat: 'raw' })
  v.add('ECDSA with parameters', OID.ecdsa256, key, raw, 'unsupported-algorithm', {
    ecdsaFormat: 'raw',
    parameters: fromHex('0500'),
  })
  return { p256, key }
}

const ec = (namedCurve: string) => generateKeyPairSync('ec', { namedCurve })

/** Adds the non-RSA vectors to `v`. */
export function otherVectors(v: VectorSet): void {
  const { data } = v
  const { p256, key: p256Key } = ecdsaVectors(v)
  const ed = generateKeyPairSync('ed25519')
  const edKey = spki(ed.publicKey)
  const edSig = new Uint8Array(sign(null, data, ed.privateKey))
  v.good('Ed25519', OID.ed25519, edKey, edSig)
  v.add('Ed25519 flipped signature', OID.ed25519, edKey, flip(edSig, 3), 'signature-mismatch')
  v.add('Ed25519 63-byte signature', OID.ed25519, edKey, edSig.subarray(1), 'malformed-signature')

  const dsa = generateKeyPairSync('dsa', { modulusLength: 2048, divisorLength: 256 })
  const dsa1024 = generateKeyPairSync('dsa', { modulusLength: 1024, divisorLength: 160 })
  const dsaKey = spki(dsa.publicKey)
  v.good(
    'DSA-2048/256 sha256',
    OID.dsa256,
    dsaKey,
    new Uint8Array(sign('sha256', data, dsa.privateKey)),
  )
  const s1024 = new Uint8Array(sign('sha1', data, dsa1024.privateKey))
  v.good('DSA-1024/160 sha1', OID.dsa1, spki(dsa1024.publicKey), s1024)
  v.add('DSA raw signature', OID.dsa256, dsaKey, new Uint8Array(64), 'malformed-signature')

  const sm2Priv = fromHex('3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8')
  const sm2Key = encodeEcSpki('SM2', sm2PublicKeyFromPrivate(sm2Priv))
  const sm2Sig = sm2Sign(sm2Priv, data)
  v.good('SM2-with-SM3', OID.sm2, sm2Key, sm2Sig)
  v.add('SM2 raw r||s', OID.sm2, sm2Key, sm2Sign(sm2Priv, data, { der: false }), true)
  v.add('SM2 other user ID', OID.sm2, sm2Key, sm2Sig, 'signature-mismatch', {
    sm2UserId: utf8('ALICE123@YAHOO.COM'),
  })
  const alice = sm2Sign(sm2Priv, data, { userId: utf8('ALICE') })
  v.add('SM2 custom user ID', OID.sm2, sm2Key, alice, true, { sm2UserId: utf8('ALICE') })
  v.add('SM2 garbage signature', OID.sm2, sm2Key, fromHex('3003020100'), 'malformed-signature')

  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const rsaKey = spki(rsa.publicKey)
  const rsaSig = new Uint8Array(sign('sha256', data, rsa.privateKey))
  const ecSig = new Uint8Array(sign('sha256', data, p256.privateKey))
  const mismatch = (name: string, oid: string, key: Uint8Array, sig: Uint8Array) =>
    v.add(name, oid, key, sig, 'key-algorithm-mismatch')
  mismatch('RSA key with ecdsa-with-SHA256', OID.ecdsa256, rsaKey, ecSig)
  mismatch('SM2 key with ecdsa-with-SHA256', OID.ecdsa256, sm2Key, sm2Sig)
  mismatch('P-256 key with SM2-with-SM3', OID.sm2, p256Key, ecSig)
  mismatch('Ed25519 key with sha256WithRSA', OID.sha256Rsa, edKey, rsaSig)
  mismatch('P-256 key with dsa-with-sha256', OID.dsa256, p256Key, ecSig)
  mismatch('RSA key with Ed25519', OID.ed25519, rsaKey, edSig)
  mismatch('DSA key with sha256WithRSA', OID.sha256Rsa, dsaKey, rsaSig)

  const badKey = (name: string, key: Uint8Array) =>
    v.add(name, OID.sha256Rsa, key, rsaSig, 'malformed-key')
  badKey('truncated SPKI', rsaKey.subarray(0, rsaKey.length - 1))
  badKey('SPKI with trailing byte', concatBytes(rsaKey, Uint8Array.of(0)))
  badKey('empty SPKI', new Uint8Array(0))
  const unknownAlg = encodeElement(0x30, encodeOid('1.2.3.4'))
  badKey('unknown key algorithm', encodeElement(0x30, concatBytes(unknownAlg, fromHex('03020000'))))
  const offCurve = encodeEcSpki('P-256', flip(p256Key.subarray(-65)))
  v.add('P-256 point off the curve', OID.ecdsa256, offCurve, ecSig, 'malformed-key')
  v.add('unknown signature OID', '1.2.3.4.5', rsaKey, rsaSig, 'unsupported-algorithm')
}
