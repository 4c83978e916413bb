/**
 * The CLI (`dist/cli.js`, built by `npm run bench`) over a folder of copies of one small
 * licence, in one invocation with `--jobs 1` and `--jobs 2`: files per second by wall time,
 * start-up included. Shared by the PDF, OFD and signed JSON rows.
 */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import { WORKER_START_MS } from '../../src/cli/batch.js'
import { REPO, timed } from './pdf-run.js'
import type { BenchRow } from './types.js'

/** The built CLI. */
export const CLI = join(REPO, 'dist/cli.js')
/** Copies of a licence in a benchmark folder. */
export const COPIES = 24
/** Copies in the larger folder, enough work for `--jobs 2` to start its worker. */
export const MANY_COPIES = 480
const JOBS = [1, 2] as const

/** Arguments of `yrd-verify verify TARGET` with the CRLs (repository-relative), quiet. */
export function cliArgs(target: string, crls: readonly string[], extra: readonly string[] = []) {
  return [CLI, 'verify', target, ...crls.flatMap((c) => ['--crl', c]), '-q', ...extra]
}

/** Fills `folder` (created) with `count` copies of a repository file; their paths. */
export function copiesOf(file: string, folder: string, count = COPIES): string[] {
  mkdirSync(folder, { recursive: true })
  return Array.from({ length: count }, (_, i) => {
    const copy = join(folder, `licence-${String(i).padStart(2, '0')}${extname(file)}`)
    copyFileSync(join(REPO, file), copy)
    return copy
  })
}

/** What the folder rows are compared with, appended to each note (files/s in, text out). */
export type Compare = (filesPerSecond: number) => string

/** What `--jobs 2` can gain on `count` small files (see src/cli/batch.ts). */
function parallel(count: number): string {
  return count > COPIES
    ? ' (a worker thread joins once the work left exceeds what starting one costs)'
    : ` (no worker is started: ${count} small files are less work than the ` +
        `${WORKER_START_MS} ms a worker costs to start, so both run in one thread)`
}

/**
 * The CLI over `folder` (see {@link copiesOf}) with `--jobs 1` and `--jobs 2`, or one skip
 * row when the CLI is not built. Each note has the wall time, the exit code, `compare` and,
 * for `--jobs 2`, the ratio to `--jobs 1`.
 */
export function cliFolderRows(
  group: string,
  folder: string,
  crls: readonly string[],
  compare: Compare,
  count = COPIES,
): BenchRow[] {
  if (!existsSync(CLI)) {
    const note = 'skipped: dist/cli.js missing (npm run bench builds it first)'
    return [{ group, name: 'CLI over a folder', value: 0, unit: 'files/s', note }]
  }
  const rows: BenchRow[] = []
  for (const jobs of JOBS) {
    const t = timed(process.execPath, cliArgs(folder, crls, ['-r', '--jobs', String(jobs)]))
    const value = count / t.seconds
    const one = rows[0]?.value
    const vsOne = one ? `; ${(value / one).toFixed(2)}x --jobs 1${parallel(count)}` : ''
    rows.push({
      group,
      name: `CLI over a folder of ${count}, --jobs ${jobs}`,
      value,
      unit: 'files/s',
      note:
        `one invocation, ${t.seconds.toFixed(2)} s wall incl. start-up; ` +
        `exit ${t.code ?? 'signal'}` +
        (t.code === 0 ? ' (all recognised)' : ' (NOT all recognised)') +
        `; ${compare(value)}${vsOne}`,
    })
  }
  return rows
}
