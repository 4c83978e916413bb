import { decodeProtectedHeader } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { publicJwkOf, signRegistry } from '../../fixtures/make/registry.js'
import { RegistryError } from '../../src/registry/errors.js'
import { loadRegistry } from '../../src/registry/load.js'
import type { TestKey } from './helpers.js'
import { NOW, baseDocument, makeCertificate, makeKey, unsignedOf } from './helpers.js'

describe('signRegistry (fixtures tool)', () => {
  let key: TestKey
  let doc: Record<string, unknown>

  beforeAll(async () => {
    key = await makeKey('ES256')
    doc = baseDocument([await makeCertificate('Shanghai CA')])
  })

  it('writes a detached compact JWS with alg, kid and typ', async () => {
    const signed = (await signRegistry(doc, key.privatePem, 'operator-2026')) as Record<
      string,
      unknown
    >
    const signature = signed['signature'] as string
    expect(signature).toMatch(/^[\w-]+\.\.[\w-]+$/)
    expect(decodeProtectedHeader(signature)).toEqual({
      alg: 'ES256',
      kid: 'operator-2026',
      typ: 'yrd-registry+jws',
    })
    const rest = unsignedOf(signed)
    expect(rest).toEqual(doc)
  })

  it('replaces an existing signature', async () => {
    const once = await signRegistry(doc, key.privatePem, key.kid)
    const twice = await signRegistry({ ...once, sequence: 6 }, key.privatePem, key.kid)
    const registry = await loadRegistry(twice, { operatorKeys: [key.publicJwk], now: NOW })
    expect(registry.sequence).toBe(6)
  })

  it('refuses to sign a document that breaks the schema', async () => {
    const bad = { ...doc, provinces: [] }
    await expect(signRegistry(bad, key.privatePem, key.kid)).rejects.toBeInstanceOf(RegistryError)
  })

  it('derives a public JWK whose kid is its thumbprint and which verifies', async () => {
    const jwk = await publicJwkOf(key.privatePem)
    expect(jwk.d).toBeUndefined()
    expect(jwk.alg).toBe('ES256')
    const signed = await signRegistry(doc, key.privatePem, jwk.kid ?? '')
    const registry = await loadRegistry(signed, { operatorKeys: [jwk], now: NOW })
    expect(registry.signedBy.kid).toBe(jwk.kid)
  })
})
