/**
 * The Node paged source (`src/node/paged-file.ts`) under the PDF reader: windows grow for an
 * object longer than a window, objects cut by a window's edge, streams longer than a window,
 * tokens cut by a chunk's end, streamed searches and hashing, and read failures as typed
 * errors and FORMAT_FAILURE verdicts. Files are written to a temporary folder.
 */
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verify, verifyFile } from '../../src/node.js'
import { YrdError } from '../../src/errors.js'
import { findSignatures, readPdf } from '../../src/formats/pdf/index.js'
import { ascii } from '../../src/formats/pdf/bytes.js'
import { attachByteSource, firstNonWhite, searchBytes } from '../../src/formats/pdf/source.js'
import { rangeDigester } from '../../src/evaluate/pdf-digest.js'
import { PagedFile } from '../../src/node/paged-file.js'
import { LARGE_SIGNER, writeLargeSignedPdf } from '../bench/pdf-large.js'

let dir = ''
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yrd-paged-'))
})
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** A classic PDF from object bodies (numbered from 1), with a correct xref table. */
function pdfOf(bodies: readonly string[], pad = 0): string {
  let text = `%PDF-1.7\n${'%'.repeat(pad)}\n`
  const offsets: number[] = []
  bodies.forEach((body, i) => {
    offsets.push(text.length)
    text += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = text.length
  text += `xref\n0 ${bodies.length + 1}\n0000000000 65535 f\r\n`
  for (const o of offsets) text += `${String(o).padStart(10, '0')} 00000 n\r\n`
  text += `trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return text
}

function write(name: string, text: string | Uint8Array): string {
  const path = join(dir, name)
  writeFileSync(path, typeof text === 'string' ? Buffer.from(text, 'latin1') : text)
  return path
}

function open(path: string, window = 256, chunk = 256): PagedFile {
  const file = new PagedFile(path, { window, chunk })
  attachByteSource(file.bytes, file)
  return file
}

const LONG_ARRAY = `[${Array.from({ length: 400 }, (_, i) => i).join(' ')}]`
const STREAM_DATA = 'q 1 0 0 1 0 0 cm '.repeat(300)

const BODIES = [
  '<< /Type /Catalog /Pages 2 0 R /Long 3 0 R >>',
  '<< /Type /Pages /Kids [] /Count 0 >>',
  `<< /Numbers ${LONG_ARRAY} >>`,
  `<< /Length ${STREAM_DATA.length} >>\nstream\n${STREAM_DATA}\nendstream`,
]

describe('PagedFile under the PDF reader', () => {
  it('grows the window for an object longer than a window, and cut by its edge', () => {
    for (const pad of [0, 100, 200, 250]) {
      const text = pdfOf(BODIES, pad)
      const path = write(`long-${pad}.pdf`, text)
      const memory = readPdf(new Uint8Array(Buffer.from(text, 'latin1')))
      const file = open(path)
      try {
        const paged = readPdf(file.bytes)
        const obj = paged.resolve({ num: 3, gen: 0 })
        expect(obj).toEqual(memory.resolve({ num: 3, gen: 0 }))
        expect(obj?.kind === 'dict' && obj.entries.get('Numbers')).toMatchObject({ kind: 'array' })
        expect(paged.problems).toEqual(memory.problems)
        expect(paged.revisions).toEqual(memory.revisions)
      } finally {
        file.close()
      }
    }
  })

  it('reads a stream longer than a window without loading it until decoded', () => {
    const text = pdfOf(BODIES)
    const file = open(write('stream.pdf', text))
    try {
      const paged = readPdf(file.bytes)
      const stream = paged.resolve({ num: 4, gen: 0 })
      if (stream?.kind !== 'stream') throw new Error('no stream')
      expect(stream.dataEnd - stream.dataStart).toBe(STREAM_DATA.length)
      const before = file.loadedBytes
      expect(before).toBeLessThan(text.length)
      const data = paged.decodeStream(stream).data
      expect(Buffer.from(data).toString('latin1')).toBe(STREAM_DATA)
      expect(file.loadedBytes).toBeGreaterThan(before)
    } finally {
      file.close()
    }
  })

  it('finds tokens and statements cut by a chunk end, and searches across chunks', () => {
    const text = pdfOf(BODIES)
    const at = text.indexOf('startxref')
    for (const chunk of [256, at - 3, at + 4, 300, 512]) {
      const file = new PagedFile(write(`chunk-${chunk}.pdf`, text), { window: 256, chunk })
      try {
        attachByteSource(file.bytes, file)
        const paged = readPdf(file.bytes)
        expect(paged.revisions).toHaveLength(1)
        expect(paged.problems).toEqual([])
        const needle = ascii('endstream')
        expect(searchBytes(file.bytes, file, needle, 0, text.length)).toBe(
          text.indexOf('endstream'),
        )
        expect(searchBytes(file.bytes, file, ascii('nowhere'), 0, text.length)).toBe(-1)
        const eof = text.lastIndexOf('%%EOF')
        expect(firstNonWhite(file.bytes, file, eof + 5)).toBe(text.length)
        expect(firstNonWhite(file.bytes, file, eof - 1)).toBe(eof)
      } finally {
        file.close()
      }
    }
  })

  it('turns a file that shrinks while read into format.pdf.read errors and verdicts', async () => {
    const text = pdfOf(BODIES)
    const path = write('shrinks.pdf', text)
    const file = open(path)
    try {
      truncateSync(path, 600)
      const err = (() => {
        try {
          file.ensure(0, text.length)
        } catch (e) {
          return e
        }
      })()
      expect(err).toBeInstanceOf(YrdError)
      expect((err as YrdError).code).toBe('format.pdf.read')
      expect(() => file.stream(0, text.length, () => false)).toThrow(/cannot read/)
      const verdict = await verify(file.bytes)
      expect(verdict.status).toBe('rejected')
      expect(verdict.subIndication).toBe('FORMAT_FAILURE')
      expect(JSON.stringify(verdict.checks)).toContain('format.pdf.read')
    } finally {
      file.close()
    }
    expect(() => file.ensure(0, 10_000)).toThrow(/file closed/)
  })
})

describe('a signed 3 MB PDF from its path', () => {
  it('gives the in-memory verdict and digest while loading a small part of the file', async () => {
    const made = writeLargeSignedPdf(join(dir, 'signed.pdf'), 3 * 1024 * 1024)
    const bytes = new Uint8Array(readFileSync(made.path))
    const crls = [
      new Uint8Array(readFileSync(join(import.meta.dirname, '../..', LARGE_SIGNER.crl))),
    ]
    const options = { crls, time: new Date('2026-12-03T00:00:00Z') }
    const expected = await verify(bytes, options)
    expect(expected.status).toBe('recognized')
    const file = open(made.path, 4096, 64 * 1024)
    try {
      const pdf = readPdf(file.bytes)
      expect(findSignatures(pdf)).toHaveLength(1)
      const [a, b, c, d] = made.byteRange
      const digest = rangeDigester(file.bytes, { a, b, c, d })('SHA-256')
      const h = createHash('sha256')
      h.update(bytes.subarray(a, a + b))
      h.update(bytes.subarray(c, c + d))
      expect(Buffer.from(digest).toString('hex')).toBe(h.digest('hex'))
      expect(await verify(file.bytes, options)).toEqual(expected)
      expect(file.loadedBytes).toBeLessThan(256 * 1024)
    } finally {
      file.close()
    }
    const fromPath = await verifyFile(made.path, { ...options, pagedThreshold: 1024 * 1024 })
    expect(fromPath).toEqual({ file: made.path, ...expected })
  })
})
