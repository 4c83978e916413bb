import * as fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { signRegistry } from '../../fixtures/make/registry.js'
import { RegistryError } from '../../src/registry/errors.js'
import type { LoadRegistryOptions } from '../../src/registry/load.js'
import { loadRegistry } from '../../src/registry/load.js'
import { NOW, baseDocument, bytesOf, makeCertificate, makeKey } from './helpers.js'

describe('loadRegistry on corrupted bytes', () => {
  let bytes: Uint8Array
  let sha256: string
  let options: LoadRegistryOptions

  beforeAll(async () => {
    const key = await makeKey('ES256')
    const doc = baseDocument([await makeCertificate('Shanghai CA')])
    bytes = bytesOf(await signRegistry(doc, key.privatePem, key.kid))
    options = { operatorKeys: [key.publicJwk], now: NOW }
    sha256 = (await loadRegistry(bytes, options)).sha256
  })

  it('either refuses with a RegistryError or yields the very same signed content', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 100_000 }),
        fc.integer({ min: 1, max: 255 }),
        async (position, xor) => {
          const changed = bytes.slice()
          const at = position % changed.length
          changed[at] = (changed[at] ?? 0) ^ xor
          try {
            const registry = await loadRegistry(changed, options)
            expect(registry.sha256).toBe(sha256)
          } catch (e) {
            expect(e).toBeInstanceOf(RegistryError)
          }
        },
      ),
      { numRuns: 300 },
    )
  })
})
