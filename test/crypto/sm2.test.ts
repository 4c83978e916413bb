import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { bigIntToBytes, concatBytes, fromHex, toHex, utf8 } from '../../src/crypto/bytes.js'
import { encodeUnsignedInteger, encodeElement } from '../../src/crypto/der.js'
import { CryptoError } from '../../src/crypto/errors.js'
import { hash } from '../../src/crypto/hash.js'
import { encodeDerRs } from '../../src/crypto/rs-signature.js'
import {
  sm2ClearKeyCache,
  sm2MessageDigest,
  sm2PublicKeyFromPrivate,
  sm2Sign,
  sm2Verify,
  sm2Z,
} from '../../src/crypto/sm2.js'
import { SM2_CURVE } from '../../src/crypto/sm2-curve.js'
import { encodeEcSpki } from '../../src/crypto/spki.js'

/**
 * The signature example on the recommended curve (GM/T 0003.5-2012 Annex A.2, repeated in
 * GB/T 32918.5-2017): its published values hold with the default ID 1234567812345678
 * (ALICE123@YAHOO.COM belongs to the GB/T 32918.2 Annex A example on the test curve).
 */
const KAT = {
  d: '3945208F7B2144B13F36E38AC6D39F95889393692860B51A42FB81EF4DF7C5B8',
  px: '09F9DF311E5421A150DD7D161E4BC5C672179FAD1833FC076BB08FF356F35020',
  py: 'CCEA490CE26775A52DC6EA718CC1AA600AED05FBF35E084A6632F6072DA9AD13',
  z: 'B2E14C5C79C6DF5B85F4FE7ED8DB7A262B9DA7E07CCB0EA9F4747B8CCDA8A4F3',
  e: 'F0B43E94BA45ACCAACE692ED534382EB17E6AB5A19CE7B31F4486FDFC0D28640',
  r: 'F5A03B0648D2C4630EEAC513E1BB81A15944DA3827D5B74143AC7EACEEE720B3',
  s: 'B1B6AA29DF212FD8763182BC0D421CA1BB9038FD1F7F42D4840B69C485BBC1AA',
}
const priv = fromHex(KAT.d)
const pub = fromHex('04' + KAT.px + KAT.py)
const msg = utf8('message digest')
const rawSig = fromHex(KAT.r + KAT.s)
const derSig = encodeDerRs({ r: BigInt('0x' + KAT.r), s: BigInt('0x' + KAT.s) })
const N = SM2_CURVE.n

describe('SM2 published example (GM/T 0003.5 A.2 / GB/T 32918.5)', () => {
  it('derives the published public key', () => {
    expect(toHex(sm2PublicKeyFromPrivate(priv))).toBe(toHex(pub))
  })

  it('computes the published Z and e', () => {
    expect(toHex(sm2Z(pub)).toUpperCase()).toBe(KAT.z)
    expect(toHex(sm2MessageDigest(pub, msg)).toUpperCase()).toBe(KAT.e)
  })

  it('verifies the published (r, s) as raw r||s, DER and with an SPKI key', () => {
    expect(sm2Verify(pub, msg, rawSig)).toBe(true)
    expect(sm2Verify(pub, msg, derSig)).toBe(true)
    expect(sm2Verify(encodeEcSpki('SM2', pub), msg, derSig)).toBe(true)
  })

  it('rejects the published signature under ALICE123@YAHOO.COM or another message', () => {
    expect(sm2Verify(pub, msg, rawSig, utf8('ALICE123@YAHOO.COM'))).toBe(false)
    expect(sm2Verify(pub, utf8('message digesT'), rawSig)).toBe(false)
  })
})

describe('sm2Verify rejects bad input without throwing', () => {
  const r = BigInt('0x' + KAT.r)
  const s = BigInt('0x' + KAT.s)
  const cases: [string, Uint8Array, Uint8Array?][] = [
    ['r = 0', encodeDerRs({ r: 0n, s })],
    ['s = 0 (raw)', concatBytes(fromHex(KAT.r), new Uint8Array(32))],
    ['s = n', encodeDerRs({ r, s: N })],
    ['s > n (raw)', concatBytes(fromHex(KAT.r), bigIntToBytes(N + 5n, 32))],
    ['r = n', encodeDerRs({ r: N, s })],
    ['r + s = n', encodeDerRs({ r, s: N - r })],
    ['negative r', encodeElement(0x30, concatBytes(fromHex('0201ff'), encodeUnsignedInteger(s)))],
    ['DER with trailing byte', concatBytes(derSig, Uint8Array.of(0))],
    [
      'DER with a third INTEGER',
      encodeElement(0x30, concatBytes(derSig.subarray(2), fromHex('020101'))),
    ],
    ['truncated DER', derSig.subarray(0, derSig.length - 1)],
    ['63 raw bytes', rawSig.subarray(0, 63)],
    ['empty signature', new Uint8Array(0)],
    ['garbage DER', fromHex('3003020100')],
    [
      'point not on curve',
      rawSig,
      concatBytes(pub.subarray(0, 64), Uint8Array.of((pub[64] ?? 0) ^ 1)),
    ],
    ['empty key', rawSig, new Uint8Array(0)],
    ['P-256 SPKI', rawSig, encodeEcSpki('P-256', pub)],
    ['garbage SPKI', rawSig, fromHex('3003020100')],
  ]
  for (const [name, sig, key] of cases) {
    it(name, () => {
      expect(sm2Verify(key ?? pub, msg, sig)).toBe(false)
    })
  }

  it('rejects a signature whose s was changed by one', () => {
    expect(sm2Verify(pub, msg, encodeDerRs({ r, s: s + 1n }))).toBe(false)
  })

  it('never throws on random signatures and keys', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 80 }), (a, b) => {
        expect(sm2Verify(pub, msg, a)).toBe(false)
        expect(typeof sm2Verify(b, msg, a)).toBe('boolean')
      }),
      { numRuns: 500 },
    )
  })
})

describe('sm2Sign', () => {
  it('is deterministic: the same inputs give identical bytes', () => {
    const a = sm2Sign(priv, msg)
    const b = sm2Sign(priv, msg)
    expect(toHex(a)).toBe(toHex(b))
    expect(toHex(sm2Sign(priv, utf8('other')))).not.toBe(toHex(a))
  })

  it('signs in DER by default and raw on request, both verifiable', () => {
    const der = sm2Sign(priv, msg)
    const raw = sm2Sign(priv, msg, { der: false })
    expect(der[0]).toBe(0x30)
    expect(raw.length).toBe(64)
    expect(sm2Verify(pub, msg, der)).toBe(true)
    expect(sm2Verify(pub, msg, raw)).toBe(true)
  })

  it('honours a custom user ID', () => {
    const id = utf8('ALICE123@YAHOO.COM')
    const sig = sm2Sign(priv, msg, { userId: id })
    expect(sm2Verify(pub, msg, sig, id)).toBe(true)
    expect(sm2Verify(pub, msg, sig)).toBe(false)
  })

  it('round-trips for random keys and messages', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: N - 2n }),
        fc.uint8Array({ maxLength: 200 }),
        (d, m) => {
          const key = bigIntToBytes(d, 32)
          const p = sm2PublicKeyFromPrivate(key)
          const sig = sm2Sign(key, m)
          expect(sm2Verify(p, m, sig)).toBe(true)
          expect(sm2Verify(p, concatBytes(m, Uint8Array.of(1)), sig)).toBe(false)
        },
      ),
      { numRuns: 25 },
    )
  })

  it('refuses private keys out of range', () => {
    for (const d of [0n, N - 1n, N]) {
      const key = d < 1n << 256n ? bigIntToBytes(d, 32) : new Uint8Array(32)
      expect(() => sm2Sign(key, msg)).toThrow(CryptoError)
    }
    expect(() => sm2PublicKeyFromPrivate(new Uint8Array(31))).toThrow(CryptoError)
  })
})

describe('SM2 key cache', () => {
  it('keeps verifying correctly once a key has a precomputed table', () => {
    sm2ClearKeyCache()
    const good = sm2Sign(priv, msg)
    const bad = sm2Sign(priv, utf8('another message'))
    for (let i = 0; i < 5; i++) {
      expect(sm2Verify(pub, msg, good)).toBe(true)
      expect(sm2Verify(pub, msg, bad)).toBe(false)
      expect(sm2Verify(pub, msg, rawSig)).toBe(true)
    }
  })

  it('stays correct when more keys than its capacity rotate through it', () => {
    sm2ClearKeyCache()
    const keys = Array.from({ length: 66 }, (_, i) => hash('SHA-256', Uint8Array.of(i)))
    const pubs = keys.map((k) => sm2PublicKeyFromPrivate(k))
    const sigs = keys.map((k) => sm2Sign(k, msg))
    for (let i = 0; i < keys.length; i++) {
      expect(sm2Verify(pubs[i] ?? pub, msg, sigs[i] ?? rawSig)).toBe(true)
      expect(sm2Verify(pubs[i] ?? pub, utf8('x'), sigs[i] ?? rawSig)).toBe(false)
    }
    // The first keys were evicted; they must decode and verify again from scratch.
    expect(sm2Verify(pubs[0] ?? pub, msg, sigs[0] ?? rawSig)).toBe(true)
    expect(sm2Verify(pubs[0] ?? pub, msg, sigs[1] ?? rawSig)).toBe(false)
  })
})
