import { beforeAll, describe, expect, it } from 'vitest'
import { signRegistry } from '../../fixtures/make/registry.js'
import { findDuplicateMember } from '../../src/registry/duplicate-members.js'
import { loadRegistry } from '../../src/registry/load.js'
import { NOW, baseDocument, makeCertificate, makeKey } from './helpers.js'

describe('findDuplicateMember', () => {
  it('finds a repeated member name at any depth', () => {
    expect(findDuplicateMember('{"a":1,"b":2,"a":3}')).toBe('a')
    expect(findDuplicateMember('{"x":[{"k":1},{"k":2,"k":3}]}')).toBe('k')
    expect(findDuplicateMember('{"o":{"p":{"q":1,"q":1}}}')).toBe('q')
    expect(findDuplicateMember('{"a":1,"\\u0061":2}')).toBe('a')
  })

  it('does not confuse sibling objects, values or string contents with member names', () => {
    expect(findDuplicateMember('{"a":{"k":1},"b":{"k":1}}')).toBeUndefined()
    expect(findDuplicateMember('{"a":"a","b":["a","a"]}')).toBeUndefined()
    expect(findDuplicateMember('{"s":"{\\"a\\":1,\\"a\\":2}","t":"x,\\"y"}')).toBeUndefined()
    expect(findDuplicateMember('[{"a":1},{"a":2}]')).toBeUndefined()
    expect(findDuplicateMember('{ "a" : [ 1 , { "b" : 2 } ] , "c" : 3 }')).toBeUndefined()
    expect(findDuplicateMember('"just a string"')).toBeUndefined()
  })

  it('handles deep nesting without recursion', () => {
    const deep = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`
    expect(findDuplicateMember(deep)).toBeUndefined()
  })
})

describe('loadRegistry and duplicate member names', () => {
  let options: { operatorKeys: JsonWebKey[]; now: Date }
  let text: string

  beforeAll(async () => {
    const key = await makeKey('ES256')
    const doc = baseDocument([await makeCertificate('Shanghai CA')])
    text = JSON.stringify(await signRegistry(doc, key.privatePem, key.kid))
    options = { operatorKeys: [key.publicJwk], now: NOW }
  })

  it('refuses a signed registry whose JSON repeats a member with registry.format', async () => {
    const doubled = text.replace('"sequence":5', '"sequence":4,"sequence":5')
    expect(doubled).not.toBe(text)
    await expect(loadRegistry(new TextEncoder().encode(doubled), options)).rejects.toMatchObject({
      code: 'registry.format',
    })
    expect((await loadRegistry(new TextEncoder().encode(text), options)).sequence).toBe(5)
  })
})
