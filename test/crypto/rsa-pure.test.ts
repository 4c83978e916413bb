import { generateKeyPairSync, sign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { utf8 } from '../../src/crypto/bytes.js'
import { rsaPkcs1VerifyPure, rsaPssVerifyPure } from '../../src/crypto/rsa-pure.js'
import { parseSpki } from '../../src/crypto/spki.js'

/** Odd modulus sizes exercise emLen = k − 1 (PSS) and leading zero bytes. */
const SIZES = [1024, 1025, 1031, 2049]

describe('portable RSA verification on unusual modulus sizes', () => {
  for (const bits of SIZES) {
    it(`PKCS#1 v1.5 and PSS agree with OpenSSL for a ${bits}-bit modulus`, () => {
      const pair = generateKeyPairSync('rsa', { modulusLength: bits })
      const der = new Uint8Array(pair.publicKey.export({ format: 'der', type: 'spki' }))
      const key = parseSpki(der).key
      expect(key.type).toBe('rsa')
      if (key.type !== 'rsa') return
      const data = utf8(`message for ${bits}`)
      const pk = new Uint8Array(sign('sha256', data, pair.privateKey))
      expect(rsaPkcs1VerifyPure(key.modulus, key.exponent, 'SHA-256', data, pk)).toBe(true)
      expect(rsaPkcs1VerifyPure(key.modulus, key.exponent, 'SHA-256', utf8('x'), pk)).toBe(false)
      for (const salt of [0, 20, 32]) {
        const opts = { key: pair.privateKey, padding: 6, saltLength: salt }
        const ps = new Uint8Array(sign('sha256', data, opts))
        const verify = (d: Uint8Array, s: number) =>
          rsaPssVerifyPure(key.modulus, key.exponent, 'SHA-256', 'SHA-256', s, d, ps)
        expect(verify(data, salt), `salt ${salt}`).toBe(true)
        expect(verify(utf8('x'), salt), `salt ${salt}`).toBe(false)
        expect(verify(data, salt + 1), `salt ${salt}`).toBe(false)
      }
    })
  }

  it('rejects a signature value not below the modulus', () => {
    const pair = generateKeyPairSync('rsa', { modulusLength: 1024 })
    const der = new Uint8Array(pair.publicKey.export({ format: 'der', type: 'spki' }))
    const key = parseSpki(der).key
    if (key.type !== 'rsa') throw new Error('expected RSA')
    const big = new Uint8Array(128).fill(0xff)
    expect(rsaPkcs1VerifyPure(key.modulus, key.exponent, 'SHA-256', utf8('m'), big)).toBe(false)
    expect(
      rsaPssVerifyPure(key.modulus, key.exponent, 'SHA-256', 'SHA-256', 32, utf8('m'), big),
    ).toBe(false)
  })
})
