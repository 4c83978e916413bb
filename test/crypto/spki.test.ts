import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { concatBytes, fromHex } from '../../src/crypto/bytes.js'
import { encodeElement, encodeOid, encodeUnsignedInteger } from '../../src/crypto/der.js'
import { CryptoError } from '../../src/crypto/errors.js'
import { sm2PublicKeyFromPrivate } from '../../src/crypto/sm2.js'
import { encodeEcSpki, parseSpki } from '../../src/crypto/spki.js'

const seq = (...parts: Uint8Array[]) => encodeElement(0x30, concatBytes(...parts))
const bits = (b: Uint8Array) => encodeElement(0x03, concatBytes(Uint8Array.of(0), b))
const NULL = fromHex('0500')

function rsaSpki(n: bigint, e: bigint): Uint8Array {
  const alg = seq(encodeOid('1.2.840.113549.1.1.1'), NULL)
  return seq(alg, bits(seq(encodeUnsignedInteger(n), encodeUnsignedInteger(e))))
}

function expectKeyError(der: Uint8Array): void {
  try {
    parseSpki(der)
  } catch (e) {
    expect(e).toBeInstanceOf(CryptoError)
    expect(['CRYPTO_KEY_INVALID', 'CRYPTO_DER_INVALID']).toContain((e as CryptoError).code)
    return
  }
  throw new Error('expected the SPKI to be refused')
}

const n2048 = (1n << 2047n) + 12345n * 2n + 1n

describe('parseSpki', () => {
  it('parses keys made by node:crypto', () => {
    const der = (k: { export(o: object): unknown }) =>
      new Uint8Array(k.export({ format: 'der', type: 'spki' }) as Buffer)
    const rsa = parseSpki(der(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey))
    expect(rsa.key).toMatchObject({ type: 'rsa', bits: 2048, exponent: 65537n })
    const ec = parseSpki(der(generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey))
    expect(ec.key).toMatchObject({ type: 'ec', curve: 'P-384' })
    const ed = parseSpki(der(generateKeyPairSync('ed25519').publicKey))
    expect(ed.key.type).toBe('ed25519')
  })

  it('recognises SM2 keys by curve OID, also under the 1.2.156.10197.1.301 algorithm', () => {
    const point = sm2PublicKeyFromPrivate(fromHex('01'.padStart(64, '0')))
    expect(parseSpki(encodeEcSpki('SM2', point)).key).toMatchObject({ type: 'ec', curve: 'SM2' })
    const direct = seq(seq(encodeOid('1.2.156.10197.1.301')), bits(point))
    expect(parseSpki(direct).key).toMatchObject({ type: 'ec', curve: 'SM2' })
  })

  it('refuses RSA keys with a huge, even or tiny exponent, or an even modulus', () => {
    expect(parseSpki(rsaSpki(n2048, 65537n)).key.type).toBe('rsa')
    expectKeyError(rsaSpki(n2048, (1n << 80n) + 1n))
    expectKeyError(rsaSpki(n2048, 65536n))
    expectKeyError(rsaSpki(n2048, 1n))
    expectKeyError(rsaSpki(n2048 + 1n, 65537n))
    expectKeyError(rsaSpki(1n << 100n, 65537n))
  })

  it('refuses wrong or missing parameters', () => {
    const point = sm2PublicKeyFromPrivate(fromHex('02'.padStart(64, '0')))
    expectKeyError(seq(seq(encodeOid('1.2.840.10045.2.1')), bits(point)))
    expectKeyError(seq(seq(encodeOid('1.2.840.10045.2.1'), encodeOid('1.3.132.0.10')), bits(point)))
    expectKeyError(seq(seq(encodeOid('1.3.101.112'), NULL), bits(new Uint8Array(32))))
    expectKeyError(seq(seq(encodeOid('1.3.101.112')), bits(new Uint8Array(31))))
    expectKeyError(seq(seq(encodeOid('1.2.840.10040.4.1')), bits(encodeUnsignedInteger(5n))))
    const rsaWithOid = seq(seq(encodeOid('1.2.840.113549.1.1.1'), encodeOid('1.2.3')), bits(NULL))
    expectKeyError(rsaWithOid)
  })

  it('refuses BIT STRINGs with unused bits and trailing elements', () => {
    const point = sm2PublicKeyFromPrivate(fromHex('03'.padStart(64, '0')))
    const good = encodeEcSpki('SM2', point)
    const unused = good.slice()
    unused[unused.length - 66] = 1
    expectKeyError(unused)
    expectKeyError(seq(good.subarray(2), NULL))
  })
})
