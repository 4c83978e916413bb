/**
 * A reader that leaves early (`yrd-verify … | head -1`) ends the output, not the run: no stack
 * trace, and the exit code still says what was verified.
 */
import { spawn } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildCli, type BuiltCli } from './built-cli.js'

let built: BuiltCli | undefined
beforeAll(() => {
  built = buildCli()
}, 120_000)
afterAll(() => built?.remove())

/** Runs the CLI, closing its stdout after the first chunk; resolves to the code and stderr. */
function firstChunkOnly(argv: readonly string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [built!.cli, ...argv], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.stdout.once('data', () => child.stdout.destroy())
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, err }))
  })
}

describe('CLI output to a closed pipe', () => {
  it('inspect stops writing quietly and exits 0', async () => {
    const r = await firstChunkOnly(['inspect', 'fixtures/pdf/310000-licence-rsa.pdf', '-v'])
    expect(r.err).not.toMatch(/EPIPE|Error|at /)
    expect(r.code).toBe(0)
  }, 60_000)

  it('verify of a folder keeps its exit code (some fixtures are rejected)', async () => {
    const r = await firstChunkOnly(['verify', '-r', 'fixtures/pdf', '--jobs', '1'])
    expect(r.err).not.toMatch(/EPIPE|at .*\(/)
    expect(r.code).toBe(1)
  }, 120_000)
})
