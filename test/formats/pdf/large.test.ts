/**
 * 200 MB hostile PDFs: a valid-looking header, 200 MB of incompressible stream data, then a
 * cross-reference section that points at itself, or two that point at each other through
 * /Prev. Each file is generated into a temporary folder and verified by `verify()` in a child
 * process (test/bench/pdf-child.ts), so that the peak resident memory reported by
 * `process.resourceUsage().maxRSS` belongs to that verification alone.
 */
import { randomFillSync } from 'node:crypto'
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyInChild, type ChildOutcome } from '../../bench/pdf-run.js'

const MB = 1024 * 1024
const CHUNK = 8 * MB
const JUNK = 200 * MB

let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yrd-large-pdf-'))
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** Writes the head, 200 MB of random stream data, and `tail(offset)`; returns the size. */
function writeHostile(path: string, tail: (at: number) => string): number {
  const fd = openSync(path, 'w')
  let pos = 0
  const put = (data: Uint8Array | string): void => {
    const b = typeof data === 'string' ? Buffer.from(data, 'latin1') : data
    let done = 0
    while (done < b.length) done += writeSync(fd, b, done, b.length - done)
    pos += b.length
  }
  try {
    put('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    put('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n')
    put('2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n')
    put(`3 0 obj\n<< /Type /EmbeddedFile /Length ${JUNK} >>\nstream\n`)
    const chunk = new Uint8Array(CHUNK)
    for (let left = JUNK; left > 0; left -= CHUNK) {
      randomFillSync(chunk)
      put(chunk.subarray(0, Math.min(CHUNK, left)))
    }
    put('\nendstream\nendobj\n')
    put(tail(pos))
    return pos
  } finally {
    closeSync(fd)
  }
}

/** An xref section with only the free entry 0 and a trailer whose /Prev is `prev`. */
function xref(prev: number): string {
  const p = String(prev).padStart(10, '0')
  return `xref\n0 1\n0000000000 65535 f\r\ntrailer\n<< /Size 4 /Root 1 0 R /Prev ${p} >>\n`
}

/** An unsigned document whose /Prev chain loops: the loop is named, no signature found. */
const PREV_CYCLE = ['policy.no-signature', 'format.pdf.prev-cycle'] as const

/**
 * Checks the outcome: a verdict within 20 s with memory under 3x the size, never recognised
 * (no signature survives), and the structure problem named by `problem` reported.
 */
function expectBounded(out: ChildOutcome, size: number, code: string, problem: string): void {
  if (!out.ok) throw new Error(`no verdict: ${out.reason}`)
  const r = out.result
  console.info(
    `${(size / MB).toFixed(0)} MB hostile PDF: ${r.status}/${r.subIndication} ` +
      `verify ${r.verifySeconds.toFixed(2)} s, child ${out.seconds.toFixed(2)} s, ` +
      `maxRSS ${r.maxRssMB.toFixed(0)} MB, failed ${r.failed.join(' ')}; ${r.messages.join(' | ')}`,
  )
  expect(r.bytes).toBe(size)
  expect(r.status).toBe('rejected')
  expect(r.failed).toContain(code)
  expect(r.messages.some((m) => m.includes(problem))).toBe(true)
  expect(out.seconds).toBeLessThan(20)
  expect(r.maxRssMB).toBeLessThan((3 * size) / MB)
}

describe('200 MB hostile PDFs end in a verdict with bounded time and memory', () => {
  it('an xref section whose /Prev and startxref point at itself', () => {
    const file = join(dir, 'self-loop.pdf')
    const size = writeHostile(file, (at) => `${xref(at)}startxref\n${at}\n%%EOF\n`)
    expectBounded(verifyInChild(file, { timeoutMs: 20_000, heapMB: 1024 }), size, ...PREV_CYCLE)
  }, 90_000)

  it('two xref sections whose /Prev entries form a cycle', () => {
    const file = join(dir, 'prev-cycle.pdf')
    const size = writeHostile(file, (at) => {
      // /Prev is written with ten digits, so both sections have the same length.
      const len = xref(at).length
      return `${xref(at + len)}${xref(at)}startxref\n${at + len}\n%%EOF\n`
    })
    expectBounded(verifyInChild(file, { timeoutMs: 20_000, heapMB: 1024 }), size, ...PREV_CYCLE)
  }, 90_000)

  it('a startxref that points into the junk (broken xref: fails closed, named)', () => {
    const file = join(dir, 'broken-xref.pdf')
    const size = writeHostile(file, () => `startxref\n${100 * MB}\n%%EOF\n`)
    expectBounded(
      verifyInChild(file, { timeoutMs: 20_000, heapMB: 1024 }),
      size,
      'input.format',
      `no "n g obj" header at offset ${100 * MB}`,
    )
  }, 90_000)
})
