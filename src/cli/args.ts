/**
 * Command-line parsing on node:util parseArgs, with every parse error mapped to a usage error
 * (exit code 3) instead of the parser's own exit code or stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './output.js'
import { PLAIN } from '../shape.js'

export type Options = NonNullable<ParseArgsConfig['options']>

export const COMMON_OPTIONS = {
  json: { type: 'boolean' },
  lang: { type: 'string' },
  registry: { type: 'string' },
  'registry-key': { type: 'string' },
  'registry-min-sequence': { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  verbose: { type: 'boolean', short: 'v' },
  'no-color': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  html: { type: 'string' },
  unmask: { type: 'boolean' },
} as const satisfies Options

export const VERIFY_OPTIONS = {
  ...PLAIN,
  ...COMMON_OPTIONS,
  trust: { type: 'string', multiple: true },
  at: { type: 'string' },
  password: { type: 'string' },
  payload: { type: 'string' },
  crl: { type: 'string', multiple: true },
  ocsp: { type: 'string', multiple: true },
  online: { type: 'boolean' },
  revocation: { type: 'string' },
  recursive: { type: 'boolean', short: 'r' },
  jobs: { type: 'string', short: 'j' },
  limit: { type: 'string', multiple: true },
} as const satisfies Options

/** The --jobs value, checked (1 to 256); undefined when not given. */
export function jobsOf(value: unknown): number | undefined {
  if (value === undefined) return undefined
  const s = String(value)
  if (!/^\d{1,3}$/.test(s) || Number(s) < 1 || Number(s) > 256) {
    throw new UsageError(`--jobs needs a number from 1 to 256 / --jobs 需要 1 到 256 的整数`)
  }
  return Number(s)
}

/** Parses `argv` against `options`; unknown flags and bad values become CliError. */
export function parse<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e))
  }
}

/** The --lang value, checked. */
export function langOf(value: unknown): 'zh' | 'en' {
  if (value === undefined) return 'zh'
  if (value === 'zh' || value === 'en') return value
  throw new UsageError(`--lang must be zh or en / --lang 只能是 zh 或 en`)
}

/** The --at value as a Date, checked. */
export function timeOf(value: unknown): Date | undefined {
  if (value === undefined) return undefined
  const s = String(value)
  const d = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(s) ? new Date(s) : undefined
  if (!d || Number.isNaN(d.getTime())) {
    throw new UsageError(`--at needs an ISO 8601 time such as 2026-12-03T00:00:00Z, got "${s}"`)
  }
  return d
}
