/**
 * End-to-end figures: `verify()` on the certificate fixtures of each family, in process, with
 * one registry, so the pipeline's cost can be read against the raw signature rate (each
 * verification checks two signatures: the certificate's and its CRL's).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { defaultRegistry } from '../../src/registry/index.js'
import { verify } from '../../src/verify.js'
import { steadyRate } from './in-process.js'
import type { BenchRow } from './types.js'

const FIXTURES = join(import.meta.dirname, '../../fixtures')

interface Fixture {
  file: string
  args?: string[]
  expect: { status: string }
}

/** Verifications per second of a recognised signer certificate (with its CRL) per family. */
export async function benchVerify(): Promise<BenchRow[]> {
  const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
    fixtures: Fixture[]
  }
  const registry = await defaultRegistry()
  const rows: BenchRow[] = []
  for (const family of ['rsa', 'ecdsa', 'sm2']) {
    const f = manifest.fixtures.find(
      (x) => x.expect.status === 'recognized' && !x.args?.length && x.file.includes(`-${family}-`),
    )
    if (!f) continue
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, f.file)))
    const time = new Date('2027-06-01T00:00:00Z')
    const value = await steadyRate(() => verify(bytes, { registry, time }), 1.5)
    rows.push({
      group: 'end to end: verify() of a certificate with its CRL',
      name: `${family} (${f.file.split('/').pop()})`,
      value,
      unit: 'verifications/s',
      note: 'two signatures each (certificate + CRL); compare with raw rate / 2',
    })
  }
  rows.push(...(await benchDocuments(manifest.fixtures, registry)))
  return rows
}

/** Standalone seals: SM2 throughout (maker signature, CRL, SM3). OFD licences have their own
 *  rows (licences.ts), steady state and beside their raw bound. */
async function benchDocuments(
  fixtures: readonly Fixture[],
  registry: Awaited<ReturnType<typeof defaultRegistry>>,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = []
  const picks = [{ prefix: 'seals/', label: 'standalone seal (.esl)', sigs: 'maker + CRL = 2 SM2' }]
  for (const pick of picks) {
    const f = fixtures.find(
      (x) => x.expect.status === 'recognized' && x.file.startsWith(pick.prefix),
    )
    if (!f) continue
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, f.file)))
    const crls = argPaths(f, '--crl').map((p) => new Uint8Array(readFileSync(join(FIXTURES, p))))
    const time = new Date('2027-06-01T00:00:00Z')
    const value = await steadyRate(() => verify(bytes, { registry, time, crls }), 1.5)
    rows.push({
      group: 'end to end: verify() of SM2 documents',
      name: `${pick.label} (${f.file.split('/').pop()})`,
      value,
      unit: 'verifications/s',
      note: `${pick.sigs} verifications each; compare with the raw SM2 rate above`,
    })
  }
  return rows
}

function argPaths(f: Fixture, flag: string): string[] {
  const args = f.args ?? []
  return args.filter((_, i) => args[i - 1] === flag)
}
