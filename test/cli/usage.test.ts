import { describe, expect, it } from 'vitest'
import { runCli } from './helpers.js'

describe('help and usage errors', () => {
  it.each(['verify', 'audit', 'inspect', 'registry'])(
    '%s --help prints its usage, exit 0',
    async (c) => {
      const r = await runCli([c, '--help'])
      expect(r.code).toBe(0)
      expect(r.out).toMatch(new RegExp(`^Usage: yrd-verify ${c}`))
      expect(r.err).toBe('')
    },
  )

  it.each([
    [['verify'], /no FILE given/, /usage: yrd-verify verify FILE/],
    [['verify', 'x', '--bogus'], /Unknown option '--bogus'/, /usage: yrd-verify verify/],
    [['verify', 'x', '--jobs', '0'], /--jobs/, /usage: yrd-verify verify/],
    [['verify', 'x', '--lang', 'fr'], /--lang/, /usage: yrd-verify verify/],
    [['inspect'], /exactly one FILE/, /usage: yrd-verify inspect FILE/],
    [['audit', 'a', 'b'], /at most one DIR/, /usage: yrd-verify audit/],
    [['registry', 'check'], /no FILE given/, /usage: yrd-verify registry show/],
    [['frobnicate'], /unknown command "frobnicate"/, /usage: yrd-verify verify\|inspect/],
  ] as const)('%j is a usage error: message, short usage, exit 3', async (argv, why, usage) => {
    const r = await runCli([...argv])
    expect(r.code).toBe(3)
    expect(r.out).toBe('')
    expect(r.err).toMatch(why)
    expect(r.err).toMatch(usage)
    expect(r.err.split('\n').length).toBeLessThanOrEqual(4)
  })

  it('an unreadable input is not a usage error: one line, no usage', async () => {
    const r = await runCli(['verify', '/nonexistent/file.pem'])
    expect(r.code).toBe(3)
    expect(r.err).toMatch(/no such file/)
    expect(r.err).not.toMatch(/usage:/)
  })
})
