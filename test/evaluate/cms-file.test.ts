/**
 * Standalone CMS files through evaluateCmsFile, and hostile bytes through
 * evaluateCmsSignature: never an exception, never recognised when signed bytes change.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { evaluateCmsFile } from '../../src/evaluate/cms-file.js'
import { evaluateCmsSignature } from '../../src/evaluate/cms.js'
import { readCmsFile } from '../../src/formats/cms/read.js'
import { parseSignedData } from '../../src/pki/cms/signed-data.js'
import { chainContext, CONTENT, crlsOf, opensslSign } from '../pki/cms/helpers.js'

describe('evaluateCmsFile', () => {
  it('an attached .p7m is verified against its own content', async () => {
    const ctx = await chainContext(crlsOf('310000', 'ecdsa'))
    const evidence = readCmsFile(opensslSign({ family: 'ecdsa', attached: true }))
    const r = await evaluateCmsFile(evidence, ctx, 'en')
    expect(r.findings).toEqual([])
    expect(r.results.map((s) => s.status)).toEqual(['recognized'])
    expect(r.results[0]!.id).toBe('cms-1')
  })

  it('a detached .p7s without content is INDETERMINATE / SIGNED_DATA_NOT_FOUND', async () => {
    const ctx = await chainContext(crlsOf('310000', 'rsa'))
    const evidence = readCmsFile(opensslSign({ family: 'rsa' }))
    const r = await evaluateCmsFile(evidence, ctx, 'zh')
    expect(r.findings[0]).toMatchObject({
      code: 'cms.detached',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
    })
    expect(r.outcomes[0]).toMatchObject({
      indication: 'INDETERMINATE',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
    })
    const withContent = await evaluateCmsFile(evidence, ctx, 'zh', { content: CONTENT })
    expect(withContent.findings).toEqual([])
    expect(withContent.results[0]!.status).toBe('recognized')
  })
})

describe('hostile CMS bytes', () => {
  it('truncated, random or empty input is a FORMAT_FAILURE result, not an exception', async () => {
    const ctx = await chainContext([])
    const der = opensslSign({ family: 'rsa', attached: true })
    for (const bad of [der.subarray(0, 100), new Uint8Array(0), Uint8Array.of(0x30, 0x80)]) {
      const r = await evaluateCmsSignature(bad, ctx, 'en', { id: 'x' })
      expect(r.signature.subIndication).toBe('FORMAT_FAILURE')
      expect(r.signature.checks[0]!.code).toBe('cms.format')
    }
  })

  it('a flipped bit in the signed attributes or signature is never recognized', async () => {
    const ctx = await chainContext(crlsOf('310000', 'rsa'))
    const der = opensslSign({ family: 'rsa', attached: true })
    const signer = parseSignedData(der).signers[0]!
    const attrsAt = find(der, signer.signedAttrsDer!.subarray(1))
    const sigAt = find(der, signer.signature)
    const ranges = [
      [attrsAt, attrsAt + signer.signedAttrsDer!.length - 1],
      [sigAt, sigAt + signer.signature.length],
    ] as const
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 1 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        async (which, offset, bit) => {
          const [from, to] = ranges[which]!
          const at = from + (offset % (to - from))
          const bad = der.slice()
          bad[at] = bad[at]! ^ (1 << bit)
          const r = await evaluateCmsSignature(bad, ctx, 'en', { id: 'x' })
          expect(r.signature.status).not.toBe('recognized')
        },
      ),
      { numRuns: 60 },
    )
  })
})

function find(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer
    return i
  }
  throw new Error('not found')
}
