/**
 * OFD and signed JSON (JWS) licences (issue 7), the first recognised fixture of each kind in
 * fixtures/manifest.json with the CRLs the manifest gives it: verifications per second in
 * process (`verify()`, and one `createVerifier()` instance with warm caches) beside the raw
 * bound of the file's signature verifications, and the CLI over a folder of copies with
 * `--jobs 1` and `--jobs 2`. No peer tool verifies these formats, so none is run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliFolderRows, copiesOf } from './cli-folder.js'
import {
  measureInProcess,
  shareNote,
  type InProcessOptions,
  type LicenceRates,
} from './in-process.js'
import { jwsAlgorithm, jwsSignatureRequests } from './jws-signature.js'
import { REPO } from './pdf-run.js'
import type { BenchRow } from './types.js'

interface Fixture {
  readonly file: string
  readonly kind: string
  readonly args?: readonly string[]
  readonly expect: { readonly status: string }
}

/** One kind measured: its label, what the raw bound holds, and how to replay what is unseen. */
interface Kind {
  readonly kind: string
  readonly title: string
  readonly format: string
  readonly family: (bytes: Uint8Array) => string
  readonly signatures: string
  readonly options: InProcessOptions
}

const KINDS: readonly Kind[] = [
  {
    kind: 'ofd',
    title: 'OFD: small signed licence',
    format: 'OFD licences',
    family: () => 'SM2 seal and signature',
    signatures: 'seal, document signature, 2 certificates and 2 CRLs (all SM2)',
    options: {},
  },
  {
    kind: 'jws',
    title: 'JSON: signed licence',
    format: 'signed JSON licences',
    family: (bytes) => `JWS ${jwsAlgorithm(bytes)}`,
    signatures: 'certificate and CRL as recorded, plus the JWS signature (added by hand)',
    options: { unrecorded: jwsSignatureRequests },
  },
]

/** The repository-relative CRL paths of a manifest entry (its `--crl` arguments). */
function crlsOf(f: Fixture): string[] {
  const args = f.args ?? []
  return args.filter((_, i) => args[i - 1] === '--crl').map((p) => join('fixtures', p))
}

function percent(share: number): string {
  return `${(100 * share).toFixed(0)}% of the raw bound`
}

function inProcessRows(group: string, k: Kind, f: Fixture, r: LicenceRates): BenchRow[] {
  const verdict =
    r.status === f.expect.status
      ? `verdict ${r.status}`
      : `UNEXPECTED verdict ${r.status} (manifest: ${f.expect.status})`
  const per = 'verifications/s'
  return [
    {
      group,
      name: 'verify() in process, single',
      value: r.plain,
      unit: per,
      note:
        `${verdict}; ${percent(r.sharePlain)} (goal >= 25%); ` +
        `no peer tool verifies ${k.format}, so none is run`,
    },
    {
      group,
      name: 'createVerifier() in process, warm caches',
      value: r.cached,
      unit: per,
      note:
        `${percent(r.shareCached)} (goal >= 25%), ` +
        `${percent(r.cached / r.boundCached)} with caches; one instance, as a service uses it`,
    },
    {
      group,
      name: `raw bound: its ${r.signaturesPlain} signature verifications`,
      value: r.boundPlain,
      unit: 'files/s',
      note: `${k.signatures}; replayed alone against the same backend`,
    },
    {
      group,
      name: `raw bound with caches: ${r.signaturesCached} left uncached`,
      value: r.boundCached,
      unit: 'files/s',
      note: 'what a warm verifier still verifies per file (certificate and CRL results cached)',
    },
    {
      group,
      name: 'createVerifier(): share of the raw bound',
      value: 100 * r.shareCached,
      unit: '%',
      note: shareNote(r),
    },
  ]
}

async function kindRows(dir: string, k: Kind, fixtures: readonly Fixture[]): Promise<BenchRow[]> {
  const f = fixtures.find((x) => x.kind === k.kind && x.expect.status === 'recognized')
  const name = f?.file.split('/').pop() ?? ''
  if (!f) {
    const note = `skipped: no recognised ${k.kind} fixture in the manifest`
    return [{ group: k.title, name: 'verify() in process', value: 0, unit: '', note }]
  }
  const file = join('fixtures', f.file)
  const crls = crlsOf(f)
  const family = k.family(new Uint8Array(readFileSync(join(REPO, file))))
  const withCrls = crls.length === 1 ? 'with its CRL' : `with ${crls.length} CRLs`
  const group = `${k.title} (${name}, ${family}, ${withCrls})`
  const r = await measureInProcess(file, crls, k.options)
  const folder = join(dir, k.kind)
  copiesOf(file, folder)
  const compare = (value: number) => `${percent(value / r.boundPlain)}; no peer tool`
  return [...inProcessRows(group, k, f, r), ...cliFolderRows(group, folder, crls, compare)]
}

/** The OFD and signed JSON licence rows (see the file comment). */
export async function benchLicences(): Promise<BenchRow[]> {
  const manifest = JSON.parse(readFileSync(join(REPO, 'fixtures/manifest.json'), 'utf8')) as {
    fixtures: Fixture[]
  }
  const dir = mkdtempSync(join(tmpdir(), 'yrd-bench-licences-'))
  try {
    const rows: BenchRow[] = []
    for (const k of KINDS) rows.push(...(await kindRows(dir, k, manifest.fixtures)))
    return rows
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
