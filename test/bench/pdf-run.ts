/**
 * Process helpers of the PDF benchmark (Node-only): wall-clock timing of a command with a
 * timeout, detection of a missing peer tool, and the `verify()` child process with a memory
 * cap, whose JSON line is parsed into a {@link ChildResult}.
 */
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import type { ChildResult } from './pdf-child.js'

/** The repository root (the children resolve `tsx` and the sources from here). */
export const REPO = join(import.meta.dirname, '../..')

/** One timed run of a command. */
export interface Timed {
  readonly seconds: number
  /** Exit code; null when killed (timeout, signal) or not started. */
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly timedOut: boolean
  /** The command does not exist on this machine. */
  readonly missing: boolean
}

/** Runs a command to completion (or until `timeoutMs`) and measures its wall time. */
export function timed(cmd: string, args: readonly string[], timeoutMs = 120_000): Timed {
  const start = performance.now()
  const r = spawnSync(cmd, args, {
    cwd: REPO,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    killSignal: 'SIGKILL',
  })
  const seconds = (performance.now() - start) / 1000
  const err = r.error as NodeJS.ErrnoException | undefined
  return {
    seconds,
    code: r.status,
    stdout: r.stdout ?? '',
    stderr: r.stderr ?? '',
    timedOut: err?.code === 'ETIMEDOUT',
    missing: err?.code === 'ENOENT',
  }
}

/** Whether a peer tool is installed (it starts at all). */
export function installed(cmd: string, versionArg = '-v'): boolean {
  return !timed(cmd, [versionArg], 10_000).missing
}

/** The median of some numbers (NaN for none). */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b)
  if (!s.length) return Number.NaN
  const mid = Math.floor(s.length / 2)
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2
}

/** How a child verification ended: a result, or why there is none. */
export type ChildOutcome =
  | { readonly ok: true; readonly result: ChildResult; readonly seconds: number }
  | { readonly ok: false; readonly reason: string; readonly seconds: number }

/** Options of {@link verifyInChild}. */
export interface ChildOptions {
  readonly crls?: readonly string[]
  readonly sha?: boolean
  /** A small file verified first to warm the code up (see pdf-child.ts). */
  readonly warm?: string
  readonly timeoutMs?: number
  /** V8 heap cap in MB (`--max-old-space-size`). */
  readonly heapMB?: number
}

/** Verifies `file` in a child Node process (`test/bench/pdf-child.ts`). */
export function verifyInChild(file: string, o: ChildOptions = {}): ChildOutcome {
  const args = [
    `--max-old-space-size=${o.heapMB ?? 2048}`,
    '--import',
    'tsx',
    join(REPO, 'test/bench/pdf-child.ts'),
    file,
    ...(o.sha ? ['--sha'] : []),
    ...(o.warm ? ['--warm', o.warm] : []),
    ...(o.crls ?? []).flatMap((c) => ['--crl', c]),
  ]
  const t = timed(process.execPath, args, o.timeoutMs ?? 120_000)
  if (t.timedOut) return { ok: false, reason: `timed out after ${t.seconds.toFixed(1)} s`, ...t }
  const line = t.stdout.trim().split('\n').pop() ?? ''
  try {
    return { ok: true, result: JSON.parse(line) as ChildResult, seconds: t.seconds }
  } catch {
    const why = t.stderr.trim().split('\n').slice(-3).join(' | ').slice(0, 300)
    return { ok: false, reason: `exit ${t.code ?? 'signal'}: ${why}`, seconds: t.seconds }
  }
}
