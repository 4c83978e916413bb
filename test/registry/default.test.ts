import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { defaultRegistry } from '../../src/registry/default.js'
import { loadRegistry } from '../../src/registry/load.js'
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

  it('is cached', async () => {
    expect(await defaultRegistry()).toBe(await defaultRegistry())
  })

  it('matches the file on disk loaded through loadRegistry', async () => {
    const fromFile = await loadRegistry(new Uint8Array(readFileSync(file)))
    expect(fromFile.summary()).toEqual((await defaultRegistry()).summary())
  })

  it('is refused when checked against a key other than the TEST operator key', async () => {
    const json = JSON.parse(readFileSync(file, 'utf8')) as object
    const stranger = await makeKey('ES256')
    await expect(loadRegistry(json, { operatorKeys: [stranger.publicPem] })).rejects.toMatchObject({
      code: 'registry.signature',
    })
  })
})
