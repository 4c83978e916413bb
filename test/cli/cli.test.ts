import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../src/verdict/types.js'
import { FIXTURES, runCli, spawnCli } from './helpers.js'

const tmp = mkdtempSync(join(tmpdir(), 'yrd-cli-'))

describe('the executable', () => {
  it('prints help and version on stdout with exit 0', () => {
    const help = spawnCli(['--help'])
    expect(help.code).toBe(0)
    expect(help.out).toContain('yrd-verify verify FILE')
    expect(spawnCli(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })

  it('gives exit 3 and one clear stderr line for an unreadable path', () => {
    const r = spawnCli(['verify', join(tmp, 'missing.pem')])
    expect(r.code).toBe(3)
    expect(r.out).toBe('')
    expect(r.err.trim().split('\n')).toHaveLength(1)
    expect(r.err).toMatch(/missing\.pem: no such file/)
  })

  it('gives exit 3 for a folder, an unknown option and a bad --at, without stack traces', () => {
    for (const argv of [
      ['verify', tmp],
      ['verify', '--bogus', 'x'],
      ['verify', 'x', '--at', 'soon'],
    ]) {
      const r = spawnCli(argv)
      expect(r.code).toBe(3)
      expect(r.err).not.toMatch(/\n\s+at /)
    }
  })
})

describe('malformed input is a rejected verdict with FORMAT_FAILURE, never a crash', () => {
  const cases: [string, Uint8Array][] = [
    ['random.bin', new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24))],
    [
      'garbage.pem',
      Buffer.from('-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n'),
    ],
    ['truncated.der', new Uint8Array([0x30, 0x82, 0x04, 0x00, 0x30, 0x82, 0x03, 0x10, 0xa0, 0x03])],
    [
      'bad-base64.pem',
      Buffer.from('-----BEGIN CERTIFICATE-----\n!!!!\n-----END CERTIFICATE-----\n'),
    ],
  ]
  for (const [name, bytes] of cases) {
    it(name, async () => {
      const file = join(tmp, name)
      writeFileSync(file, bytes)
      const r = await runCli(['verify', file, '--json'])
      const v = JSON.parse(r.out) as Verdict
      expect(r.code).toBe(1)
      expect(v.status).toBe('rejected')
      expect(v.subIndication).toBe('FORMAT_FAILURE')
      expect(v.checks.some((c) => c.status === 'failed' && c.message.length > 0)).toBe(true)
    })
  }

  it('a 50 MB file of zeros', async () => {
    const file = join(tmp, 'zeros.bin')
    writeFileSync(file, new Uint8Array(50 * 1024 * 1024))
    const r = await runCli(['verify', file, '--json'])
    const v = JSON.parse(r.out) as Verdict
    expect([r.code, v.status, v.subIndication]).toEqual([1, 'rejected', 'FORMAT_FAILURE'])
  })
})

describe('verify', () => {
  it('prints one JSON array for several files, in input order, worst exit code', async () => {
    const manifest = JSON.parse(
      (await import('node:fs')).readFileSync(join(FIXTURES, 'manifest.json'), 'utf8'),
    ) as { fixtures: { file: string; args?: string[]; expect: { status: string } }[] }
    const plain = manifest.fixtures.filter((f) => !f.args?.length).slice(0, 6)
    const r = await runCli(['verify', ...plain.map((f) => join(FIXTURES, f.file)), '--json'])
    const verdicts = JSON.parse(r.out) as Verdict[]
    expect(verdicts.map((v) => v.file)).toEqual(plain.map((f) => join(FIXTURES, f.file)))
    expect(verdicts.map((v) => v.status)).toEqual(plain.map((f) => f.expect.status))
  })

  it('speaks English with --lang en and Chinese by default', async () => {
    const file = join(tmp, 'random.bin')
    const zh = JSON.parse((await runCli(['verify', file, '--json'])).out) as Verdict
    const en = JSON.parse((await runCli(['verify', file, '--json', '--lang', 'en'])).out) as Verdict
    expect(zh.checks.map((c) => c.message).join()).toMatch(/[\u4e00-\u9fff]/)
    expect(en.checks.map((c) => c.message).join()).not.toMatch(/[\u4e00-\u9fff]/)
  })

  it('warns about the TEST registry on stderr and keeps stdout for results', () => {
    const r = spawnCli(['verify', join(tmp, 'random.bin')])
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/TEST trust registry/)
    expect(r.out).toMatch(/^不予互认 \(rejected\)/)
    expect(spawnCli(['verify', '-q', join(tmp, 'random.bin')]).out).toBe('')
  })
})

describe('registry', () => {
  it('shows the built-in registry with its four provinces', async () => {
    const r = await runCli(['registry', 'show'])
    expect(r.code).toBe(0)
    for (const p of ['上海市', '江苏省', '浙江省', '安徽省']) expect(r.out).toContain(p)
  })

  it('refuses a registry whose content was changed after signing (exit 3)', async () => {
    const { readFileSync } = await import('node:fs')
    const doc = JSON.parse(
      readFileSync(join(FIXTURES, '../src/registry/builtin/test-registry.json'), 'utf8'),
    )
    const file = join(tmp, 'registry.json')
    writeFileSync(file, JSON.stringify(doc))
    expect((await runCli(['registry', 'check', file])).code).toBe(0)
    doc.sequence += 1
    writeFileSync(file, JSON.stringify(doc))
    const bad = await runCli(['registry', 'check', file])
    expect(bad.code).toBe(3)
    expect(bad.err).toMatch(/registry/)
  })
})

describe('registry rollback protection', () => {
  it('refuses a registry whose sequence is below --registry-min-sequence', async () => {
    const file = join(FIXTURES, '../src/registry/builtin/test-registry.json')
    expect((await runCli(['registry', 'check', file, '--registry-min-sequence', '1'])).code).toBe(0)
    const r = await runCli(['registry', 'check', file, '--registry-min-sequence', '2'])
    expect(r.code).toBe(3)
    expect(r.err).toMatch(/sequence|序号/)
  })
})
