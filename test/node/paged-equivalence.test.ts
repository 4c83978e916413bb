/**
 * Paged reading gives the verdict of in-memory reading: every PDF fixture of the manifest and
 * every sample PDF is verified from its bytes and from its path with paging forced (threshold
 * 0), with 4 KiB windows and chunks and with 256-byte ones, so that window growth, objects and
 * tokens cut by a chunk's end and streamed hashing are all exercised.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { verify, verifyFile, type VerifyOptions } from '../../src/node.js'
import { attachByteSource } from '../../src/formats/pdf/source.js'
import { PagedFile } from '../../src/node/paged-file.js'

const ROOT = join(import.meta.dirname, '../..')
const FIXTURES = join(ROOT, 'fixtures')
const SAMPLES = join(ROOT, '../shared/samples/pdf')
const TIME = new Date('2026-12-03T00:00:00Z')

interface Entry {
  readonly file: string
  readonly kind: string
  readonly args?: readonly string[]
}

const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  fixtures: Entry[]
}

function optionsOf(entry: Entry): VerifyOptions {
  const args = entry.args ?? []
  const crls = args
    .filter((_, i) => args[i - 1] === '--crl')
    .map((p) => new Uint8Array(readFileSync(join(FIXTURES, p))))
  return { time: TIME, lang: 'en', crls }
}

const cases: { name: string; path: string; options: VerifyOptions }[] = [
  ...manifest.fixtures
    .filter((f) => f.kind === 'pdf')
    .map((f) => ({ name: f.file, path: join(FIXTURES, f.file), options: optionsOf(f) })),
  ...(existsSync(SAMPLES) ? readdirSync(SAMPLES) : [])
    .filter((f) => f.endsWith('.pdf'))
    .map((f) => ({ name: `samples/${f}`, path: join(SAMPLES, f), options: { time: TIME } })),
]

async function paged(path: string, size: number, options: VerifyOptions) {
  const file = new PagedFile(path, { window: size, chunk: size })
  try {
    attachByteSource(file.bytes, file)
    const verdict = await verify(file.bytes, options)
    return { verdict, loaded: file.loadedBytes }
  } finally {
    file.close()
  }
}

describe('paged reading gives the in-memory verdict', () => {
  it('covers the manifest PDFs and the samples', () => {
    expect(cases.filter((c) => c.name.startsWith('pdf/')).length).toBeGreaterThan(30)
  })

  for (const c of cases) {
    it(c.name, async () => {
      const bytes = new Uint8Array(readFileSync(c.path))
      const expected = await verify(bytes, c.options)
      for (const size of [4096, 256]) {
        const r = await paged(c.path, size, c.options)
        expect(r.verdict).toEqual(expected)
      }
      const fromPath = await verifyFile(c.path, { ...c.options, pagedThreshold: 0 })
      expect(fromPath).toEqual({ file: c.path, ...expected })
    })
  }
})
