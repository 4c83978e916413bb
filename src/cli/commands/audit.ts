/**
 * `yrd-verify audit [DIR]`: verify every fixture the manifest lists, compare each verdict with
 * the expectation, print one line per fixture and a last line "N passed, M failed". Files the
 * manifest does not list and entries whose file is missing are reported too.
 */
import { readdir, readFile } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { COMMON_OPTIONS, langOf, parse } from '../args.js'
import { CliError, type Output } from '../output.js'
import { registryFrom, warnIfTest } from '../registry-option.js'
import { runVerify } from './verify.js'

export const AUDIT_HELP = `Usage: yrd-verify audit [DIR] [--lang zh|en]

Verifies every file listed in DIR/manifest.json (default DIR: fixtures) with its arguments,
compares status and subIndication with the expectation, and prints one line per fixture and a
last line "N passed, M failed". Exit 0 only when every fixture matches.`

interface ManifestEntry {
  readonly file: string
  readonly args?: readonly string[]
  readonly expect: { readonly status: string; readonly subIndication: string | null }
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

/** Captures one verify run's JSON and exit code. */
async function verifyQuietly(argv: string[], out: Output): Promise<{ code: number; json: string }> {
  const lines: string[] = []
  const capture: Output = { out: (l) => lines.push(l), err: () => undefined, color: out.color }
  const code = await runVerify(argv, capture)
  return { code, json: lines.join('\n') }
}

/** Runs the audit and returns the exit code. */
export async function runAudit(argv: string[], out: Output): Promise<number> {
  const { values, positionals } = parse(argv, COMMON_OPTIONS)
  if (values.help) {
    out.out(AUDIT_HELP)
    return 0
  }
  if (positionals.length > 1) throw new CliError('audit: at most one DIR / 只能指定一个目录')
  const lang = langOf(values.lang)
  const dir = positionals[0] ?? 'fixtures'
  const entries = await readManifest(dir)
  const c = out.color
  let passed = 0
  let failed = 0
  const listed = new Set<string>()
  for (const f of entries) {
    listed.add(f.file)
    const args = (f.args ?? []).map((a, i, all) =>
      PATH_ARGS.has(all[i - 1] ?? '') ? join(dir, a) : a,
    )
    const want = `${f.expect.status}/${f.expect.subIndication ?? '-'}`
    const r = await verifyQuietly(
      ['verify', join(dir, f.file), ...args, '--json', '--lang', lang].slice(1),
      out,
    )
    let got = `exit ${r.code}`
    try {
      const v = JSON.parse(r.json) as { status: string; subIndication: string | null }
      got = `${v.status}/${v.subIndication ?? '-'}`
    } catch {
      // an unreadable fixture prints no JSON; "got" keeps the exit code
    }
    const ok = got === want
    if (ok) passed++
    else failed++
    const mark = ok ? c.green('PASS') : c.red('FAIL')
    const about = f.description ? `  ${f.description[lang]}` : ''
    out.out(`${mark}  ${f.file}  expected ${want}${ok ? '' : `, got ${got}`}${about}`)
  }
  const present = new Set(await listFiles(dir))
  for (const f of entries) {
    if (!present.has(f.file))
      out.out(c.red(`MISSING  ${f.file}: listed in the manifest, file not found / 文件缺失`))
  }
  for (const file of [...present].sort()) {
    if (!listed.has(file) && !isArgument(file, entries)) {
      out.out(c.yellow(`UNLISTED  ${file}: not in the manifest / 未列入清单`))
    }
  }
  warnIfTest(await registryFrom({}), out)
  out.out(`${passed} passed, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

/** True when a file is used only as an argument of some fixture (a CRL, an OCSP response). */
function isArgument(file: string, entries: readonly ManifestEntry[]): boolean {
  return entries.some((e) => (e.args ?? []).includes(file))
}
