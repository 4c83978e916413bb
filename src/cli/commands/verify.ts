/**
 * `yrd-verify verify FILE...`: verify each input (folders with -r, in parallel with --jobs)
 * and print its verdict; the exit code is the worst result (1 rejected, 2 indeterminate, 0 all
 * recognised, 3 when an input could not be read).
 */
import { writeFile } from 'node:fs/promises'
import type { Verdict } from '../../verdict/types.js'
import { jobsOf, langOf, parse, VERIFY_OPTIONS } from '../args.js'
import { defaultJobs, runBatch } from '../batch.js'
import { expandInputs } from '../files.js'
import { maskPersonal } from '../mask.js'
import { CliError, mapOutput, UsageError, type Output } from '../output.js'
import { createVerifier } from '../../verifier.js'
import { warnIfTest } from '../registry-option.js'
import { renderHtml } from '../render-html.js'
import { renderVerdict } from '../render-text.js'
import { progressBar, renderSummary } from '../summary.js'
import { verifyOptionsFrom } from '../verify-options.js'
import { PLAIN } from '../../shape.js'

export const VERIFY_HELP = `Usage: yrd-verify verify FILE|DIR... [options]

Verify certificates (PEM, DER, .p7b, .p12), PDF, OFD, seals, CMS and signed JSON (JWS) licences
against the trust registry.

Options:
  --json                 print the verdict as JSON (an array for several files)
  --html REPORT.html     also write a self-contained HTML report (both languages, pictures)
  -r, --recursive        verify every file under the folders given
  -j, --jobs N           verify in N threads (default: one per 1.5 cores; 1 = in process)
  --registry FILE        trust registry to use (default: built-in TEST registry)
  --registry-key PEM     registry operator public key (default: built-in TEST key)
  --registry-min-sequence N  refuse a registry older than sequence N (rollback protection)
  --trust PEM            extra trust anchor (repeatable); vouches for no province
  --at ISO-TIME          validation time (default: now)
  --password PASS        password of a PKCS#12 file
  --payload FILE         the payload of a detached JWS licence (its bytes as signed)
  --crl FILE             CRL to use (repeatable, DER or PEM)
  --ocsp FILE            OCSP response to use (repeatable, DER)
  --online               fetch CRLs and OCSP responses named in certificates
  --revocation MODE      require (default) | if-available | off
  --limit NAME=VALUE     change one bound (repeatable; VALUE may end in k, M or G), e.g.
                         --limit pdfObjects=50000 --limit fileSize=64M (docs/limits.md)
  --lang zh|en           language of messages (default zh)
  --unmask               show citizen ID and mobile numbers in full (masked by default;
                         --json always keeps them)
  -q, --quiet            print nothing; rely on the exit code
  -v, --verbose          show every check, the chain and the registry
  --no-color             no colour (NO_COLOR is honoured too)

Several files print one line each, in the order given, and a summary table.
Exit codes: 0 all recognised, 1 any rejected, 2 any indeterminate, 3 usage or unreadable.`

/** Exit code of a set of verdicts: 1 over 2 over 0. */
export function exitCodeOf(verdicts: readonly Verdict[]): number {
  if (verdicts.some((v) => v.status === 'rejected')) return 1
  if (verdicts.some((v) => v.status === 'indeterminate')) return 2
  return 0
}

/** Runs the verify command and returns the exit code. */
export async function runVerify(argv: string[], rawOut: Output): Promise<number> {
  const { values, positionals } = parse(argv, VERIFY_OPTIONS)
  if (values.help) {
    rawOut.out(VERIFY_HELP)
    return 0
  }
  if (positionals.length === 0) throw new UsageError('verify: no FILE given / 未指定文件')
  const lang = langOf(values.lang)
  const quiet = values.quiet === true
  const json = values.json === true
  const jobs = jobsOf(values.jobs) ?? defaultJobs()
  const out = values.unmask ? rawOut : mapOutput(rawOut, maskPersonal)
  const options = await verifyOptionsFrom(values)
  const files = await expandInputs(positionals, values.recursive === true)
  if (files.length === 0) throw new CliError('verify: no files found / 未找到文件')
  const onDone = quiet || json ? undefined : progressBar(out, files.length)
  const results = await runBatch(
    files,
    { ...PLAIN, ...values, at: options.time?.toISOString() },
    options,
    {
      jobs,
      details: values.html !== undefined,
      verifier: createVerifier(),
      ...(onDone ? { onDone } : {}),
    },
  )
  const verdicts = results.flatMap((r) => (r.verdict ? [r.verdict] : []))
  for (const r of results) if (r.error) out.err(`yrd-verify: ${r.error}`)
  if (verdicts.length > 0 && !quiet && options.registry) warnIfTest(options.registry, out)
  if (values.html !== undefined) {
    const html = renderHtml({ kind: 'verify', lang, results }, { unmask: values.unmask === true })
    await writeReport(values.html, html)
  }
  if (json) {
    // JSON is for machines: never masked.
    const single = files.length === 1 && verdicts.length === 1
    rawOut.out(JSON.stringify(single ? verdicts[0] : verdicts, null, 2))
  } else if (!quiet) {
    for (const v of verdicts) renderVerdict(out, v, lang, values.verbose === true)
    if (files.length > 1) renderSummary(out, results)
  }
  return results.some((r) => r.error) ? 3 : exitCodeOf(verdicts)
}

/** Writes an HTML report, turning a write failure into a usage error (exit 3). */
export async function writeReport(path: string, html: string): Promise<void> {
  try {
    await writeFile(path, html, 'utf8')
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error'
    throw new CliError(`${path}: cannot write the report (${code}) / 无法写入报告`)
  }
}
