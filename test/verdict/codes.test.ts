import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import '../../src/evaluate/chain.js'
import { allCodes } from '../../src/verdict/messages.js'
import '../../src/verify.js'
import { guidanceFor } from './code-guidance.js'

const DOC = join(import.meta.dirname, '../../docs/check-codes.md')

/** The code table as markdown; `UPDATE_DOCS=1 npx vitest run test/verdict` rewrites the file. */
function table(): string {
  const rows = [...allCodes().entries()].sort(([a], [b]) => a.localeCompare(b))
  const cell = (s: string) => s.replace(/\|/g, '\\|')
  return [
    '# Check codes',
    '',
    'Every check in a verdict carries one of these stable codes. Messages are given in Chinese',
    'and English (`--lang zh|en`); `{name}` marks a value filled in from the input. This file is',
    'generated from the code tables in `src/` and a test keeps it in step with them.',
    '',
    'The last column says what the code means and what to do about it, by code family (the',
    'longest matching prefix), in English and Chinese. A check with status `passed` needs no',
    'action; the advice applies when it failed, was indeterminate or warned.',
    '',
    '| code | 中文 | English | meaning / what to do · 含义与处理 |',
    '|---|---|---|---|',
    ...rows.map(([code, t]) => {
      const g = guidanceFor(code)
      const advice = g ? `${g.en}<br>${g.zh}` : ''
      return `| \`${code}\` | ${cell(t.zh)} | ${cell(t.en)} | ${cell(advice)} |`
    }),
    '',
  ].join('\n')
}

describe('check codes', () => {
  it('are dotted lower-case and have both languages', () => {
    const codes = allCodes()
    expect(codes.size).toBeGreaterThan(30)
    for (const [code, text] of codes) {
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+$/)
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(text.en.length).toBeGreaterThan(5)
    }
  })

  it('all have guidance (meaning / what to do) in both languages', () => {
    const missing = [...allCodes().keys()].filter((code) => !guidanceFor(code))
    expect(missing).toEqual([])
    for (const code of allCodes().keys()) {
      expect(guidanceFor(code)!.zh).toMatch(/[\u4e00-\u9fff]/)
    }
  })

  it('are all documented in docs/check-codes.md', () => {
    if (process.env.UPDATE_DOCS) writeFileSync(DOC, table())
    expect(readFileSync(DOC, 'utf8')).toBe(table())
  })
})
