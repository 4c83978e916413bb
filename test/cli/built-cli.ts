/**
 * The bundled executable for tests that must run what users run (`node cli.js …`), measured
 * as its own process. CI does not build `dist/` before the tests, and a `dist/` left from an
 * earlier build may not match the sources, so each test file builds its own copy with the
 * executable's entry of tsup.config.ts (self-contained: dependencies bundled) into a private
 * temporary folder, in about a second, and removes it afterwards. `npm run build`, which
 * empties `dist/`, is never run from a test: other work in the same checkout may use it.
 *
 * Run as a script (`node --import tsx test/cli/built-cli.ts OUT`), this file does the build.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const ROOT = join(import.meta.dirname, '../..')
const SELF = fileURLToPath(import.meta.url)

/** What one run of the built CLI printed, and its exit code (null when killed). */
export interface CliRun {
  readonly code: number | null
  readonly out: string
  readonly err: string
}

/** A built CLI: the path of its `cli.js`, a way to run it, and how to remove it. */
export interface BuiltCli {
  readonly cli: string
  /** Runs `node cli.js …argv` (no colour, a minute at most). */
  run(argv: readonly string[]): CliRun
  remove(): void
}

/** Builds the CLI (tsup.config.ts, executable entry) into a fresh folder. */
export function buildCli(): BuiltCli {
  const out = mkdtempSync(join(tmpdir(), 'yrd-built-cli-'))
  const r = spawnSync(process.execPath, ['--import', 'tsx', SELF, out], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 120_000,
  })
  const cli = join(out, 'cli.js')
  if (r.status !== 0 || !existsSync(cli)) {
    rmSync(out, { recursive: true, force: true })
    throw new Error(`building the CLI failed: ${r.stderr || r.error?.message}`)
  }
  return {
    cli,
    run: (argv) => {
      const r = spawnSync(process.execPath, [cli, ...argv], {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 16 * 1024 * 1024,
      })
      return { code: r.status, out: r.stdout, err: r.stderr }
    },
    remove: () => rmSync(out, { recursive: true, force: true }),
  }
}

async function buildInto(out: string): Promise<void> {
  const { build } = await import('tsup')
  const { default: configs } = await import('../../tsup.config.js')
  const all = Array.isArray(configs) ? configs : [configs]
  const exe = all.find((c) => typeof c === 'object' && c.entry && 'cli' in c.entry)
  if (!exe || typeof exe !== 'object') throw new Error('tsup.config.ts has no cli entry')
  await build({ ...exe, outDir: out, sourcemap: false, silent: true, config: false })
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === pathToFileURL(SELF).href) {
  const out = process.argv[2]
  if (!out) throw new Error('usage: built-cli.ts OUT_DIR')
  await buildInto(out)
}
