/**
 * The CLI reads a large PDF on demand (the paged source of `yrd-verify/node`) rather than
 * whole, and still gives the verdict of the bytes.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDocument } from '../../src/cli/files.js'
import { LARGE_SIGNER, writeLargeSignedPdf } from '../bench/pdf-large.js'
import { ROOT, runCli } from './helpers.js'

const dir = mkdtempSync(join(tmpdir(), 'yrd-cli-large-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('CLI on a PDF above the paging threshold', () => {
  const file = join(dir, 'large.pdf')
  writeLargeSignedPdf(file, 80 * 1024 * 1024)

  it('opens it paged, with the bytes the size of the file', async () => {
    const input = await openDocument(file)
    try {
      expect(input.paged).toBe(true)
      expect(input.bytes.length).toBe(statSync(file).size)
    } finally {
      input.close()
    }
  })

  it('recognises it from its path', async () => {
    const crl = join(ROOT, LARGE_SIGNER.crl)
    const r = await runCli(['verify', file, '--crl', crl, '--at', '2026-06-15T00:00:00Z'])
    expect(r.out).toContain('recognized')
    expect(r.code).toBe(0)
  }, 60_000)

  it('reads a small file whole', async () => {
    const input = await openDocument(join(ROOT, 'fixtures/pdf/310000-licence-rsa.pdf'))
    expect(input.paged).toBe(false)
    input.close()
  })
})
