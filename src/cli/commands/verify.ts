/**
 * `yrd-verify verify FILE...`: verify each input and print its verdict; the exit code is the
 * worst result (1 rejected, 2 indeterminate, 0 all recognised).
 */
import { YrdError } from '../../errors.js'
import type { Verdict } from '../../verdict/types.js'
import { verify, type VerifyOptions } from '../../verify.js'
import { langOf, parse, timeOf, VERIFY_OPTIONS } from '../args.js'
import { readInput } from '../files.js'
import { CliError, type Output } from '../output.js'
import { registryFrom, warnIfTest } from '../registry-option.js'
import { renderVerdict } from '../render-text.js'

export const VERIFY_HELP = `Usage: yrd-verify verify FILE... [options]

Verify certificates (PEM, DER, .p7b, .p12) and signed documents against the trust registry.

Options:
  --json                 print the verdict as JSON (an array for several files)
  --registry FILE        trust registry to use (default: built-in TEST registry)
  --registry-key PEM     registry operator public key (default: built-in TEST key)
  --registry-min-sequence N  refuse a registry older than sequence N (rollback protection)
  --trust PEM            extra trust anchor (repeatable); vouches for no province
  --at ISO-TIME          validation time (default: now)
  --password PASS        password of a PKCS#12 file
  --crl FILE             CRL to use (repeatable, DER or PEM)
  --ocsp FILE            OCSP response to use (repeatable, DER)
  --online               fetch CRLs and OCSP responses named in certificates
  --revocation MODE      require (default) | if-available | off
  --lang zh|en           language of messages (default zh)
  -q, --quiet            print nothing; rely on the exit code
  -v, --verbose          show every check, the chain and the registry
  --no-color             no colour (NO_COLOR is honoured too)

Exit codes: 0 all recognised, 1 any rejected, 2 any indeterminate, 3 usage or unreadable.`

/** Exit code of a set of verdicts: 1 over 2 over 0. */
export function exitCodeOf(verdicts: readonly Verdict[]): number {
  if (verdicts.some((v) => v.status === 'rejected')) return 1
  if (verdicts.some((v) => v.status === 'indeterminate')) return 2
  return 0
}

function revocationOf(value: unknown): 'require' | 'if-available' | 'off' {
  if (value === undefined) return 'require'
  if (value === 'require' || value === 'if-available' || value === 'off') return value
  throw new CliError('--revocation must be require, if-available or off')
}

/** With --online: the fetcher as a revocation source and as a finder of missing issuers. */
async function onlineOptions(enabled: boolean): Promise<Partial<VerifyOptions>> {
  if (!enabled) return {}
  const { createOnlineSource } = await import('../../pki/fetch/online-source.js')
  const online = createOnlineSource({})
  return {
    revocationSources: [online],
    fetchIssuers: async (cert) => (await online.fetchIssuers(cert)).certificates,
  }
}

/** Runs the verify command and returns the exit code. */
export async function runVerify(argv: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(argv, VERIFY_OPTIONS)
  if (values.help) {
    out.out(VERIFY_HELP)
    return 0
  }
  if (positionals.length === 0) throw new CliError('verify: no FILE given / 未指定文件')
  const lang = langOf(values.lang)
  const quiet = values.quiet === true
  const registry = await registryFrom(values)
  const readAll = (paths: string[] | undefined) => Promise.all((paths ?? []).map(readInput))
  const time = timeOf(values.at)
  const options: VerifyOptions = {
    registry,
    lang,
    revocation: revocationOf(values.revocation),
    trustAnchors: await readAll(values.trust),
    crls: await readAll(values.crl),
    ocspResponses: await readAll(values.ocsp),
    ...(await onlineOptions(values.online === true)),
    ...(time ? { time } : {}),
    ...(values.password !== undefined ? { password: values.password } : {}),
  }
  const verdicts: Verdict[] = []
  let unreadable = false
  for (const file of positionals) {
    try {
      const bytes = await readInput(file)
      verdicts.push({ file, ...(await verify(bytes, options)) })
    } catch (e) {
      const message = e instanceof CliError ? e.message : unreadableMessage(file, e)
      if (message === undefined) throw e
      out.err(`yrd-verify: ${message}`)
      unreadable = true
    }
  }
  if (verdicts.length > 0 && !quiet) warnIfTest(registry, out)
  if (values.json) {
    out.out(JSON.stringify(verdicts.length === 1 ? verdicts[0] : verdicts, null, 2))
  } else if (!quiet) {
    for (const v of verdicts) renderVerdict(out, v, lang, values.verbose === true)
  }
  return unreadable ? 3 : exitCodeOf(verdicts)
}

function unreadableMessage(file: string, e: unknown): string | undefined {
  return e instanceof YrdError && e.code.startsWith('input.') ? `${file}: ${e.message}` : undefined
}
