/**
 * PDF benchmarks (issues 3 and 7), side by side in one run: verifications per second of a
 * small signed licence in process and through the CLI over a folder of 24 distinct signed
 * copies (`--jobs 1` and `--jobs 2`, see distinct-pdfs.ts) against `pdfsig` run once per file;
 * in process, the 24 are verified in turn; the CLI's start-up on one licence beside
 * `node -e 0`; and MB/s on a 50 MB and a 500 MB signed licence generated at run time (see
 * `pdf-throughput.ts`). Everything generated goes to a temporary folder removed at the end.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CLI, cliArgs, cliFolderRows, COPIES, MANY_COPIES } from './cli-folder.js'
import { distinctCopies, signedSlices, type SignedFixture } from './distinct-pdfs.js'
import { measureInProcess, shareNote, type LicenceRates } from './in-process.js'
import { installed, median, timed } from './pdf-run.js'
import { benchLargePdfs, type Peers } from './pdf-throughput.js'
import type { BenchRow } from './types.js'

const SMALL = 'fixtures/pdf/310000-licence-rsa.pdf'
const SMALL_CRL = 'fixtures/pki/310000/rsa/licence-issuer.crl'
const SMALL_FIXTURE: SignedFixture = { file: SMALL, family: 'rsa', profile: 'pkcs7' }

/** Writes `documents` to `folder` (created) as licence-NN.pdf; their paths. */
function written(documents: readonly Uint8Array[], folder: string): string[] {
  mkdirSync(folder, { recursive: true })
  return documents.map((d, i) => {
    const path = join(folder, `licence-${String(i).padStart(3, '0')}.pdf`)
    writeFileSync(path, d)
    return path
  })
}
const STARTS = 15

/** One run of a peer per file: files/s, or a skip row. */
function perFile(name: string, cmd: string, args: (f: string) => string[], files: string[]) {
  const start = performance.now()
  let valid = 0
  for (const f of files) {
    const t = timed(cmd, args(f), 60_000)
    if (/Signature is Valid|unchanged since signing/.test(`${t.stdout}${t.stderr}`)) valid++
  }
  const seconds = (performance.now() - start) / 1000
  return {
    group: GROUP_SMALL,
    name,
    value: files.length / seconds,
    unit: 'files/s',
    note: `${files.length} processes, ${seconds.toFixed(2)} s; ${valid} reported a valid signature`,
  }
}

const GROUP_SMALL = `PDF: small signed licence (${SMALL.split('/').pop()}, RSA, with CRL)`
const GROUP_START = `PDF: start-up on one small licence (median of ${STARTS}, wall)`

function smallRows(
  dir: string,
  have: Peers,
  inProc: LicenceRates,
  documents: readonly Uint8Array[],
) {
  const folder = join(dir, 'small')
  const files = written(documents, folder)
  const rows: BenchRow[] = []
  const pdfsig = have.pdfsig ? perFile('pdfsig once per file', 'pdfsig', (f) => [f], files) : null
  const mutool = have.mutool
    ? perFile('mutool sign -v once per file', 'mutool', (f) => ['sign', '-v', f], files)
    : null
  const ratio = (x: number, y: number | undefined) =>
    y ? `${(x / y).toFixed(1)}x pdfsig per file` : 'pdfsig absent'
  const ofBound = (share: number) => `${(100 * share).toFixed(0)}% of the raw bound`
  const [low, high] = inProc.shareCachedRange.map((x) => (100 * x).toFixed(0))
  rows.push(
    {
      group: GROUP_SMALL,
      name: 'verify() in process, single',
      value: inProc.plain,
      unit: 'verifications/s',
      note:
        `verdict ${inProc.status}; ${ratio(inProc.plain, pdfsig?.value)} (goal >= 10x); ` +
        `${ofBound(inProc.sharePlain)} (goal >= 25%)`,
    },
    {
      group: GROUP_SMALL,
      name: 'createVerifier() in process, warm caches',
      value: inProc.cached,
      unit: 'verifications/s',
      note:
        `${ratio(inProc.cached, pdfsig?.value)} (goal >= 10x); ${ofBound(inProc.shareCached)} ` +
        `(goal >= 25%; rounds ${low}-${high}%); one instance, as a service or the CLI uses it; ` +
        `${documents.length} distinct signed copies in turn`,
    },
    {
      group: GROUP_SMALL,
      name: `raw bound: its ${inProc.signaturesPlain} signature verifications`,
      value: inProc.boundPlain,
      unit: 'files/s',
      note: 'the primitive verifications one verify() asks for, replayed alone (node:crypto)',
    },
    {
      group: GROUP_SMALL,
      name: `raw bound with caches: ${inProc.signaturesCached} left uncached`,
      value: inProc.boundCached,
      unit: 'files/s',
      note: 'what a warm verifier still verifies per file (certificate and CRL results cached)',
    },
    ...digestRows(GROUP_SMALL, inProc),
    {
      group: GROUP_SMALL,
      name: 'createVerifier(): share of the raw bound',
      value: 100 * inProc.shareCached,
      unit: '%',
      note: shareNote(inProc),
    },
  )
  const vsPdfsig = (value: number) => `${ratio(value, pdfsig?.value)} (goal > 1x)`
  rows.push(...cliFolderRows(GROUP_SMALL, folder, [SMALL_CRL], vsPdfsig))
  // The same copies again and again under new names: enough work for a worker thread to join.
  const many = join(dir, 'many')
  written(
    Array.from({ length: MANY_COPIES }, (_, i) => documents[i % documents.length]!),
    many,
  )
  rows.push(...cliFolderRows(GROUP_SMALL, many, [SMALL_CRL], vsPdfsig, MANY_COPIES))
  const skip = (name: string, cmd: string): BenchRow => ({
    group: GROUP_SMALL,
    name,
    value: 0,
    unit: 'files/s',
    note: `skipped: ${cmd} not installed`,
  })
  rows.push(pdfsig ?? skip('pdfsig once per file', 'pdfsig'))
  rows.push(mutool ?? skip('mutool sign -v once per file', 'mutool'))
  return rows
}

/** The raw bound with the digests of the signed bytes, and our share of it (when measured). */
function digestRows(group: string, r: LicenceRates, label = ''): BenchRow[] {
  if (r.boundDigest === undefined || r.shareCachedDigest === undefined) return []
  return [
    {
      group,
      name: `${label}raw bound with the signed bytes' digest`,
      value: r.boundDigest,
      unit: 'files/s',
      note: `the same ${r.signaturesPlain} verifications, plus hashing what the document signature signs`,
    },
    {
      group,
      name: `${label}createVerifier(): share of that bound`,
      value: 100 * r.shareCachedDigest,
      unit: '%',
      note: 'median of the same rounds; goal >= 25%',
    },
  ]
}

function startRows(): BenchRow[] {
  const nodeTimes: number[] = []
  const cliTimes: number[] = []
  let code: number | null = null
  for (let i = 0; i < STARTS; i++) {
    nodeTimes.push(timed(process.execPath, ['-e', '0']).seconds * 1000)
    if (existsSync(CLI)) {
      const t = timed(process.execPath, cliArgs(SMALL, [SMALL_CRL]))
      cliTimes.push(t.seconds * 1000)
      code = t.code
    }
  }
  const node = median(nodeTimes)
  const rows: BenchRow[] = [
    { group: GROUP_START, name: 'node -e 0', value: node, unit: 'ms', note: 'Node start-up alone' },
  ]
  if (!cliTimes.length) {
    const note = 'skipped: dist/cli.js missing (npm run bench builds it first)'
    rows.push({ group: GROUP_START, name: 'CLI verify, one licence', value: 0, unit: 'ms', note })
    return rows
  }
  const cli = median(cliTimes)
  const built = statSync(CLI).mtime.toISOString()
  rows.push({
    group: GROUP_START,
    name: 'CLI verify, one licence',
    value: cli,
    unit: 'ms',
    note:
      `+${(cli - node).toFixed(0)} ms over node -e 0 (goal <= 150); exit ${code}; ` +
      `dist built ${built}`,
  })
  return rows
}

/** The same licence signed with ECDSA P-256 and with SM2: the goals per key family. */
const FAMILIES: readonly (readonly [string, SignedFixture, string])[] = [
  [
    'ECDSA P-256',
    { file: 'fixtures/pdf/310000-licence-ecdsa.pdf', family: 'ecdsa', profile: 'pkcs7' },
    'fixtures/pki/310000/ecdsa/licence-issuer.crl',
  ],
  [
    'SM2',
    { file: 'fixtures/pdf/310000-licence-sm2.pdf', family: 'sm2', profile: 'gbt35275' },
    'fixtures/pki/310000/sm2/licence-issuer.crl',
  ],
]

async function familyRows(dir: string, have: Peers): Promise<BenchRow[]> {
  const group =
    `PDF: small signed licence, other key families (in process, with CRL, ` +
    `${COPIES} distinct signed copies in turn)`
  const rows: BenchRow[] = []
  for (const [family, fixture, crl] of FAMILIES) {
    const documents = distinctCopies(fixture, COPIES)
    const signedBytes = (b: Uint8Array) => signedSlices(b, fixture.family)
    const r = await measureInProcess(fixture.file, [crl], { documents, signedBytes })
    const copies = written(documents, join(dir, family.replace(/\W+/g, '-')))
    const pdfsig = have.pdfsig ? perFile('pdfsig', 'pdfsig', (f) => [f], copies).value : 0
    const vsPdfsig = pdfsig
      ? `${(r.cached / pdfsig).toFixed(1)}x pdfsig per file on the same files ` +
        `(${pdfsig.toFixed(0)}/s; goal >= 10x)`
      : 'pdfsig absent'
    const share = 100 * r.shareCached
    rows.push(
      {
        group,
        name: `${family}: createVerifier(), warm caches`,
        value: r.cached,
        unit: 'verifications/s',
        note:
          `verdict ${r.status}; ${vsPdfsig}; ` +
          `${share.toFixed(0)}% of the raw bound (goal >= 25%)`,
      },
      {
        group,
        name: `${family}: verify(), single`,
        value: r.plain,
        unit: 'verifications/s',
        note: `${(100 * r.sharePlain).toFixed(0)}% of the raw bound`,
      },
      {
        group,
        name: `${family}: raw bound, its ${r.signaturesPlain} signature verifications`,
        value: r.boundPlain,
        unit: 'files/s',
        note: 'replayed alone against the same backend',
      },
      ...digestRows(group, r, `${family}: `),
      {
        group,
        name: `${family}: createVerifier(), share of the raw bound`,
        value: share,
        unit: '%',
        note: shareNote(r),
      },
    )
  }
  return rows
}

/** The PDF benchmark rows (see the file comment). */
export async function benchPdf(): Promise<BenchRow[]> {
  const have: Peers = { pdfsig: installed('pdfsig'), mutool: installed('mutool', '-v') }
  const dir = mkdtempSync(join(tmpdir(), 'yrd-bench-pdf-'))
  try {
    const documents = distinctCopies(SMALL_FIXTURE, COPIES)
    const signedBytes = (b: Uint8Array) => signedSlices(b, SMALL_FIXTURE.family)
    const inProc = await measureInProcess(SMALL, [SMALL_CRL], { documents, signedBytes })
    return [
      ...smallRows(dir, have, inProc, documents),
      ...(await familyRows(dir, have)),
      ...startRows(),
      ...benchLargePdfs(dir, have),
    ]
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
