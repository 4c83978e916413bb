import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defaultRegistry } from '../../src/registry/default.js'
import { loadEmbeddedRegistry, loadRegistry } from '../../src/registry/load.js'
import { TEST_OPERATOR_KEY } from '../../src/registry/test-operator.js'
import { makeKey } from './helpers.js'

const file = new URL('../../src/registry/builtin/test-registry.json', import.meta.url)

describe('defaultRegistry (embedded TEST registry)', () => {
  it('loads, is marked test, and is signed by the built-in TEST operator key', async () => {
    const registry = await defaultRegistry()
    expect(registry.test).toBe(true)
    expect(registry.id).toBe('yrd-test-registry')
    expect(registry.signedBy.kid).toBe(TEST_OPERATOR_KEY.kid)
    expect(registry.summary().sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(registry.anchors().length).toBeGreaterThan(0)
  })

  it('every embedded anchor parses (they are parsed on first use, not on load)', async () => {
    for (const anchor of (await defaultRegistry()).anchors()) {
      expect(anchor.certificate.sha256).toBe(anchor.sha256)
      expect(anchor.certificate.der).toEqual(anchor.der)
    }
  })

  it('is cached', async () => {
    expect(await defaultRegistry()).toBe(await defaultRegistry())
  })

  it('matches the file on disk loaded through loadRegistry', async () => {
    const fromFile = await loadRegistry(new Uint8Array(readFileSync(file)))
    expect(fromFile.summary()).toEqual((await defaultRegistry()).summary())
  })

  it('is checked here, not on every start: its JWS verifies with the TEST operator key', async () => {
    // defaultRegistry() skips the signature (loadEmbeddedRegistry); this is the check it
    // relies on: the embedded document as shipped verifies with the built-in TEST key.
    const json = JSON.parse(readFileSync(file, 'utf8')) as object
    const verified = await loadRegistry(json, { operatorKeys: [TEST_OPERATOR_KEY] })
    expect(verified.signedBy).toEqual((await defaultRegistry()).signedBy)
    expect(verified.signedBy.testKey).toBe(true)
  })

  it('loadEmbeddedRegistry keeps the other checks: validity period, test flag, schema', () => {
    const json = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
    expect(() => loadEmbeddedRegistry(json, new Date('2040-01-01T00:00:00Z'))).toThrow(
      expect.objectContaining({ code: 'registry.expired' }),
    )
    expect(() => loadEmbeddedRegistry({ ...json, test: false })).toThrow(
      expect.objectContaining({ code: 'registry.signature' }),
    )
    expect(() => loadEmbeddedRegistry({ ...json, provinces: 'none' })).toThrow(
      expect.objectContaining({ code: 'registry.format' }),
    )
    expect(() => loadEmbeddedRegistry({ ...json, signature: 'e30..x' })).toThrow(
      expect.objectContaining({ code: 'registry.format' }),
    )
  })

  it('is refused when checked against a key other than the TEST operator key', async () => {
    const json = JSON.parse(readFileSync(file, 'utf8')) as object
    const stranger = await makeKey('ES256')
    await expect(loadRegistry(json, { operatorKeys: [stranger.publicPem] })).rejects.toMatchObject({
      code: 'registry.signature',
    })
  })
})
