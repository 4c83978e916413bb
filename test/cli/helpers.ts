import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import pc from 'picocolors'
import { main } from '../../src/cli/main.js'
import type { Output } from '../../src/cli/output.js'
import { installNodeCrypto } from '../../src/node.js'

export const ROOT = join(import.meta.dirname, '../..')
export const FIXTURES = join(ROOT, 'fixtures')

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  installNodeCrypto()
  const out: string[] = []
  const err: string[] = []
  const output: Output = {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    color: pc.createColors(false),
  }
  const code = await main(argv, output)
  return { code, out: out.join('\n'), err: err.join('\n') }
}

/** Runs the real executable (through tsx) in a child process. */
export function spawnCli(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), ...argv], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}
