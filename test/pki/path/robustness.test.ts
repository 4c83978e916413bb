import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { setCryptoBackend } from '../../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../../src/crypto/node-backend.js'
import { YrdError } from '../../../src/errors.js'
import { validateCertificatePath } from '../../../src/pki/validate.js'
import { makeCrl, simpleChain } from './helpers/pki.js'

beforeAll(() => setCryptoBackend(nodeCryptoBackend))

const chain = simpleChain()
const crls = [makeCrl({ issuer: chain.root }), makeCrl({ issuer: chain.ca })]

function mutate(bytes: Uint8Array, edits: readonly [number, number][]): Uint8Array {
  const out = bytes.slice()
  for (const [pos, value] of edits) out[pos % out.length] = value
  return out
}

describe('robustness against corrupted inputs', () => {
  it('never throws anything but a typed error and never accepts a corrupted leaf', async () => {
    const edit = fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
      minLength: 1,
      maxLength: 4,
    })
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1, 2), edit, async (target, edits) => {
        const leaf = target === 0 ? mutate(chain.leaf.der, edits) : chain.leaf.der
        const ca = target === 1 ? mutate(chain.ca.der, edits) : chain.ca.der
        const lists = target === 2 ? crls.map((c) => mutate(c, edits)) : crls
        try {
          const r = await validateCertificatePath({
            certificate: leaf,
            intermediates: [ca],
            trustAnchors: [chain.root.der],
            crls: lists,
            time: new Date('2025-06-01T00:00:00Z'),
          })
          const changed = target === 0 && leaf.some((b, i) => b !== chain.leaf.der[i])
          // Every byte of a DER certificate is signed or is the signature: no change may pass.
          if (changed) expect(r.valid).toBe(false)
        } catch (e) {
          expect(e).toBeInstanceOf(YrdError)
        }
      }),
      { numRuns: 150 },
    )
  })
})
