/**
 * NIST PKITS through validateCertificatePath, with the expectations recorded by pyHanko.
 */
import { readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { setCryptoBackend } from '../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../src/crypto/node-backend.js'
import { validateCertificatePath, type PathResult } from '../../src/pki/validate.js'
import { SHARED } from '../shared-dir.js'

const DIR = `${SHARED}/conformance/pkits/`
const TIME = new Date('2022-05-01T00:00:00Z')

interface PkitsCase {
  readonly id: string
  readonly name: string
  readonly cert: string
  readonly other_certs?: string[]
  readonly crls?: string[]
  readonly revocation?: boolean
  readonly params?: {
    readonly user_initial_policy_set?: string[]
    readonly initial_explicit_policy?: boolean
    readonly initial_policy_mapping_inhibit?: boolean
    readonly initial_any_policy_inhibit?: boolean
  }
  readonly error?: { readonly class: string }
  readonly notice?: string
}

const read = (path: string): Uint8Array => new Uint8Array(readFileSync(DIR + path))

beforeAll(() => setCryptoBackend(nodeCryptoBackend))

/** Runs one case; a target that does not even parse counts as rejected. */
async function runCase(c: PkitsCase): Promise<PathResult | { valid: false; reason: 'format' }> {
  const p = c.params ?? {}
  try {
    return await validateCertificatePath({
      certificate: read(`certs/${c.cert}`),
      intermediates: (c.other_certs ?? []).map((f) => read(`certs/${f}`)),
      trustAnchors: [read('certs/TrustAnchorRootCertificate.crt')],
      crls: ['TrustAnchorRootCRL.crl', ...(c.crls ?? [])].map((f) => read(`crls/${f}`)),
      time: TIME,
      revocation: c.revocation === false ? 'if-available' : 'require',
      policy: {
        ...(p.user_initial_policy_set ? { initialPolicySet: p.user_initial_policy_set } : {}),
        explicitPolicy: p.initial_explicit_policy === true,
        policyMappingInhibit: p.initial_policy_mapping_inhibit === true,
        anyPolicyInhibit: p.initial_any_policy_inhibit === true,
      },
    })
  } catch (e) {
    if ((e as { code?: string }).code?.startsWith('format.'))
      return { valid: false, reason: 'format' }
    throw e
  }
}

/** The kind of failure pyHanko's error class stands for, in our reason codes. */
function kindOf(reason: string): string {
  if (reason === 'chain.revoked' || reason === 'chain.ca-revoked') return 'RevokedError'
  if (reason === 'chain.revocation-unknown') return 'RevinfoError'
  return 'PathValidationError'
}

function expectedKind(c: PkitsCase): string | undefined {
  const cls = c.error?.class
  if (cls === 'InsufficientRevinfoError' || cls === 'StaleRevinfoError') return 'RevinfoError'
  return cls
}

describe('NIST PKITS', () => {
  it('matches at least 236 of the 246 expected results', async () => {
    const cases = JSON.parse(readFileSync(`${DIR}pkits.json`, 'utf8')) as PkitsCase[]
    expect(cases).toHaveLength(246)
    let matched = 0
    let sameKind = 0
    const misses: string[] = []
    for (const c of cases) {
      const r = await runCase(c)
      const want = expectedKind(c)
      if (r.valid === (want === undefined)) matched++
      else misses.push(`${c.id} ${c.name}: expected ${want ?? 'valid'}, got ${r.reason}`)
      if (want !== undefined && !r.valid && kindOf(r.reason) === want) sameKind++
    }
    const invalid = cases.filter((c) => c.error).length
    process.stdout.write(
      `PKITS: ${matched}/${cases.length} match; failure kind agrees on ${sameKind}/${invalid}\n`,
    )
    for (const m of misses) process.stdout.write(`  miss ${m}\n`)
    expect(matched).toBeGreaterThanOrEqual(236)
  })
})

describe('NIST PKITS user notice qualifiers', () => {
  it('returns the expected explicitText for every case', async () => {
    const cases = JSON.parse(readFileSync(`${DIR}pkits-user-notice.json`, 'utf8')) as PkitsCase[]
    expect(cases).toHaveLength(10)
    for (const c of cases) {
      const r = await runCase(c)
      expect(r.valid, c.name).toBe(true)
      expect('userNotices' in r ? r.userNotices : undefined, c.name).toEqual([c.notice])
    }
  })
})
