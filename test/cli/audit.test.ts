import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIXTURES, runCli } from './helpers.js'

describe('yrd-verify audit', () => {
  it('passes on the committed fixtures, one line per fixture and a totals line', async () => {
    const r = await runCli(['audit', FIXTURES])
    const lines = r.out.trim().split('\n')
    const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8'))
    expect(lines.filter((l) => l.startsWith('PASS'))).toHaveLength(manifest.fixtures.length)
    expect(lines.at(-1)).toBe(`${manifest.fixtures.length} passed, 0 failed`)
    expect(r.code).toBe(0)
  })

  it('fails readably on an altered fixture; reports missing and unlisted files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yrd-audit-'))
    cpSync(FIXTURES, dir, { recursive: true })
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
    const target = manifest.fixtures.find(
      (f: { file: string; expect: { status: string } }) =>
        f.expect.status === 'recognized' && f.file.endsWith('-rsa-signer.pem'),
    ).file as string
    const path = join(dir, target)
    const text = readFileSync(path, 'latin1')
    // Change one base64 character inside the certificate's signature (near the end of the block).
    const at = text.indexOf('-----END CERTIFICATE-----') - 10
    const swapped = text[at] === 'A' ? 'B' : 'A'
    writeFileSync(path, text.slice(0, at) + swapped + text.slice(at + 1), 'latin1')
    writeFileSync(join(dir, 'certificates/stray.pem'), 'not listed')
    rmSync(join(dir, 'certificates/random.bin'))
    const r = await runCli(['audit', dir, '--lang', 'en'])
    expect(r.code).toBe(1)
    expect(r.out).toMatch(new RegExp(`FAIL  ${target}  expected recognized/-, got \\w+/\\w+`))
    expect(r.out).toMatch(/MISSING  certificates\/random\.bin/)
    expect(r.out).toMatch(/UNLISTED  certificates\/stray\.pem/)
    expect(r.out.trim().split('\n').at(-1)).toMatch(/^\d+ passed, 2 failed$/)
  })

  it('fails a fixture whose verdict lacks a check its manifest entry says must fail', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yrd-audit-'))
    cpSync(FIXTURES, dir, { recursive: true })
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))
    type Entry = { file: string; failedChecks?: string[] }
    const named = manifest.fixtures.filter((f: Entry) => f.failedChecks?.length)
    expect(named.length).toBeGreaterThan(10)
    const target = named.find((f: Entry) => f.file === 'pdf/truncated.pdf') as Entry
    target.failedChecks = [...target.failedChecks!, 'pdf.gap.not-hex']
    manifest.fixtures = [target]
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest))
    const r = await runCli(['audit', dir, '--lang', 'en'])
    const line = r.out.split('\n').find((l) => l.includes('pdf/truncated.pdf')) ?? ''
    expect(line).toMatch(/^FAIL .*without pdf\.gap\.not-hex/)
    expect(line).not.toMatch(/pdf\.truncated/)
    expect(r.code).toBe(1)
  })
})
