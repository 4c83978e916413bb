/**
 * The manifest fixtures as fuzz seeds (Node-only test code): each fixture's bytes, the verify
 * options its manifest arguments stand for, and the verdict the manifest promises.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { SHARED } from '../shared-dir.js'

/** The repository root. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url))
/** The fixtures folder. */
export const FIXTURES = join(ROOT, 'fixtures')
/** The shared real-world samples (read-only; absent on machines without them). */
export const SAMPLES = `${SHARED}/samples`
/** The fixed validation time every fuzz run uses, so verdicts are reproducible. */
export const FUZZ_TIME = new Date('2026-12-03T00:00:00Z')

/** Plain, structured-clone-friendly verify options of one fixture. */
export interface SeedOptions {
  readonly crls: Uint8Array[]
  readonly ocspResponses: Uint8Array[]
  readonly password?: string
}

/** One manifest fixture, loaded. */
export interface Seed {
  readonly file: string
  readonly kind: string
  readonly bytes: Uint8Array
  readonly options: SeedOptions
  readonly expect: { readonly status: string; readonly subIndication: string | null }
}

interface ManifestEntry {
  file: string
  kind: string
  args?: string[]
  expect: { status: string; subIndication: string | null }
}

function read(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path))
}

function optionsOf(args: readonly string[]): SeedOptions {
  const crls: Uint8Array[] = []
  const ocspResponses: Uint8Array[] = []
  let password: string | undefined
  for (let i = 0; i < args.length; i += 2) {
    const value = args[i + 1]
    if (value === undefined) throw new Error(`manifest argument ${args[i]} has no value`)
    if (args[i] === '--crl') crls.push(read(join(FIXTURES, value)))
    else if (args[i] === '--ocsp') ocspResponses.push(read(join(FIXTURES, value)))
    else if (args[i] === '--password') password = value
    else throw new Error(`manifest argument ${args[i]} is not known to the fuzz suite`)
  }
  return password === undefined ? { crls, ocspResponses } : { crls, ocspResponses, password }
}

/** Every fixture of `fixtures/manifest.json`, in manifest order. */
export function loadSeeds(): Seed[] {
  const text = readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')
  const manifest = JSON.parse(text) as { fixtures: ManifestEntry[] }
  return manifest.fixtures.map((f) => ({
    file: f.file,
    kind: f.kind,
    bytes: read(join(FIXTURES, f.file)),
    options: optionsOf(f.args ?? []),
    expect: f.expect,
  }))
}

/** One fixture by its manifest path. */
export function seed(file: string): Seed {
  const found = loadSeeds().find((s) => s.file === file)
  if (!found) throw new Error(`no fixture ${file} in the manifest`)
  return found
}

/** A file of the shared samples, or undefined when the samples are not on this machine. */
export function sample(path: string): Uint8Array | undefined {
  try {
    return read(join(SAMPLES, path))
  } catch {
    return undefined
  }
}
