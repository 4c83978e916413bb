import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { describe, expect, it } from 'vitest'
import { allCodes } from '../../src/verdict/messages.js'
import type { Check, Verdict } from '../../src/verdict/types.js'
import '../../src/verify.js'
import { FIXTURES, ROOT, runCli } from './helpers.js'

interface Fixture {
  file: string
  kind: string
  args?: string[]
  expect: { status: string; subIndication: string | null }
  /** Check codes that must be reported as failed or indeterminate. */
  failedChecks?: string[]
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

/** Every check of a verdict: the document's and those of its signatures, seals, certificates. */
function allChecks(v: Verdict): Check[] {
  return [
    ...v.checks,
    ...v.signatures.flatMap((s) => s.checks),
    ...v.seals.flatMap((s) => s.checks),
    ...v.certificates.flatMap((c) => c.checks),
  ]
}

describe('the manifest names the checks that refuse each PDF fixture', () => {
  const pdfs = manifest.fixtures.filter((f) => f.kind === 'pdf')

  it('lists failed checks for every refused PDF fixture, none for a recognised one', () => {
    expect(pdfs.length).toBeGreaterThan(30)
    for (const f of pdfs) {
      if (f.expect.status === 'recognized') expect(f.failedChecks, f.file).toBeUndefined()
      else expect(f.failedChecks?.length, f.file).toBeGreaterThan(0)
    }
  })

  it('lists only registered check codes', () => {
    const known = allCodes()
    for (const f of manifest.fixtures) {
      for (const code of f.failedChecks ?? [])
        expect(known.has(code), `${f.file}: ${code}`).toBe(true)
    }
  })

  it('names each PDF attack class by its own check', () => {
    const byFile = new Map(pdfs.map((f) => [f.file.replace(/^pdf\//, ''), f.failedChecks]))
    expect(Object.fromEntries(byFile)).toMatchObject({
      'usf-contents-zeros.pdf': ['pdf.contents.zeros'],
      'usf-byterange-missing.pdf': ['pdf.byte-range.missing'],
      'usf-byterange-zero.pdf': ['pdf.byte-range.order'],
      'truncated.pdf': ['pdf.truncated'],
      'isa-appended-content.pdf': ['pdf.changes.content-added'],
      'swa-wrapped.pdf': ['pdf.gap.not-hex'],
      'shadow-hide.pdf': ['pdf.changes.content-altered'],
      'shadow-replace-font.pdf': ['pdf.changes.resources-swapped'],
      'shadow-hide-and-replace.pdf': ['pdf.changes.xref-repointed'],
      'spoofed-sig-dict.pdf': ['pdf.changes.signature-redefined'],
      'sneaky-full-page-widget.pdf': ['pdf.appearance.full-page-widget'],
      'image-only-seal.pdf': ['policy.image-only-seal'],
      'evil-annotation-date.pdf': ['pdf.changes.overlap'],
      'evil-annotation-p3.pdf': ['pdf.changes.overlap'],
    })
    const attackCodes = [...byFile.values()].flat()
    // Distinct attacks, distinct codes: the two Evil Annotation fixtures alone report overlap.
    expect(attackCodes.filter((c) => c === 'pdf.changes.overlap')).toHaveLength(2)
  })
})

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
      const refusing = allChecks(v).filter(
        (c) => c.status === 'failed' || c.status === 'indeterminate',
      )
      for (const code of f.failedChecks ?? []) {
        expect(
          refusing.map((c) => c.code),
          `${f.file} reports ${code}`,
        ).toContain(code)
      }
    })
  }
})
