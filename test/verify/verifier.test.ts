/**
 * createVerifier: a cache hit gives the verdict a miss gives. Every fixture of the manifest is
 * verified by one shared instance in two passes (the second pass runs on caches warmed by all
 * fixtures, including the forged and revoked ones), by a fresh instance, and by plain
 * verify(); the four verdicts must be equal, and equal to what the manifest promises.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { parse, VERIFY_OPTIONS } from '../../src/cli/args.js'
import { verifyOptionsFrom } from '../../src/cli/verify-options.js'
import { installNodeCrypto } from '../../src/node.js'
import { createPkiCache } from '../../src/pki/cache.js'
import type { Verdict } from '../../src/verdict/types.js'
import { createVerifier } from '../../src/verifier.js'
import { verify, type VerifyOptions } from '../../src/verify.js'

const FIXTURES = join(import.meta.dirname, '../../fixtures')
const PATH_ARGS = new Set(['--crl', '--ocsp', '--trust', '--registry', '--registry-key'])
const TIME = new Date('2027-06-01T00:00:00Z')

interface Entry {
  readonly file: string
  readonly args?: readonly string[]
  readonly expect: { readonly status: string; readonly subIndication: string | null }
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  fixtures: Entry[]
}

async function optionsOf(f: Entry): Promise<VerifyOptions> {
  const args = (f.args ?? []).map((a, i, all) =>
    PATH_ARGS.has(all[i - 1] ?? '') ? join(FIXTURES, a) : a,
  )
  const { values } = parse(args, VERIFY_OPTIONS)
  const options = await verifyOptionsFrom({ ...values, lang: 'en' })
  return values.at === undefined ? { ...options, time: TIME } : options
}

/** Verdict or the code of the error the call rejected with. */
async function outcome(run: () => Promise<Verdict>): Promise<unknown> {
  try {
    return await run()
  } catch (e) {
    return { error: (e as { code?: string }).code ?? String(e) }
  }
}

describe('createVerifier', () => {
  beforeAll(() => installNodeCrypto())

  it('gives every fixture the same verdict from warm caches, a fresh instance and verify()', async () => {
    const shared = createVerifier()
    const inputs = await Promise.all(
      manifest.fixtures.map(async (f) => ({
        f,
        bytes: new Uint8Array(readFileSync(join(FIXTURES, f.file))),
        options: await optionsOf(f),
      })),
    )
    const first: unknown[] = []
    for (const { bytes, options } of inputs) {
      first.push(await outcome(() => shared.verify(bytes, options)))
    }
    let checked = 0
    for (const [i, { f, bytes, options }] of inputs.entries()) {
      const again = await outcome(() => shared.verify(bytes, options))
      const fresh = await outcome(() => createVerifier().verify(bytes, options))
      const plain = await outcome(() => verify(bytes, options))
      expect(again, f.file).toEqual(first[i])
      expect(fresh, f.file).toEqual(first[i])
      expect(plain, f.file).toEqual(first[i])
      const v = first[i] as Verdict
      if ('status' in v) {
        expect(v.status, f.file).toBe(f.expect.status)
        checked++
      }
    }
    expect(checked).toBeGreaterThan(90)
  }, 120_000)

  it('a path cached at one time is not reused at a time outside its validity periods', async () => {
    const cert = new Uint8Array(readFileSync(join(FIXTURES, 'certificates/310000-rsa-signer.pem')))
    const times = ['2027-06-01T00:00:00Z', '2100-01-01T00:00:00Z', '2000-01-01T00:00:00Z']
    const shared = createVerifier({ revocation: 'off', lang: 'en' })
    for (const at of times) {
      const time = new Date(at)
      const warm = await shared.verify(cert, { time })
      const fresh = await createVerifier({ revocation: 'off', lang: 'en' }).verify(cert, { time })
      expect(warm, at).toEqual(fresh)
    }
    const late = await shared.verify(cert, { time: new Date(times[1]!) })
    const codes = late.certificates.flatMap((c) => c.checks.map((k) => k.code))
    expect(codes).toContain('chain.expired')
    expect(late.status).not.toBe('recognized')
  })

  it('a remembered validation gives way where a validity period or the CRL ends', async () => {
    const pdf = new Uint8Array(readFileSync(join(FIXTURES, 'pdf/310000-licence-rsa.pdf')))
    const crl = new Uint8Array(readFileSync(join(FIXTURES, 'pki/310000/rsa/licence-issuer.crl')))
    // The leaf holds 2025-01-01..2030-12-31; the CRL 2026-01-01..2031-01-01.
    const times = [
      '2027-06-01T00:00:00Z',
      '2029-01-01T00:00:00Z',
      '2030-12-31T12:00:00Z',
      '2031-06-01T00:00:00Z',
      '2025-06-01T00:00:00Z',
      '2026-01-01T00:00:00Z',
      '2027-07-01T00:00:00Z',
    ]
    const shared = createVerifier({ crls: [crl], lang: 'en' })
    const statuses: string[] = []
    for (const at of times) {
      const time = new Date(at)
      const warm = await shared.verify(pdf, { time })
      expect(warm, at).toEqual(
        await createVerifier({ crls: [crl], lang: 'en' }).verify(pdf, { time }),
      )
      statuses.push(warm.status)
    }
    expect(statuses[0]).toBe('recognized')
    expect(statuses[2]).not.toBe('recognized')
    expect(statuses[3]).not.toBe('recognized')
    expect(statuses[6]).toBe('recognized')
  })

  it('instance options are defaults that a call overrides', async () => {
    const pdf = new Uint8Array(readFileSync(join(FIXTURES, 'pdf/310000-licence-rsa.pdf')))
    const crl = new Uint8Array(readFileSync(join(FIXTURES, 'pki/310000/rsa/licence-issuer.crl')))
    const verifier = createVerifier({ crls: [crl], time: TIME, lang: 'en' })
    expect((await verifier.verify(pdf)).status).toBe('recognized')
    // Without the CRL, revocation is unknown: the call's option replaces the instance's.
    expect((await verifier.verify(pdf, { crls: [] })).status).toBe('indeterminate')
    expect((await verifier.verify(pdf)).status).toBe('recognized')
    const detailed = await verifier.verifyDetailed(pdf, { limits: { pdfObjects: 3 } })
    expect(detailed.verdict.subIndication).toBe('FORMAT_FAILURE')
  })

  it('reads the revocation data of its options on every call (a CRL added later counts)', async () => {
    const pdf = new Uint8Array(readFileSync(join(FIXTURES, 'pdf/310000-licence-rsa.pdf')))
    const crl = new Uint8Array(readFileSync(join(FIXTURES, 'pki/310000/rsa/licence-issuer.crl')))
    const crls: Uint8Array[] = []
    const verifier = createVerifier({ crls, time: TIME, lang: 'en' })
    expect((await verifier.verify(pdf)).subIndication).toBe('TRY_LATER')
    // A service that adds the newest CRL to the array it configured must have it used.
    crls.push(crl)
    expect((await verifier.verify(pdf)).status).toBe('recognized')
  })

  it('reads a CRL again when the caller refills its array in place', async () => {
    const pdf = new Uint8Array(readFileSync(join(FIXTURES, 'pdf/310000-licence-rsa.pdf')))
    const crl = new Uint8Array(readFileSync(join(FIXTURES, 'pki/310000/rsa/licence-issuer.crl')))
    const original = crl.slice()
    const verifier = createVerifier({ crls: [crl], time: TIME, lang: 'en' })
    expect((await verifier.verify(pdf)).status).toBe('recognized')
    // The same array, now holding a CRL that does not parse: revocation is unknown.
    crl.fill(0x41)
    expect((await verifier.verify(pdf)).subIndication).toBe('TRY_LATER')
    crl.set(original)
    expect((await verifier.verify(pdf)).status).toBe('recognized')
  })

  it('refuses bad limits and cache sizes at creation', () => {
    expect(() => createVerifier({ limits: { chainDepth: -1 } })).toThrow(/chainDepth/)
    expect(() => createVerifier({ cacheSize: 0 })).toThrow(RangeError)
  })

  it('bounds every cache: the oldest entry goes first', () => {
    const cache = createPkiCache({ maxEntries: 2 })
    const p = Promise.resolve(true)
    cache.certificateSignatures.set('a', p)
    cache.certificateSignatures.set('b', p)
    cache.certificateSignatures.get('a')
    cache.certificateSignatures.set('c', p)
    expect(cache.certificateSignatures.size).toBe(2)
    expect(cache.certificateSignatures.get('b')).toBeUndefined()
    expect(cache.certificateSignatures.get('a')).toBe(p)
  })
})
