/**
 * The verifier's memo of path validations (chain-memo.ts): an answer is reused only for a time
 * between the same two input dates as the time it was computed for, only for the same inputs,
 * and never when OCSP responses or online sources take part.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { derItems } from '../../src/evaluate/der-inputs.js'
import { createChainCache, type ChainContext } from '../../src/evaluate/chain.js'
import { quietSpan, rememberedValidation } from '../../src/evaluate/chain-memo.js'
import { createPkiCache } from '../../src/pki/cache.js'
import { parseCertificate, type Certificate } from '../../src/pki/certificate.js'
import type { PathResult } from '../../src/pki/validate.js'
import { defaultRegistry } from '../../src/registry/index.js'

const PKI = join(import.meta.dirname, '../../fixtures/pki/310000/rsa')

function cert(name: string): Certificate {
  const bytes = new Uint8Array(readFileSync(join(PKI, name)))
  return parseCertificate(derItems(bytes, ['CERTIFICATE'])[0]!)
}

/** licence-issuer.crl: thisUpdate 2026-01-01, nextUpdate 2031-01-01, no entries. */
const CRL = derItems(new Uint8Array(readFileSync(join(PKI, 'licence-issuer.crl'))), ['X509 CRL'])
const LEAF = cert('licence-org.pem') // 2025-01-01 .. 2030-12-31
const ISSUER = cert('licence-issuer.pem') // 2024-01-01 .. 2040-01-01

const at = (iso: string) => new Date(iso)

async function context(time: Date, extra: Partial<ChainContext> = {}): Promise<ChainContext> {
  return {
    registry: await defaultRegistry(),
    extraAnchors: [],
    time,
    crls: CRL,
    ocspResponses: [],
    revocation: 'require',
    revocationSources: [],
    ...extra,
  }
}

/** A validation that counts its calls and answers with a new object each time. */
function counted(): { calls: number; validate: () => Promise<PathResult> } {
  const c = {
    calls: 0,
    validate: () => {
      c.calls++
      return Promise.resolve({ valid: true, call: c.calls } as unknown as PathResult)
    },
  }
  return c
}

describe('quietSpan', () => {
  it('is the open interval between the nearest dates of certificates and CRLs', async () => {
    const timeline = Float64Array.from([at('2026-01-01').getTime(), at('2031-01-01').getTime()])
    const span = quietSpan(at('2027-06-01').getTime(), [LEAF, ISSUER], [timeline])
    expect(span).toEqual({ after: at('2026-01-01').getTime(), before: LEAF.notAfter.getTime() })
    const early = quietSpan(at('2025-06-01').getTime(), [LEAF], [timeline])
    expect(early).toEqual({ after: LEAF.notBefore.getTime(), before: at('2026-01-01').getTime() })
  })

  it('is undefined at a date itself, where a comparison may go either way', () => {
    const timeline = Float64Array.from([1000, 2000, 3000])
    expect(quietSpan(2000, [], [timeline])).toBeUndefined()
    expect(quietSpan(LEAF.notAfter.getTime(), [LEAF], [])).toBeUndefined()
    expect(quietSpan(2500, [], [timeline])).toEqual({ after: 2000, before: 3000 })
    expect(quietSpan(500, [], [timeline])).toEqual({ after: -Infinity, before: 1000 })
    expect(quietSpan(3500, [], [timeline])).toEqual({ after: 3000, before: Infinity })
  })
})

describe('rememberedValidation', () => {
  const cache = () => createChainCache(createPkiCache())
  const input = async (pool: readonly Certificate[] = [ISSUER]) => {
    const registry = await defaultRegistry()
    const anchors = registry.anchors(['licence-issuer'])
    return {
      certificate: LEAF,
      pool,
      anchors,
      types: ['licence-issuer'] as const,
      certificates: () => [LEAF, ...pool],
    }
  }

  it('reuses an answer between the same two dates, and only there', async () => {
    const c = cache()
    const v = counted()
    const run = async (iso: string) =>
      rememberedValidation(await context(at(iso), { cache: c }), await input(), v.validate)
    const first = await run('2027-06-01')
    expect(await run('2029-03-01')).toBe(first)
    expect(v.calls).toBe(1)
    // Past the leaf's notAfter (2030-12-31): computed again.
    expect(await run('2030-12-31T12:00:00Z')).not.toBe(first)
    expect(v.calls).toBe(2)
    // Before the CRL's thisUpdate (2026-01-01): computed again.
    await run('2025-06-01')
    expect(v.calls).toBe(3)
    // Exactly at a date: computed, and not remembered.
    await run('2026-01-01')
    await run('2026-01-01')
    expect(v.calls).toBe(5)
  })

  it('computes again for other inputs, and never remembers with OCSP or online sources', async () => {
    const c = cache()
    const v = counted()
    const time = at('2027-06-01')
    await rememberedValidation(await context(time, { cache: c }), await input(), v.validate)
    await rememberedValidation(await context(time, { cache: c }), await input([]), v.validate)
    await rememberedValidation(
      await context(time, { cache: c, crls: [] }),
      await input(),
      v.validate,
    )
    await rememberedValidation(
      await context(time, { cache: c, revocation: 'off' }),
      await input(),
      v.validate,
    )
    expect(v.calls).toBe(4)
    const ocsp = await context(time, { cache: c, ocspResponses: [new Uint8Array([0x30, 0])] })
    await rememberedValidation(ocsp, await input(), v.validate)
    await rememberedValidation(ocsp, await input(), v.validate)
    const online = await context(time, {
      cache: c,
      revocationSources: [{ name: 'x', check: () => Promise.reject(new Error('unused')) }],
    })
    await rememberedValidation(online, await input(), v.validate)
    await rememberedValidation(online, await input(), v.validate)
    expect(v.calls).toBe(8)
  })

  it('without a verifier cache validates every time', async () => {
    const v = counted()
    const ctx = await context(at('2027-06-01'))
    await rememberedValidation(ctx, await input(), v.validate)
    await rememberedValidation(ctx, await input(), v.validate)
    expect(v.calls).toBe(2)
  })
})
