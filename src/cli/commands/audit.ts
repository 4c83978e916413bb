/**
 * `yrd-verify audit [DIR]`: verify every fixture the manifest lists, compare each verdict with
 * the expectation, print one line per fixture and a last line "N passed, M failed". Files the
 * manifest does not list and entries whose file is missing are reported too.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import type { Verdict } from '../../verdict/types.js'
import { createVerifier, type Verifier } from '../../verifier.js'
import { COMMON_OPTIONS, langOf, parse, VERIFY_OPTIONS } from '../args.js'
import { maskPersonal } from '../mask.js'
import { CliError, mapOutput, UsageError, type Output } from '../output.js'
import { registryFrom, warnIfTest } from '../registry-option.js'
import { renderHtml, type AuditRow } from '../render-html.js'
import { verifyFile, type FileResult } from '../verify-file.js'
import { verifyOptionsFrom } from '../verify-options.js'
import { writeReport } from './verify.js'
import { PLAIN } from '../../shape.js'

export const AUDIT_HELP = `\
Usage: yrd-verify audit [DIR] [--lang zh|en] [--html REPORT.html] [--unmask]

Verifies every file listed in DIR/manifest.json (default DIR: fixtures) with its arguments,
compares status and subIndication with the expectation (and that every check code listed in
its failedChecks is reported failed or indeterminate), and prints one line per fixture and a
last line "N passed, M failed". Files the manifest does not list and entries whose file is
missing are reported too. Exit 0 only when every fixture matches.

  --html FILE   also write a self-contained HTML report: every fixture with expected and
                actual verdict, reasons in Chinese and English, and the seal pictures
  --unmask      show citizen ID and mobile numbers in full (masked by default)`

interface ManifestEntry {
  readonly file: string
  readonly args?: readonly string[]
  readonly expect: { readonly status: string; readonly subIndication: string | null }
  /** Check codes the verdict must report as failed or indeterminate (what names the attack). */
  readonly failedChecks?: readonly string[]
  readonly description?: { readonly zh: string; readonly en: string }
}

const PATH_ARGS = new Set(['--crl', '--ocsp', '--trust', '--registry', '--registry-key'])
const SKIP_DIRS = new Set(['make', 'pki', 'node_modules'])

async function readManifest(dir: string): Promise<ManifestEntry[]> {
  let text: string
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8')
  } catch {
    throw new CliError(`${join(dir, 'manifest.json')}: cannot read / 无法读取清单`)
  }
  try {
    const doc = JSON.parse(text) as { fixtures?: ManifestEntry[] }
    if (!Array.isArray(doc.fixtures)) throw new Error('no "fixtures" array')
    return doc.fixtures
  } catch (e) {
    throw new CliError(`manifest.json: ${e instanceof Error ? e.message : String(e)}`)
  }
}

/** Files under `dir` (skipping the generator, the PKI and the manifest itself). */
async function listFiles(dir: string, base = dir, depth = 0): Promise<string[]> {
  if (depth > 8) return []
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!(depth === 0 && SKIP_DIRS.has(entry.name)))
        out.push(...(await listFiles(path, base, depth + 1)))
    } else if (!(depth === 0 && entry.name === 'manifest.json') && !entry.name.endsWith('.md')) {
      out.push(relative(base, path))
    }
  }
  return out
}

/** The codes of `want` that the verdict does not report as failed or indeterminate. */
function missingChecks(verdict: Verdict, want: readonly string[] | undefined): string[] {
  if (!want?.length) return []
  const all = [
    ...verdict.checks,
    ...verdict.signatures.flatMap((s) => s.checks),
    ...verdict.seals.flatMap((s) => s.checks),
    ...verdict.certificates.flatMap((c) => c.checks),
  ]
  const refusing = new Set(
    all.filter((c) => c.status === 'failed' || c.status === 'indeterminate').map((c) => c.code),
  )
  return want.filter((code) => !refusing.has(code))
}

/** Verifies one fixture with its own arguments (paths relative to the manifest's folder). */
async function verifyFixture(
  dir: string,
  f: ManifestEntry,
  lang: 'zh' | 'en',
  details: boolean,
  verifier: Verifier,
): Promise<FileResult> {
  const args = (f.args ?? []).map((a, i, all) =>
    PATH_ARGS.has(all[i - 1] ?? '') ? join(dir, a) : a,
  )
  const { values } = parse(args, VERIFY_OPTIONS)
  const options = await verifyOptionsFrom({ ...PLAIN, ...values, lang })
  return verifyFile(join(dir, f.file), options, details, verifier)
}

/** Runs the audit and returns the exit code. */
export async function runAudit(argv: string[], rawOut: Output): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_OPTIONS)
  if (values.help) {
    rawOut.out(AUDIT_HELP)
    return 0
  }
  const out = values.unmask ? rawOut : mapOutput(rawOut, maskPersonal)
  const html = values.html
  const results: FileResult[] = []
  const rows: AuditRow[] = []
  if (positionals.length > 1) throw new UsageError('audit: at most one DIR / 只能指定一个目录')
  const lang = langOf(values.lang)
  const dir = positionals[0] ?? 'fixtures'
  const entries = await readManifest(dir)
  const c = out.color
  let passed = 0
  let failed = 0
  const listed = new Set<string>()
  // One verifier for the run: its caches are keyed by content, so fixtures cannot leak.
  const verifier = createVerifier()
  for (const f of entries) {
    listed.add(f.file)
    const want = `${f.expect.status}/${f.expect.subIndication ?? '-'}`
    const r = await verifyFixture(dir, f, lang, html !== undefined, verifier)
    // An unreadable fixture has no verdict: it is reported with the exit code verify gives.
    const got = r.verdict ? `${r.verdict.status}/${r.verdict.subIndication ?? '-'}` : 'exit 3'
    const missed = r.verdict ? missingChecks(r.verdict, f.failedChecks) : []
    const ok = got === want && missed.length === 0
    if (html !== undefined) {
      results.push(r)
      rows.push({
        file: f.file,
        expected: want,
        actual: got,
        ok,
        ...(f.description ? { description: f.description } : {}),
      })
    }
    if (ok) passed++
    else failed++
    const mark = ok ? c.green('PASS') : c.red('FAIL')
    const about = f.description ? `  ${f.description[lang]}` : ''
    const lacks = missed.length ? `, without ${missed.join(', ')} / 缺少检查项` : ''
    out.out(`${mark}  ${f.file}  expected ${want}${ok ? '' : `, got ${got}${lacks}`}${about}`)
  }
  const present = new Set(await listFiles(dir))
  const missing = entries.filter((f) => !present.has(f.file)).map((f) => f.file)
  for (const file of missing) {
    out.out(c.red(`MISSING  ${file}: listed in the manifest, file not found / 文件缺失`))
  }
  const unlisted = [...present]
    .sort()
    .filter((file) => !listed.has(file) && !isArgument(file, entries))
  for (const file of unlisted) {
    out.out(c.yellow(`UNLISTED  ${file}: not in the manifest / 未列入清单`))
  }
  if (html !== undefined) {
    const report = { kind: 'audit' as const, lang, results, audit: { rows, missing, unlisted } }
    await writeReport(html, renderHtml(report, { unmask: values.unmask === true }))
  }
  warnIfTest(await registryFrom({}), out)
  out.out(`${passed} passed, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

/** True when a file is used only as an argument of some fixture (a CRL, an OCSP response). */
function isArgument(file: string, entries: readonly ManifestEntry[]): boolean {
  return entries.some((e) => (e.args ?? []).includes(file))
}
