import fc from 'fast-check'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { SIGNATURE_ALGORITHMS } from '../../src/crypto/algorithms.js'
import { setCryptoBackend } from '../../src/crypto/backend.js'
import { fromHex } from '../../src/crypto/bytes.js'
import { verifySignature } from '../../src/crypto/verify.js'
import { webCryptoBackend } from '../../src/crypto/webcrypto-backend.js'
import { makeVectors, type Vector } from './vectors.js'

let vectors: Vector[] = []
beforeAll(() => {
  vectors = makeVectors()
})
afterEach(() => setCryptoBackend(webCryptoBackend))

describe('verifySignature (default WebCrypto/portable backend)', () => {
  it('gives the expected answer for every generated vector', async () => {
    expect(vectors.length).toBeGreaterThan(80)
    for (const v of vectors) {
      const check = await verifySignature(v.req)
      const got = check.valid ? true : check.reason
      expect(got, v.name).toBe(v.expected)
      if (check.valid) expect(check.algorithm.length, v.name).toBeGreaterThan(0)
      else expect(check.message, v.name).toMatch(/[\u4e00-\u9fff].* \/ [a-z]/)
    }
  })

  it('names the algorithm that verified', async () => {
    const v = vectors.find((x) => x.name === 'RSA-PSS sha384 salt 48 good')
    expect(v).toBeDefined()
    if (v === undefined) return
    expect(await verifySignature(v.req)).toEqual({ valid: true, algorithm: 'RSASSA-PSS/SHA-384' })
  })

  it('never throws and never accepts random keys and signatures', async () => {
    const oids = [...SIGNATURE_ALGORITHMS.keys()]
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...oids),
        fc.option(fc.uint8Array({ maxLength: 40 }), { nil: undefined }),
        fc.uint8Array({ maxLength: 300 }),
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom<'der' | 'raw' | undefined>('der', 'raw', undefined),
        async (oid, parameters, publicKey, signature, ecdsaFormat) => {
          const req = {
            algorithm: parameters === undefined ? { oid } : { oid, parameters },
            publicKey,
            data: fromHex('00'),
            signature,
            ...(ecdsaFormat === undefined ? {} : { ecdsaFormat }),
          }
          const check = await verifySignature(req)
          expect(check.valid).toBe(false)
        },
      ),
      { numRuns: 400 },
    )
  })

  it('never throws when valid keys meet random signatures', async () => {
    const goods = vectors.filter((v) => v.expected === true)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...goods),
        fc.uint8Array({ maxLength: 600 }),
        async (v, signature) => {
          const check = await verifySignature({ ...v.req, signature })
          expect(check.valid).toBe(false)
        },
      ),
      { numRuns: 300 },
    )
  })
})
