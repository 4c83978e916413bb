import { generateKeyPairSync } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { describeSignatureAlgorithm } from '../../src/crypto/algorithm-strength.js'
import {
  CURVES,
  KEY_ALGORITHMS,
  SIGNATURE_ALGORITHMS,
  signatureAlgorithmByOid,
} from '../../src/crypto/algorithms.js'
import { pssParams } from './vectors.js'

const spki = (bits: number): Uint8Array =>
  new Uint8Array(
    generateKeyPairSync('rsa', { modulusLength: bits }).publicKey.export({
      format: 'der',
      type: 'spki',
    }),
  )

describe('algorithm table', () => {
  it('knows every required signature OID with its scheme and hash', () => {
    const expected: [string, string, string | undefined][] = [
      ['1.2.840.113549.1.1.5', 'rsa-pkcs1', 'SHA-1'],
      ['1.2.840.113549.1.1.14', 'rsa-pkcs1', 'SHA-224'],
      ['1.2.840.113549.1.1.11', 'rsa-pkcs1', 'SHA-256'],
      ['1.2.840.113549.1.1.12', 'rsa-pkcs1', 'SHA-384'],
      ['1.2.840.113549.1.1.13', 'rsa-pkcs1', 'SHA-512'],
      ['1.2.840.113549.1.1.10', 'rsa-pss', undefined],
      ['1.2.840.10045.4.1', 'ecdsa', 'SHA-1'],
      ['1.2.840.10045.4.3.1', 'ecdsa', 'SHA-224'],
      ['1.2.840.10045.4.3.2', 'ecdsa', 'SHA-256'],
      ['1.2.840.10045.4.3.3', 'ecdsa', 'SHA-384'],
      ['1.2.840.10045.4.3.4', 'ecdsa', 'SHA-512'],
      ['1.3.101.112', 'ed25519', undefined],
      ['1.2.156.10197.1.501', 'sm2', 'SM3'],
      ['1.2.840.10040.4.3', 'dsa', 'SHA-1'],
      ['2.16.840.1.101.3.4.3.1', 'dsa', 'SHA-224'],
      ['2.16.840.1.101.3.4.3.2', 'dsa', 'SHA-256'],
    ]
    for (const [oid, scheme, hash] of expected) {
      const a = signatureAlgorithmByOid(oid)
      expect(a?.scheme, oid).toBe(scheme)
      expect(a?.hash, oid).toBe(hash)
      expect(a?.supported, oid).toBe(true)
    }
    expect(signatureAlgorithmByOid('1.2.840.113549.1.1.4')?.supported).toBe(false)
    expect(signatureAlgorithmByOid('1.2.156.10197.501')).toBeUndefined()
    expect(SIGNATURE_ALGORITHMS.size).toBe(expected.length + 2)
  })

  it('knows the SPKI key algorithms and named curves, including SM2', () => {
    expect(KEY_ALGORITHMS.get('1.2.840.10045.2.1')?.type).toBe('ec')
    expect(KEY_ALGORITHMS.get('1.2.840.113549.1.1.1')?.type).toBe('rsa')
    expect(KEY_ALGORITHMS.get('1.3.101.112')?.type).toBe('ed25519')
    expect(KEY_ALGORITHMS.get('1.2.840.10040.4.1')?.type).toBe('dsa')
    expect(CURVES.get('1.2.156.10197.1.301')).toBe('SM2')
    expect(CURVES.get('1.3.132.0.35')).toBe('P-521')
  })
})

describe('describeSignatureAlgorithm', () => {
  it('flags SHA-1 and MD5 as weak', () => {
    const sha1 = describeSignatureAlgorithm({ oid: '1.2.840.10045.4.1' })
    expect(sha1).toMatchObject({ known: true, weak: true, weakReasons: ['sha1'] })
    const md5 = describeSignatureAlgorithm({ oid: '1.2.840.113549.1.1.4' })
    expect(md5).toMatchObject({ known: true, supported: false, weak: true, weakReasons: ['md5'] })
    const sm2 = describeSignatureAlgorithm({ oid: '1.2.156.10197.1.501' })
    expect(sm2).toMatchObject({ known: true, name: 'SM2-with-SM3', hash: 'SM3', weak: false })
  })

  it('flags RSA keys under 2048 bits and reads the PSS hash from the parameters', () => {
    const small = describeSignatureAlgorithm({ oid: '1.2.840.113549.1.1.11' }, spki(1024))
    expect(small).toMatchObject({ weak: true, weakReasons: ['rsa-key-size'], keyBits: 1024 })
    const big = describeSignatureAlgorithm({ oid: '1.2.840.113549.1.1.11' }, spki(2048))
    expect(big).toMatchObject({ weak: false, keyBits: 2048 })
    const pss = describeSignatureAlgorithm({
      oid: '1.2.840.113549.1.1.10',
      parameters: pssParams('sha1', 'sha1', 20),
    })
    expect(pss).toMatchObject({ hash: 'SHA-1', weak: true })
  })

  it('reports unknown OIDs as unknown', () => {
    expect(describeSignatureAlgorithm({ oid: '1.2.3' })).toEqual({ known: false, oid: '1.2.3' })
  })
})
