import { createHash, createPublicKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { signRegistry } from '../../fixtures/make/registry.js'
import { canonicalJson } from '../../src/registry/canonical.js'
import { RegistryError } from '../../src/registry/errors.js'
import type { LoadRegistryOptions } from '../../src/registry/load.js'
import { loadRegistry } from '../../src/registry/load.js'
import { TEST_OPERATOR_KEY } from '../../src/registry/test-operator.js'
import type { TestKey } from './helpers.js'
import {
  NOW,
  baseDocument,
  bytesOf,
  makeCertificate,
  makeKey,
  signUnchecked,
  unsignedOf,
} from './helpers.js'

async function codeOf(
  input: Uint8Array | object,
  options: LoadRegistryOptions,
): Promise<string | undefined> {
  try {
    await loadRegistry(input, options)
  } catch (e) {
    return e instanceof RegistryError ? e.code : `not a RegistryError: ${String(e)}`
  }
  return undefined
}

/** Every leaf of a JSON tree, as a path of keys. */
function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (typeof value !== 'object' || value === null) return [path]
  const entries = Array.isArray(value)
    ? value.map((v, i) => [i, v] as const)
    : Object.entries(value)
  return entries.flatMap(([k, v]) => leaves(v, [...path, k]))
}

/** A deep copy of `doc` with the leaf at `path` changed by one character or one unit. */
function mutate(doc: unknown, path: ReadonlyArray<string | number>): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>
  let node = copy
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>
  const last = path[path.length - 1] as string | number
  const leaf = node[last]
  if (typeof leaf === 'string') {
    const i = Math.floor(leaf.length / 2)
    const c = leaf.charCodeAt(i)
    node[last] =
      leaf.slice(0, i) + String.fromCharCode(c === 0x41 ? 0x42 : 0x41) + leaf.slice(i + 1)
  } else if (typeof leaf === 'number') node[last] = leaf + 1
  else if (typeof leaf === 'boolean') node[last] = !leaf
  else node[last] = 'x'
  return copy
}

describe('loadRegistry', () => {
  let key: TestKey
  let other: TestKey
  let signed: Record<string, unknown>
  let options: LoadRegistryOptions

  beforeAll(async () => {
    key = await makeKey('ES256')
    other = await makeKey('ES256')
    const doc = baseDocument([await makeCertificate('Shanghai CA')])
    signed = (await signRegistry(doc, key.privatePem, key.kid)) as Record<string, unknown>
    options = { operatorKeys: [key.publicJwk], now: NOW }
  })

  it('loads a good registry from bytes and from an object', async () => {
    const fromBytes = await loadRegistry(bytesOf(signed), options)
    const fromObject = await loadRegistry(signed, options)
    const unsigned = unsignedOf(signed)
    const sha256 = createHash('sha256').update(canonicalJson(unsigned), 'utf8').digest('hex')
    expect(fromBytes.summary()).toEqual({
      id: 'unit-test-registry',
      sequence: 5,
      sha256,
      test: true,
    })
    expect(fromObject.sha256).toBe(sha256)
    expect(fromBytes.signedBy).toEqual({ kid: key.kid, alg: 'ES256', testKey: false })
  })

  it('does not depend on member order or whitespace (canonical JSON)', async () => {
    const reordered = Object.fromEntries(Object.entries(signed).reverse())
    const text = JSON.stringify(reordered, null, 4)
    expect((await loadRegistry(new TextEncoder().encode(text), options)).sequence).toBe(5)
  })

  it('accepts the key as SPKI PEM, and finds the right key among several', async () => {
    expect(await codeOf(signed, { ...options, operatorKeys: [key.publicPem] })).toBeUndefined()
    const keys = [other.publicJwk, other.publicPem, key.publicPem]
    expect(await codeOf(signed, { ...options, operatorKeys: keys })).toBeUndefined()
  })

  it('refuses one changed value in any member with registry.signature', async () => {
    const unsigned = unsignedOf(signed)
    const paths = leaves(unsigned)
    expect(paths.length).toBeGreaterThan(30)
    for (const path of paths) {
      const code = await codeOf(bytesOf(mutate(signed, path)), options)
      expect(code, path.join('.')).toBe('registry.signature')
    }
  })

  it('refuses a changed byte in the signature and in the raw JSON text', async () => {
    const signature = signed['signature'] as string
    const i = signature.length - 10
    const flipped =
      signature.slice(0, i) + (signature[i] === 'A' ? 'B' : 'A') + signature.slice(i + 1)
    expect(await codeOf({ ...signed, signature: flipped }, options)).toBe('registry.signature')
    const text = JSON.stringify(signed)
    const at = text.indexOf('Shanghai test CA') + 3
    const bytes = new TextEncoder().encode(text)
    bytes[at] = (bytes[at] ?? 0) ^ 0x01
    expect(await codeOf(bytes, options)).toBe('registry.signature')
  })

  it('refuses an untrusted, missing or mismatched key with registry.signature', async () => {
    const byOther = await signRegistry(signed, other.privatePem, key.kid)
    expect(await codeOf(byOther, options)).toBe('registry.signature')
    expect(await codeOf(signed, { ...options, operatorKeys: [other.publicJwk] })).toBe(
      'registry.signature',
    )
    expect(await codeOf(signed, { ...options, operatorKeys: [] })).toBe('registry.signature')
    expect(await codeOf(signed, { now: NOW })).toBe('registry.signature')
    const wrongKid = { ...key.publicJwk, kid: 'someone-else' }
    expect(await codeOf(signed, { ...options, operatorKeys: [wrongKid] })).toBe(
      'registry.signature',
    )
  })

  it('refuses a malformed or missing signature or bad header with registry.signature', async () => {
    const { signature, ...unsigned } = signed
    const [head, , value] = (signature as string).split('.')
    const cases: unknown[] = [
      undefined,
      42,
      '',
      `${head}.${value}`,
      `${head}.eyJ9.${value}`,
      `x..${value}`,
      `${head}..`,
    ]
    for (const bad of cases) {
      const doc = bad === undefined ? unsigned : { ...unsigned, signature: bad }
      expect(await codeOf(doc, options), String(bad)).toBe('registry.signature')
    }
    const headers = [
      { typ: 'JWT' },
      { typ: undefined },
      { b64: true, crit: ['b64'] },
      { kid: 'line\nbreak' },
      { kid: '' },
    ]
    for (const header of headers) {
      const doc = await signUnchecked(signed, key, header)
      expect(await codeOf(doc, options), JSON.stringify(header)).toBe('registry.signature')
    }
    const hs = await makeKey('PS256')
    const byPs = await signUnchecked(signed, hs)
    expect(await codeOf(byPs, { ...options, operatorKeys: [hs.publicJwk] })).toBe(
      'registry.signature',
    )
  })

  it('verifies ES384, EdDSA and RS256 signatures', async () => {
    for (const alg of ['ES384', 'EdDSA', 'RS256']) {
      const k = await makeKey(alg)
      const doc = await signRegistry(signed, k.privatePem, k.kid)
      const registry = await loadRegistry(doc, { operatorKeys: [k.publicPem], now: NOW })
      expect(registry.signedBy.alg).toBe(alg)
      expect(await codeOf(doc, options)).toBe('registry.signature')
    }
  })

  it('refuses a sequence lower than minSequence with registry.sequence', async () => {
    expect(await codeOf(signed, { ...options, minSequence: 6 })).toBe('registry.sequence')
    expect(await codeOf(signed, { ...options, minSequence: 5 })).toBeUndefined()
    await expect(loadRegistry(signed, { ...options, minSequence: Number.NaN })).rejects.toThrow(
      RangeError,
    )
  })

  it('refuses expired and not-yet-valid registries', async () => {
    const at = (iso: string) => ({ ...options, now: new Date(iso) })
    expect(await codeOf(signed, at('2027-01-01T00:00:00Z'))).toBe('registry.expired')
    expect(await codeOf(signed, at('2026-12-31T23:59:59Z'))).toBeUndefined()
    expect(await codeOf(signed, at('2025-12-31T23:59:59Z'))).toBe('registry.not-yet-valid')
    expect(await codeOf(signed, at('2026-01-01T00:00:00Z'))).toBeUndefined()
    const old = { ...at('2030-01-01T00:00:00Z'), allowExpired: true }
    expect(await codeOf(signed, old)).toBeUndefined()
  })

  it('gives zh and en messages and a stable code', async () => {
    try {
      await loadRegistry(signed, { ...options, minSequence: 9 })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(RegistryError)
      const error = e as RegistryError
      expect(error.code).toBe('registry.sequence')
      expect(error.messages.zh).toMatch(/序号/)
      expect(error.messages.en).toMatch(/sequence/)
    }
  })

  it('defaults to the built-in TEST operator key', async () => {
    const pem = readFileSync(
      new URL('../../fixtures/pki/keys/registry-operator.pem', import.meta.url),
    )
    expect(pem.toString('utf8')).toMatch(/^TEST ONLY/)
    const kid = TEST_OPERATOR_KEY.kid ?? ''
    const doc = await signRegistry(signed, pem.toString('utf8'), kid)
    expect((await loadRegistry(doc, { now: NOW })).signedBy).toMatchObject({ kid, testKey: true })
    expect(await codeOf(doc, options)).toBe('registry.signature')
  })

  it('refuses a registry signed with the published TEST key unless it is marked test', async () => {
    const pem = readFileSync(
      new URL('../../fixtures/pki/keys/registry-operator.pem', import.meta.url),
      'utf8',
    )
    const kid = TEST_OPERATOR_KEY.kid ?? ''
    const spki = `TEST ONLY\n${createPublicKey(pem).export({ type: 'spki', format: 'pem' })}`
    const notTest = await signRegistry({ ...signed, test: false }, pem, kid)
    for (const operatorKeys of [undefined, [spki]]) {
      const opts = operatorKeys === undefined ? { now: NOW } : { now: NOW, operatorKeys }
      await expect(loadRegistry(notTest, opts)).rejects.toMatchObject({
        code: 'registry.signature',
        path: '$.test',
      })
    }
    const markedTest = await signRegistry({ ...signed, test: true }, pem, 'another-kid')
    expect((await loadRegistry(markedTest, { now: NOW, operatorKeys: [spki] })).test).toBe(true)
  })
})
