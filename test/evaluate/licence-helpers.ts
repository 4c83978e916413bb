/**
 * Helpers of the licence and recognition tests: verify a manifest fixture with its arguments.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { verify, type VerifyOptions } from '../../src/verify.js'
import type { Verdict } from '../../src/verdict/types.js'

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url))

interface Entry {
  readonly file: string
  readonly args: readonly string[]
  readonly expect: { readonly status: string; readonly subIndication: string | null }
}

/** The manifest entries. */
export const MANIFEST = (
  JSON.parse(readFileSync(`${FIXTURES}manifest.json`, 'utf8')) as { fixtures: Entry[] }
).fixtures

/** Bytes of a fixture file. */
export function fixture(file: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURES}${file}`))
}

/** The fixed validation time of these tests. */
export const AT = new Date('2026-12-03T00:00:00Z')

/** Verifies a manifest fixture with the CRLs its entry names. */
export async function verifyFixture(file: string, more: VerifyOptions = {}): Promise<Verdict> {
  const entry = MANIFEST.find((e) => e.file === file)
  if (!entry) throw new Error(`${file} is not in the manifest`)
  const crls: Uint8Array[] = []
  for (let i = 0; i < entry.args.length; i++) {
    if (entry.args[i] === '--crl') crls.push(fixture(entry.args[++i] ?? ''))
  }
  return verify(fixture(file), { time: AT, crls, ...more })
}
