import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setCryptoBackend } from '../../src/crypto/backend.js'
import type { CryptoBackend } from '../../src/crypto/backend-types.js'
import { nodeCryptoBackend } from '../../src/crypto/node-backend.js'
import { prepare } from '../../src/crypto/prepare.js'
import { pureCryptoBackend } from '../../src/crypto/pure-backend.js'
import { verifySignature } from '../../src/crypto/verify.js'
import { webCryptoBackend } from '../../src/crypto/webcrypto-backend.js'
import { makeVectors, type Vector } from './vectors.js'

let vectors: Vector[] = []
beforeAll(() => {
  vectors = makeVectors()
})
afterEach(() => setCryptoBackend(webCryptoBackend))

const BACKENDS: CryptoBackend[] = [webCryptoBackend, nodeCryptoBackend, pureCryptoBackend]

describe('crypto backends agree', () => {
  for (const backend of BACKENDS) {
    it(`verifySignature gives the expected answers with the ${backend.name} backend`, async () => {
      setCryptoBackend(backend)
      for (const v of vectors) {
        const check = await verifySignature(v.req)
        expect(check.valid ? true : check.reason, `${backend.name}: ${v.name}`).toBe(v.expected)
      }
    })
  }

  it('every backend primitive answers alike (or unsupported) on each vector', async () => {
    let compared = 0
    for (const v of vectors) {
      const p = prepare(v.req)
      if (p.kind !== 'primitive') continue
      const answers = await Promise.all(BACKENDS.map((b) => b.verify(p.req)))
      const pure = answers[2]
      expect(pure, `pure: ${v.name}`).not.toBe('unsupported')
      for (const a of answers) if (a !== 'unsupported') expect(a, v.name).toBe(pure)
      expect(pure, v.name).toBe(v.expected === true)
      compared++
    }
    expect(compared).toBeGreaterThanOrEqual(55)
  })

  it('the Node backend declines PSS with a different MGF1 hash instead of guessing', async () => {
    const v = vectors.find((x) => x.name === 'RSA-PSS sha256 with MGF1-sha1 (OpenSSL)')
    const p = v === undefined ? undefined : prepare(v.req)
    expect(p?.kind).toBe('primitive')
    if (p?.kind !== 'primitive') return
    expect(await nodeCryptoBackend.verify(p.req)).toBe('unsupported')
    expect(await pureCryptoBackend.verify(p.req)).toBe(true)
  })
})

describe('WebCrypto path', () => {
  it('is really used for RSA, PSS, ECDSA and Ed25519 and agrees with the expectation', async () => {
    const { webCryptoVerify } = await import('../../src/crypto/webcrypto-backend.js')
    const subtle = globalThis.crypto.subtle
    let native = 0
    for (const v of vectors) {
      const p = prepare(v.req)
      if (p.kind !== 'primitive') continue
      const answer = await webCryptoVerify(subtle, p.req)
      if (answer === 'unsupported') {
        const unsupported =
          p.req.scheme === 'dsa' ||
          ('hash' in p.req && p.req.hash === 'SHA-224') ||
          (p.req.scheme === 'rsa-pss' && p.req.mgfHash !== p.req.hash)
        expect(unsupported, v.name).toBe(true)
        continue
      }
      expect(answer, v.name).toBe(v.expected === true)
      native++
    }
    expect(native).toBeGreaterThanOrEqual(40)
  })
})
