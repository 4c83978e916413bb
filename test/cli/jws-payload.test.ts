/**
 * `verify --payload FILE`: a detached JWS licence is verified over the payload the clerk
 * gives; without it the verdict asks for it, and another payload fails the signature.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES, runCli } from './helpers.js'

const DETACHED = join(FIXTURES, 'licences/detached-no-payload.jws')
const CRL = join(FIXTURES, 'pki/310000/sm2/licence-issuer.crl')
let dir = ''
let payload = ''
let altered = ''

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yrd-payload-'))
  // The detached fixture signs the same licence as the attached Shanghai one.
  const attached = readFileSync(join(FIXTURES, 'licences/310000-licence.jws'), 'utf8')
  const body = Buffer.from(attached.trim().split('.')[1]!, 'base64url')
  payload = join(dir, 'licence.json')
  writeFileSync(payload, body)
  altered = join(dir, 'altered.json')
  writeFileSync(altered, body.toString('utf8').replace('2045-12-14', '2055-12-14'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function verdictOf(extra: string[]) {
  const r = await runCli(['verify', DETACHED, '--crl', CRL, '--json', ...extra])
  return { code: r.code, v: JSON.parse(r.out) as { status: string; subIndication: string } }
}

describe('verify --payload', () => {
  it('recognises a detached JWS over its payload, and asks for it without one', async () => {
    const given = await verdictOf(['--payload', payload])
    expect([given.code, given.v.status]).toEqual([0, 'recognized'])
    const none = await verdictOf([])
    expect([none.code, none.v.subIndication]).toEqual([2, 'SIGNED_DATA_NOT_FOUND'])
  })

  it('refuses another payload, and an unreadable one is a usage error', async () => {
    const other = await verdictOf(['--payload', altered])
    expect([other.code, other.v.status, other.v.subIndication]).toEqual([
      1,
      'rejected',
      'SIG_CRYPTO_FAILURE',
    ])
    const r = await runCli(['verify', DETACHED, '--payload', join(dir, 'missing.json')])
    expect(r.code).toBe(3)
    expect(r.err).toMatch(/missing\.json/)
  })
})
