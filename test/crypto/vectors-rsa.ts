/**
 * RSA PKCS#1 v1.5 and RSASSA-PSS vectors.
 */
import { execFileSync } from 'node:child_process'
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { concatBytes, fromHex } from '../../src/crypto/bytes.js'
import { encodeElement, encodeOid, encodeUnsignedInteger } from '../../src/crypto/der.js'
import { flip, spki, type VectorSet } from './vectors.js'

const HASH_OID: Record<string, string> = {
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
}
const PSS = '1.2.840.113549.1.1.10'
const SHA256_RSA = '1.2.840.113549.1.1.11'

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

/** Signs with the OpenSSL CLI using RSA-PSS and a separate MGF1 hash. */
function opensslPss(key: KeyObject, data: Uint8Array, h: string, mgf: string, salt: number) {
  const dir = mkdtempSync(join(tmpdir(), 'yrd-pss-'))
  try {
    writeFileSync(join(dir, 'k.pem'), key.export({ format: 'pem', type: 'pkcs8' }))
    writeFileSync(join(dir, 'd.bin'), data)
    const opts = [`rsa_padding_mode:pss`, `rsa_mgf1_md:${mgf}`, `rsa_pss_saltlen:${salt}`]
    const args = ['dgst', `-${h}`, '-sign', 'k.pem', ...opts.flatMap((o) => ['-sigopt', o])]
    execFileSync('openssl', [...args, '-out', 's.bin', 'd.bin'], { cwd: dir, stdio: 'pipe' })
    return new Uint8Array(readFileSync(join(dir, 's.bin')))
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Adds the RSA vectors to `v`. */
export function rsaVectors(v: VectorSet): void {
  const { data } = v
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const rsa1024 = generateKeyPairSync('rsa', { modulusLength: 1024 })
  const key = spki(rsa.publicKey)
  const pkcs1 = [
    ['sha1', '1.2.840.113549.1.1.5'],
    ['sha224', '1.2.840.113549.1.1.14'],
    ['sha256', SHA256_RSA],
    ['sha384', '1.2.840.113549.1.1.12'],
    ['sha512', '1.2.840.113549.1.1.13'],
  ] as const
  for (const [h, oid] of pkcs1) {
    v.good(`RSA-2048 PKCS#1 ${h}`, oid, key, new Uint8Array(sign(h, data, rsa.privateKey)))
  }
  const sig = new Uint8Array(sign('sha256', data, rsa.privateKey))
  v.add('RSA PKCS#1 flipped signature', SHA256_RSA, key, flip(sig), 'signature-mismatch')
  v.add(
    'RSA PKCS#1 sha256 sig under sha384 OID',
    '1.2.840.113549.1.1.12',
    key,
    sig,
    'signature-mismatch',
  )
  v.add('RSA PKCS#1 short signature', SHA256_RSA, key, sig.subarray(1), 'malformed-signature')
  v.add('RSA PKCS#1 NULL parameters', SHA256_RSA, key, sig, true, {
    parameters: fromHex('0500'),
  })
  v.add('RSA PKCS#1 bogus parameters', SHA256_RSA, key, sig, 'unsupported-algorithm', {
    parameters: fromHex('020101'),
  })
  const md5 = new Uint8Array(sign('md5', data, rsa.privateKey))
  v.add('md5WithRSAEncryption refused', '1.2.840.113549.1.1.4', key, md5, 'unsupported-algorithm')
  const small = new Uint8Array(sign('sha256', data, rsa1024.privateKey))
  v.good('RSA-1024 PKCS#1 sha256', SHA256_RSA, spki(rsa1024.publicKey), small)

  const pssSign = (h: string, salt: number) =>
    new Uint8Array(sign(h, data, { key: rsa.privateKey, padding: 6, saltLength: salt }))
  const pssCases = [
    ['sha256', 32],
    ['sha256', 0],
    ['sha384', 48],
    ['sha512', 20],
    ['sha1', 20],
  ]
  for (const [h, salt] of pssCases as [string, number][]) {
    const s = pssSign(h, salt)
    v.good(`RSA-PSS ${h} salt ${salt}`, PSS, key, s, { parameters: pssParams(h, h, salt) })
    v.add(`RSA-PSS ${h} salt ${salt} wrong salt length`, PSS, key, s, 'signature-mismatch', {
      parameters: pssParams(h, h, salt + 1),
    })
  }
  const mixed = opensslPss(rsa.privateKey, data, 'sha256', 'sha1', 32)
  v.add('RSA-PSS sha256 with MGF1-sha1 (OpenSSL)', PSS, key, mixed, true, {
    parameters: pssParams('sha256', 'sha1', 32),
  })
  v.add('RSA-PSS MGF1 hash confusion', PSS, key, mixed, 'signature-mismatch', {
    parameters: pssParams('sha256', 'sha256', 32),
  })
  const s256 = pssSign('sha256', 32)
  v.add('RSA-PSS without parameters', PSS, key, s256, 'unsupported-algorithm')
  v.add('RSA-PSS garbage parameters', PSS, key, s256, 'unsupported-algorithm', {
    parameters: fromHex('3003a00100'),
  })

  const pss = generateKeyPairSync('rsa-pss', {
    modulusLength: 2048,
    hashAlgorithm: 'sha256',
    mgf1HashAlgorithm: 'sha256',
  })
  const pssKey = spki(pss.publicKey)
  const pssSig = new Uint8Array(sign('sha256', data, { key: pss.privateKey, saltLength: 32 }))
  v.add('RSA-PSS with id-RSASSA-PSS key', PSS, pssKey, pssSig, true, {
    parameters: pssParams('sha256', 'sha256', 32),
  })
  v.add(
    'id-RSASSA-PSS key for sha256 used with sha512',
    PSS,
    pssKey,
    pssSig,
    'key-algorithm-mismatch',
    { parameters: pssParams('sha512', 'sha512', 64) },
  )
  v.add('PKCS#1 with id-RSASSA-PSS key', SHA256_RSA, pssKey, pssSig, 'key-algorithm-mismatch')
}
