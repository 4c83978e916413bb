import { createHash } from 'node:crypto'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { setCryptoBackend } from '../../src/crypto/backend.js'
import { toHex, utf8 } from '../../src/crypto/bytes.js'
import { createHasher, hash, hashNameFromOid, hashOid } from '../../src/crypto/hash.js'
import { HASH_NAMES, type HashName } from '../../src/crypto/hash-types.js'
import { nodeCryptoBackend } from '../../src/crypto/node-backend.js'
import { createPureHasher } from '../../src/crypto/pure-hash.js'
import { webCryptoBackend } from '../../src/crypto/webcrypto-backend.js'

const NODE: Record<HashName, string> = {
  MD5: 'md5',
  'SHA-1': 'sha1',
  'SHA-224': 'sha224',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
  SM3: 'sm3',
}

afterEach(() => setCryptoBackend(webCryptoBackend))

describe('hash()', () => {
  for (const backend of [webCryptoBackend, nodeCryptoBackend]) {
    it(`computes every algorithm like OpenSSL with the ${backend.name} backend`, () => {
      setCryptoBackend(backend)
      const data = utf8('The quick brown fox jumps over the lazy dog')
      for (const name of HASH_NAMES) {
        expect(toHex(hash(name, data)), name).toBe(
          createHash(NODE[name]).update(data).digest('hex'),
        )
      }
    })
  }

  it("the Node backend's one-shot hash equals its streaming hasher", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (data) => {
        for (const name of HASH_NAMES) {
          const h = nodeCryptoBackend.createHasher(name)!
          h.update(data)
          expect(nodeCryptoBackend.hashOnce!(name, data), name).toEqual(h.digest())
        }
      }),
      { numRuns: 60, seed: 37 },
    )
  })

  it('streams identically to one-shot hashing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.nat(600), (data, cut) => {
        for (const name of HASH_NAMES) {
          const h = createHasher(name)
          h.update(data.subarray(0, cut))
          h.update(data.subarray(cut))
          expect(toHex(h.digest())).toBe(toHex(hash(name, data)))
        }
      }),
      { numRuns: 50 },
    )
  })

  it('pure and native hashers agree on random data', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (data) => {
        for (const name of HASH_NAMES) {
          const pure = createPureHasher(name)
          pure.update(data)
          const native = nodeCryptoBackend.createHasher(name)
          expect(native).toBeDefined()
          native?.update(data)
          expect(toHex(pure.digest())).toBe(toHex(native?.digest() ?? new Uint8Array()))
        }
      }),
      { numRuns: 50 },
    )
  })
})

describe('hashNameFromOid()', () => {
  it('maps digest OIDs including SM3 1.2.156.10197.1.401', () => {
    expect(hashNameFromOid('1.2.156.10197.1.401')).toBe('SM3')
    expect(hashNameFromOid('2.16.840.1.101.3.4.2.1')).toBe('SHA-256')
    expect(hashNameFromOid('1.3.14.3.2.26')).toBe('SHA-1')
    expect(hashNameFromOid('1.2.840.113549.2.5')).toBe('MD5')
  })

  it('returns undefined for unknown or inherited names', () => {
    expect(hashNameFromOid('1.2.156.10197.1.401.2')).toBeUndefined()
    expect(hashNameFromOid('toString')).toBeUndefined()
    expect(hashNameFromOid('')).toBeUndefined()
  })

  it('round-trips with hashOid()', () => {
    for (const name of HASH_NAMES) expect(hashNameFromOid(hashOid(name))).toBe(name)
  })
})
