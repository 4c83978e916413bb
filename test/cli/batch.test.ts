import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { join, relative } from 'node:path'
import pc from 'picocolors'
import { describe, expect, it } from 'vitest'
import { jobsForCores, runBatch } from '../../src/cli/batch.js'
import { createVerifier, type Verifier } from '../../src/verifier.js'
import { main } from '../../src/cli/main.js'
import type { Output } from '../../src/cli/output.js'
import type { Verdict } from '../../src/verdict/types.js'
import { FIXTURES, ROOT, runCli } from './helpers.js'

interface Fixture {
  file: string
  args?: string[]
  expect: { status: string; subIndication: string | null }
}
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  fixtures: Fixture[]
}
const plain = manifest.fixtures.filter((f) => !f.args?.length)

const key = (v: Verdict) => ({
  file: v.file,
  status: v.status,
  subIndication: v.subIndication,
  kind: v.kind,
})

/** Runs `body` with workers started at once (not only when the work left is large). */
async function eagerWorkers<T>(body: () => Promise<T>): Promise<T> {
  const before = process.env['YRD_VERIFY_SPAWN_MS']
  process.env['YRD_VERIFY_SPAWN_MS'] = '0'
  try {
    return await body()
  } finally {
    if (before === undefined) delete process.env['YRD_VERIFY_SPAWN_MS']
    else process.env['YRD_VERIFY_SPAWN_MS'] = before
  }
}

describe('verify over a folder in worker threads', () => {
  it('starts workers only when the work left outweighs their start-up', async () => {
    const files = plain.slice(0, 6).map((f) => join(FIXTURES, f.file))
    const values = { at: '2026-12-03T00:00:00Z' }
    const options = { time: new Date(values.at), lang: 'en' as const }
    const spawns: number[] = []
    const run = (spawnAfterMs: number) =>
      runBatch(files, values, options, {
        jobs: 3,
        details: false,
        spawnAfterMs,
        onSpawn: (n) => spawns.push(n),
      })
    const lazy = await run(60_000)
    expect(spawns).toEqual([])
    const eager = await run(0)
    expect(spawns).toEqual([2])
    expect(eager.map((r) => r.verdict?.status)).toEqual(lazy.map((r) => r.verdict?.status))
    expect(lazy.map((r) => r.file)).toEqual(files)
  }, 120_000)

  it('uses one thread per 1.5 cores by default, and one on two cores', () => {
    expect([1, 2, 3, 4, 8, 16].map(jobsForCores)).toEqual([1, 1, 2, 2, 5, 10])
  })

  it('feeds its workers while this thread verifies files it reads whole', async () => {
    // This thread's verifier holds the processor 20 ms a file without a turn of the event
    // loop, as real verifications of small files do; 300 files keep it busy for 6 s. A worker
    // fed only when this thread's loop ends would verify none of them.
    const count = 300
    const files = Array.from({ length: count }, () => join(FIXTURES, plain[0]!.file))
    const values = { at: '2026-12-03T00:00:00Z' }
    const options = { time: new Date(values.at), lang: 'en' as const }
    const real = createVerifier()
    let local = 0
    const busy: Verifier = {
      ...real,
      verifyDetailed: (input, call) => {
        local++
        for (const end = performance.now() + 20; performance.now() < end;);
        return real.verifyDetailed(input, call)
      },
    }
    const results = await runBatch(files, values, options, {
      jobs: 2,
      details: false,
      spawnAfterMs: 0,
      verifier: busy,
    })
    expect(results.map((r) => r.verdict?.status)).toEqual(files.map(() => plain[0]!.expect.status))
    expect(local).toBeGreaterThan(0)
    expect(local).toBeLessThan(count)
  }, 120_000)

  it('-r fixtures --jobs 2 gives the same verdicts, in the same order, as --jobs 1', async () => {
    const at = ['--at', '2026-12-03T00:00:00Z']
    const one = await runCli(['verify', '-r', FIXTURES, '--jobs', '1', '--json', ...at])
    const two = await eagerWorkers(() =>
      runCli(['verify', '-r', FIXTURES, '--jobs', '2', '--json', ...at]),
    )
    const a = (JSON.parse(one.out) as Verdict[]).map(key)
    const b = (JSON.parse(two.out) as Verdict[]).map(key)
    expect(a.length).toBeGreaterThan(manifest.fixtures.length)
    expect(b).toEqual(a)
    expect(two.code).toBe(one.code)
    // Every file of the folder, in sorted walk order.
    const files = a.map((v) => relative(FIXTURES, v.file!))
    expect(files).toContain('certificates/310000-rsa-signer.pem')
    expect(files.indexOf('certificates/random.bin')).toBeLessThan(files.indexOf('ofd/zip-bomb.ofd'))
    // Fixtures that need no arguments get their manifest verdict in the folder run too.
    for (const f of plain) {
      const v = a.find((x) => x.file === join(FIXTURES, f.file))
      expect({ file: f.file, status: v?.status, sub: v?.subIndication }).toEqual({
        file: f.file,
        status: f.expect.status,
        sub: f.expect.subIndication,
      })
    }
  }, 180_000)

  it('the bundled CLI starts its bundled worker (cli.js beside cli-worker.js)', async () => {
    // The same two entries as tsup.config.ts, built without types into an ignored folder.
    mkdirSync(join(ROOT, 'test/artifacts'), { recursive: true })
    const out = mkdtempSync(join(ROOT, 'test/artifacts/dist-cli-'))
    const tsup = join(ROOT, 'node_modules/tsup/dist/cli-default.js')
    const entries = ['--entry.cli=src/cli.ts', '--entry.cli-worker=src/cli/worker.ts']
    const options = ['--format', 'esm', '--target', 'node20', '--splitting', '--out-dir', out]
    const build = spawnSync(process.execPath, [tsup, '--no-config', ...entries, ...options], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 120_000,
    })
    expect(build.status, build.stderr).toBe(0)
    const dir = join(FIXTURES, 'certificates')
    const at = ['--at', '2026-12-03T00:00:00Z', '--json']
    const r = spawnSync(
      process.execPath,
      [join(out, 'cli.js'), 'verify', '-r', dir, '-j', '2', ...at],
      {
        cwd: ROOT,
        env: { ...process.env, YRD_VERIFY_SPAWN_MS: '0' },
        encoding: 'utf8',
        timeout: 120_000,
      },
    )
    const bundled = (JSON.parse(r.stdout) as Verdict[]).map(key)
    const inProcess = await runCli(['verify', '-r', dir, '--jobs', '1', ...at])
    expect(bundled).toEqual((JSON.parse(inProcess.out) as Verdict[]).map(key))
    expect(bundled.length).toBeGreaterThan(30)
    expect(r.status).toBe(inProcess.code)
    rmSync(out, { recursive: true, force: true })
  }, 180_000)

  it('keeps input order across workers and prints one line per file and a summary', async () => {
    const files = plain
      .slice(0, 8)
      .map((f) => join(FIXTURES, f.file))
      .reverse()
    const r = await eagerWorkers(() => runCli(['verify', ...files, '--jobs', '3', '--lang', 'en']))
    const lines = r.out.split('\n')
    const perFile = lines.slice(0, files.length)
    perFile.forEach((line, i) => expect(line).toContain(files[i]))
    expect(r.out).toMatch(/summary: 8 files/)
    expect(r.out).toMatch(/\n {2}total\s+\d+\s+\d+\s+\d+\s+0$/)
    const statuses = plain.slice(0, 8).map((f) => f.expect.status)
    const total = lines.at(-1)!.trim().split(/\s+/).slice(1).map(Number)
    expect(total[0]).toBe(statuses.filter((s) => s === 'recognized').length)
    expect(total[1]).toBe(statuses.filter((s) => s === 'rejected').length)
  }, 120_000)

  it('draws progress on a terminal stderr only, and not with --json or -q', async () => {
    const files = plain.slice(0, 3).map((f) => join(FIXTURES, f.file))
    const run = async (extra: string[]) => {
      const drawn: string[] = []
      const out: Output = {
        out: () => undefined,
        err: () => undefined,
        color: pc.createColors(false),
        progress: (t) => drawn.push(t),
      }
      await main(['verify', ...files, '--jobs', '1', ...extra], out)
      return drawn
    }
    const drawn = await run([])
    expect(drawn.filter((t) => t.startsWith('['))).toHaveLength(3)
    expect(drawn.at(-2)).toMatch(/^\[#{24}\] 3\/3 /)
    expect(drawn.at(-1)).toBe('')
    expect(await run(['--json'])).toEqual([])
    expect(await run(['-q'])).toEqual([])
  })

  it('refuses a bad --jobs and a folder without -r (exit 3)', async () => {
    for (const jobs of ['0', 'many', '1000']) {
      expect((await runCli(['verify', FIXTURES, '-r', '--jobs', jobs])).code).toBe(3)
    }
    const r = await runCli(['verify', FIXTURES])
    expect(r.code).toBe(3)
    expect(r.err).toMatch(/is a directory/)
  })

  it('an unreadable file among others gives exit 3 and still prints the others', async () => {
    const good = join(FIXTURES, plain[0]!.file)
    const args = ['verify', good, join(FIXTURES, 'nope.pem'), '--jobs', '2', '--json']
    const r = await eagerWorkers(() => runCli(args))
    expect(r.code).toBe(3)
    expect((JSON.parse(r.out) as Verdict[]).map((v) => v.file)).toEqual([good])
    expect(r.err).toMatch(/nope\.pem: no such file/)
  })
})
