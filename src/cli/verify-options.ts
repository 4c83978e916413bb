/**
 * Turning the parsed verify options into library VerifyOptions, shared by the in-process run,
 * the batch workers and the audit (which passes each fixture's own arguments).
 */
import { YrdError } from '../errors.js'
import type { VerifyOptions } from '../verify.js'
import { parseLimitArgument, type LimitName, type VerifyLimits } from '../verify-limits.js'
import { langOf, timeOf } from './args.js'
import { readInput } from './files.js'
import { UsageError } from './output.js'
import { registryFrom } from './registry-option.js'
import { PLAIN } from '../shape.js'

/** The verify options as parseArgs returns them (only the fields used here). */
export interface VerifyValues {
  readonly lang?: string | undefined
  readonly registry?: string | undefined
  readonly 'registry-key'?: string | undefined
  readonly 'registry-min-sequence'?: string | undefined
  readonly trust?: string[] | undefined
  readonly at?: string | undefined
  readonly password?: string | undefined
  readonly payload?: string | undefined
  readonly crl?: string[] | undefined
  readonly ocsp?: string[] | undefined
  readonly online?: boolean | undefined
  readonly revocation?: string | undefined
  readonly limit?: string[] | undefined
}

/** The --limit NAME=VALUE options as VerifyLimits (the last value of a name wins). */
export function limitsOf(args: readonly string[] | undefined): VerifyLimits {
  const out: Partial<Record<LimitName, number>> = {}
  for (const arg of args ?? []) {
    try {
      const [name, value] = parseLimitArgument(arg)
      out[name] = value
    } catch (e) {
      if (e instanceof YrdError) throw new UsageError(e.message)
      throw e
    }
  }
  return out
}

function revocationOf(value: unknown): 'require' | 'if-available' | 'off' {
  if (value === undefined) return 'require'
  if (value === 'require' || value === 'if-available' || value === 'off') return value
  throw new UsageError('--revocation must be require, if-available or off')
}

/** With --online: the fetcher as a revocation source and as a finder of missing issuers. */
async function onlineOptions(enabled: boolean): Promise<Partial<VerifyOptions>> {
  if (!enabled) return {}
  const { createOnlineSource } = await import('../pki/fetch/online-source.js')
  const online = createOnlineSource({})
  return {
    revocationSources: [online],
    fetchIssuers: async (cert) => (await online.fetchIssuers(cert)).certificates,
  }
}

/**
 * Builds VerifyOptions from parsed values. The validation time is fixed here (now unless
 * --at), so that every file of a run, and both languages of a report, share one time.
 */
export async function verifyOptionsFrom(values: VerifyValues): Promise<VerifyOptions> {
  const readAll = (paths: string[] | undefined) => Promise.all((paths ?? []).map(readInput))
  const limits = limitsOf(values.limit)
  return {
    ...PLAIN,
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    registry: await registryFrom(values),
    lang: langOf(values.lang),
    revocation: revocationOf(values.revocation),
    trustAnchors: await readAll(values.trust),
    crls: await readAll(values.crl),
    ocspResponses: await readAll(values.ocsp),
    ...(await onlineOptions(values.online === true)),
    time: timeOf(values.at) ?? new Date(),
    ...(values.password !== undefined ? { password: values.password } : {}),
    ...(values.payload !== undefined ? { detachedPayload: await readInput(values.payload) } : {}),
  }
}
