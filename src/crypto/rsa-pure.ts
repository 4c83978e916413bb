/**
 * RSA signature verification in portable code (RFC 8017): PKCS#1 v1.5 by
 * encode-and-compare, and RSASSA-PSS with any MGF1 hash. Used when WebCrypto cannot.
 */
import { bigIntToBytes, bytesEqual, bytesToBigInt, concatBytes, fromHex } from './bytes.js'
import { createHasher, hash } from './hash.js'
import { HASH_LENGTH, type HashName } from './hash-types.js'
import { modPow } from './modular.js'

/** DER prefixes of DigestInfo (AlgorithmIdentifier with NULL parameters). */
const DIGEST_INFO_PREFIX: Readonly<Record<HashName, string>> = {
  MD5: '3020300c06082a864886f70d020505000410',
  'SHA-1': '3021300906052b0e03021a05000414',
  'SHA-224': '302d300d06096086480165030402040500041c',
  'SHA-256': '3031300d060960864801650304020105000420',
  'SHA-384': '3041300d060960864801650304020205000430',
  'SHA-512': '3051300d060960864801650304020305000440',
  SM3: '3030300c06082a811ccf5501831105000420',
}

function rsaPublic(modulus: bigint, exponent: bigint, signature: Uint8Array): bigint | undefined {
  const k = Math.ceil(modulus.toString(2).length / 8)
  if (signature.length !== k) return undefined
  const s = bytesToBigInt(signature)
  if (s >= modulus) return undefined
  return modPow(s, exponent, modulus)
}

/** RSASSA-PKCS1-v1_5 verification (RFC 8017 §8.2.2). */
export function rsaPkcs1VerifyPure(
  modulus: bigint,
  exponent: bigint,
  hashName: HashName,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  const m = rsaPublic(modulus, exponent, signature)
  if (m === undefined) return false
  const k = signature.length
  const t = concatBytes(fromHex(DIGEST_INFO_PREFIX[hashName]), hash(hashName, data))
  if (k < t.length + 11) return false
  const expected = new Uint8Array(k)
  expected[1] = 0x01
  expected.fill(0xff, 2, k - t.length - 1)
  expected.set(t, k - t.length)
  return bytesEqual(bigIntToBytes(m, k), expected)
}

function mgf1(hashName: HashName, seed: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length)
  const hLen = HASH_LENGTH[hashName]
  for (let counter = 0, offset = 0; offset < length; counter++, offset += hLen) {
    const h = createHasher(hashName)
    h.update(seed)
    h.update(
      Uint8Array.of(
        counter >>> 24,
        (counter >>> 16) & 0xff,
        (counter >>> 8) & 0xff,
        counter & 0xff,
      ),
    )
    const block = h.digest()
    out.set(block.subarray(0, Math.min(hLen, length - offset)), offset)
  }
  return out
}

/** RSASSA-PSS verification (RFC 8017 §8.1.2 and §9.1.2). */
export function rsaPssVerifyPure(
  modulus: bigint,
  exponent: bigint,
  hashName: HashName,
  mgfHash: HashName,
  saltLength: number,
  data: Uint8Array,
  signature: Uint8Array,
): boolean {
  const m = rsaPublic(modulus, exponent, signature)
  if (m === undefined) return false
  const emBits = modulus.toString(2).length - 1
  const emLen = Math.ceil(emBits / 8)
  const hLen = HASH_LENGTH[hashName]
  if (m.toString(2).length > emBits) return false
  const em = bigIntToBytes(m, emLen)
  if (emLen < hLen + saltLength + 2 || em[emLen - 1] !== 0xbc) return false
  const dbLen = emLen - hLen - 1
  const maskedDb = em.subarray(0, dbLen)
  const h = em.subarray(dbLen, dbLen + hLen)
  const topMask = 0xff >>> (8 * emLen - emBits)
  if (((maskedDb[0] ?? 0) & ~topMask & 0xff) !== 0) return false
  const db = mgf1(mgfHash, h, dbLen)
  for (let i = 0; i < dbLen; i++) db[i] = (db[i] ?? 0) ^ (maskedDb[i] ?? 0)
  db[0] = (db[0] ?? 0) & topMask
  const psLen = emLen - hLen - saltLength - 2
  for (let i = 0; i < psLen; i++) if (db[i] !== 0) return false
  if (db[psLen] !== 0x01) return false
  const salt = db.subarray(dbLen - saltLength)
  const mPrime = concatBytes(new Uint8Array(8), hash(hashName, data), salt)
  return bytesEqual(hash(hashName, mPrime), h)
}
