import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, ROOT } from './helpers.js'

const DOC = join(ROOT, 'docs/fixtures.md')

interface Fixture {
  file: string
  kind: string
  args?: string[]
  expect: { status: string; subIndication: string | null }
  failedChecks?: string[]
  description: { zh: string; en: string }
}

const FOLDERS: Record<string, string> = {
  certificates: 'Certificates 证书 — chains, revocation, key usage, containers, hostile bundles',
  ofd: 'OFD documents OFD 文档 — licences sealed per GB/T 38540, tampering, hostile packages',
  seals: 'Seals 电子印章 — standalone GB/T 38540 seals (v1, v4, v5)',
  pdf: 'PDF documents PDF 文档 — signatures, byte ranges, revisions, changes after signing',
  licences: 'Licences 电子证照 — signed JSON (JWS) licences per province and per refusal',
}

/** The fixtures guide as markdown; `UPDATE_DOCS=1 npx vitest run test/cli` rewrites it. */
function guide(fixtures: readonly Fixture[]): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')
  const groups = new Map<string, Fixture[]>()
  for (const f of fixtures) {
    const folder = f.file.split('/')[0]!
    groups.set(folder, [...(groups.get(folder) ?? []), f])
  }
  const tables = [...groups.entries()].flatMap(([folder, list]) => [
    `### ${FOLDERS[folder] ?? folder}`,
    '',
    '| file | kind | arguments | expected verdict | what it proves · 说明 |',
    '|---|---|---|---|---|',
    ...list.map((f) => {
      const args = f.args?.length ? `\`${f.args.join(' ')}\`` : '—'
      const sub = f.expect.subIndication ? ` / ${f.expect.subIndication}` : ''
      const named = (f.failedChecks ?? []).map((c) => `<br>\`${c}\``).join('')
      const want = `${f.expect.status}${sub}${named}`
      const what = `${cell(f.description.en)}<br>${cell(f.description.zh)}`
      return `| \`${f.file}\` | ${f.kind} | ${cell(args)} | ${want} | ${what} |`
    }),
    '',
  ])
  const count = (s: string) => fixtures.filter((f) => f.expect.status === s).length
  return [
    '# Fixtures guide for auditors · 审计人员夹具指南',
    '',
    'The `fixtures/` folder holds small, generated test inputs, each with the verdict it must',
    'get. `fixtures/manifest.json` is the contract: for every file, the arguments it is',
    'verified with, the expected `status` and `subIndication`, and a description in Chinese and',
    'English. A refused PDF fixture also lists `failedChecks`: the check codes that must be',
    'reported as failed or indeterminate, naming the attack (shown under the verdict below;',
    'see [check-codes.md](check-codes.md)). This page is generated from that manifest by',
    '`test/cli/fixtures-doc.test.ts`, which fails when the two disagree.',
    '',
    `There are ${fixtures.length} fixtures: ${count('recognized')} recognized, ` +
      `${count('rejected')} rejected, ${count('indeterminate')} indeterminate.`,
    'Everything is signed with TEST ONLY keys under a four-province test PKI',
    '([fixtures/pki/README.md](../fixtures/pki/README.md)) that the built-in TEST registry',
    'trusts. Never trust these keys elsewhere.',
    '',
    '## Re-audit · 重新审计',
    '',
    '```sh',
    'npm ci && npm run build',
    'npx yrd-verify audit fixtures                     # a line per fixture, "N passed, M failed"',
    'npx yrd-verify audit fixtures --html report.html  # the same as a report, with pictures',
    '```',
    '',
    'Exit code 0 means every fixture got its promised verdict. A `FAIL` line names the file,',
    'the expected and the actual verdict (`FAIL  ofd/x.ofd  expected rejected/HASH_FAILURE, got',
    'recognized/-`). `MISSING` lists manifest entries whose file is gone; `UNLISTED` lists files',
    'the manifest does not mention (a CRL or OCSP response used as an argument is not unlisted).',
    'Changing any fixture by one byte makes its line fail: try it.',
    '',
    '## Regenerate · 重新生成',
    '',
    '```sh',
    'npm run fixtures   # node --import tsx fixtures/make/index.ts',
    '```',
    '',
    'The generator in `fixtures/make/` rebuilds every file and the manifest byte for byte from',
    'the committed TEST ONLY keys (`fixtures/pki/keys/`); `git status` shows no change when',
    'nothing in the generator changed. After changing the generator, re-run the audit and',
    '`UPDATE_DOCS=1 npx vitest run test/cli/fixtures-doc.test.ts` to refresh this page.',
    '',
    '## Reading the HTML report · 阅读 HTML 报告',
    '',
    '- The header gives the totals: passed and failed fixtures, then counts per status.',
    '- Each fixture is a card whose left border is green (recognized), red (rejected) or amber',
    '  (indeterminate). `PASS`/`FAIL` compares the expected with the actual verdict.',
    '- **Reasons · 理由**: every check with its code, status and message in Chinese and English;',
    '  look codes up in [check-codes.md](check-codes.md) for what to do.',
    '- **Certificate / Signature / Seal** cards show the subject, issuer, validity, province and',
    '  the certificate chain from the signer up to the anchor the registry vouches for.',
    '- **Seal pictures** sit side by side: *displayed* (what a viewer draws on the page) and',
    '  *signed* (the picture inside the signed seal). They must show the same seal; a seal',
    '  drawn as OFD vectors is shown as a placeholder. Citizen ID and mobile numbers are masked',
    '  unless `--unmask` is given.',
    '- The report is one self-contained file (no scripts, no network) that can be archived.',
    '',
    '## What each fixture proves · 各夹具说明',
    '',
    ...tables,
  ].join('\n')
}

describe('docs/fixtures.md', () => {
  const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
    fixtures: Fixture[]
  }

  it('lists every fixture of the manifest with its expectation and description', () => {
    const text = guide(manifest.fixtures)
    for (const f of manifest.fixtures) {
      expect(text).toContain(`| \`${f.file}\` | ${f.kind} |`)
    }
  })

  it('is in step with the manifest', () => {
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, guide(manifest.fixtures))
    expect(readFileSync(DOC, 'utf8')).toBe(guide(manifest.fixtures))
  })
})
