import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import type { Verdict } from '../../src/verdict/types.js'
import { FIXTURES, ROOT, runCli } from './helpers.js'

interface Fixture {
  file: string
  kind: string
  args?: string[]
  expect: { status: string; subIndication: string | null }
  description: { zh: string; en: string }
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  fixtures: Fixture[]
}
const schema = JSON.parse(readFileSync(join(ROOT, 'docs/verdict.schema.json'), 'utf8'))
const ajv = new Ajv2020({ allErrors: true, strict: false })
const validate = ajv.compile(schema)

function argsOf(f: Fixture): string[] {
  // Paths in `args` are relative to the manifest's folder, like `file`.
  return (f.args ?? []).map((a, i, all) =>
    i > 0 && ['--crl', '--ocsp', '--trust'].includes(all[i - 1]!) ? join(FIXTURES, a) : a,
  )
}

describe('every fixture gets its manifest verdict through the CLI (--json)', () => {
  it('lists fixtures with bilingual descriptions', () => {
    expect(manifest.fixtures.length).toBeGreaterThan(20)
    for (const f of manifest.fixtures) {
      expect(f.description.zh.length).toBeGreaterThan(0)
      expect(f.description.en.length).toBeGreaterThan(0)
    }
  })

  for (const f of manifest.fixtures) {
    const title = `${f.file} ${argsOf(f).length ? '(with args) ' : ''}→ ${f.expect.status}`
    it(`${title} / ${f.expect.subIndication}`, async () => {
      const r = await runCli(['verify', join(FIXTURES, f.file), ...argsOf(f), '--json'])
      const v = JSON.parse(r.out) as Verdict
      expect({ status: v.status, subIndication: v.subIndication }).toEqual(f.expect)
      // A file too broken to be recognised as anything has no kind; it must then be malformed.
      if (v.kind === null) expect(v.subIndication).toBe('FORMAT_FAILURE')
      else expect(v.kind).toBe(f.kind)
      expect(r.code).toBe({ recognized: 0, rejected: 1, indeterminate: 2 }[f.expect.status])
      const ok = validate(v)
      expect(validate.errors ?? []).toEqual([])
      expect(ok).toBe(true)
      if (v.status === 'recognized') expect(v.province).not.toBeNull()
    })
  }
})
