import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findSignatures, readPdf } from '../../../src/formats/pdf/index.js'
import { SHARED } from '../../shared-dir.js'

const dir = `${SHARED}/samples/pdf/`
const load = (name: string) => readPdf(new Uint8Array(readFileSync(dir + name)))

const expected: Record<string, { revisions: number; kinds: string; sigs: number }> = {
  'dss-pades-b-original.pdf': { revisions: 2, kinds: 'table table', sigs: 1 },
  'dss-pades-lt-xrefstm.pdf': { revisions: 8, kinds: 'table hybrid' + ' table'.repeat(6), sigs: 4 },
  'dss-two-sigs-incsave.pdf': { revisions: 4, kinds: 'table table table table', sigs: 2 },
  'pyhanko-ecdsa-signed-twice.pdf': { revisions: 3, kinds: 'table table table', sigs: 2 },
  'pyhanko-no-signed-attrs.pdf': { revisions: 2, kinds: 'table table', sigs: 1 },
  'signpdf-signed-twice.pdf': { revisions: 3, kinds: 'table table table', sigs: 2 },
}

describe('real signed PDFs', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(`${name}: revisions, xref kinds, signatures`, () => {
      const pdf = load(name)
      expect(pdf.revisions.length).toBe(want.revisions)
      expect(pdf.revisions.map((r) => r.xrefKind).join(' ')).toBe(want.kinds)
      expect(pdf.revisions[pdf.revisions.length - 1]!.end).toBe(pdf.bytes.length)
      expect(pdf.problems).toEqual([])
      expect(pdf.pages(0).length).toBe(1)
      const sigs = findSignatures(pdf)
      expect(sigs.length).toBe(want.sigs)
      for (const s of sigs) {
        expect(s.foundBy).toEqual(['acroform', 'scan'])
        expect(s.sigRef).not.toBeNull()
        const dict = pdf.resolve(s.sigRef!)
        expect(dict?.kind).toBe('dict')
        const br = dict?.kind === 'dict' ? dict.entries.get('ByteRange') : undefined
        expect(br?.kind).toBe('array')
        // the signature covers exactly the bytes up to the end of its own revision
        const items = br?.kind === 'array' ? br.items : []
        const [, , c, d] = items.map((x) => (x.kind === 'number' ? x.value : -1))
        // (one file signs up to %%EOF without the EOL that `end` includes)
        const end = pdf.revisions[s.firstRevision]!.end
        expect(c! + d!).toBeLessThanOrEqual(end)
        expect(c! + d!).toBeGreaterThanOrEqual(end - 2)
        const eof = new TextDecoder().decode(pdf.bytes.subarray(c! + d! - 7, c! + d!))
        expect(eof.trim().endsWith('%%EOF')).toBe(true)
        const text = new TextDecoder().decode(pdf.bytes.subarray(s.scanOffset!, s.scanOffset! + 10))
        expect(text).toBe('/ByteRange')
      }
    })
  }

  it('every object of every revision of every sample resolves', () => {
    for (const name of Object.keys(expected)) {
      const pdf = load(name)
      for (let r = 0; r < pdf.revisions.length; r++) {
        for (const n of pdf.objectNumbers(r)) {
          const loc = pdf.locate(n, r)!
          const gen = loc.entry.type === 'offset' ? loc.entry.gen : 0
          expect(pdf.resolve({ num: n, gen }, r), `${name} ${n} @${r}`).toBeDefined()
        }
      }
      expect(pdf.problems).toEqual([])
    }
  })

  it('the LT file: object streams, /DSS, a document time-stamp, signatures per revision', () => {
    const pdf = load('dss-pades-lt-xrefstm.pdf')
    const compressed = [...pdf.revisions[1]!.entries.values()].filter(
      (e) => e.type === 'compressed',
    )
    expect(compressed.length).toBeGreaterThan(0)
    const loc = [...pdf.revisions[1]!.entries].find(([, e]) => e.type === 'compressed')!
    expect(pdf.locate(loc[0])?.revision).toBe(1)
    expect(pdf.resolve({ num: loc[0], gen: 0 })).toBeDefined()
    expect(pdf.catalog()?.has('DSS')).toBe(true)
    expect(pdf.catalog(0)?.has('DSS')).toBe(false)
    const sigs = findSignatures(pdf)
    expect(sigs.map((s) => s.firstRevision)).toEqual([2, 3, 4, 6])
    expect(sigs.map((s) => s.fieldName)).toEqual([
      'Signature1',
      'Signature2',
      'Signature3',
      'Signature4',
    ])
    const types = sigs.map((s) => {
      const d = pdf.resolve(s.sigRef!)
      const t = d?.kind === 'dict' ? d.entries.get('Type') : undefined
      return t?.kind === 'name' ? t.value : ''
    })
    expect(types).toEqual(['Sig', 'Sig', 'DocTimeStamp', 'Sig'])
    // the first signature's dictionary does not exist as seen from revision 1
    expect(pdf.resolve(sigs[0]!.sigRef!, 1)).toBeUndefined()
  })

  it('two signatures in two incremental saves, each widget on page 0 with a rect', () => {
    const pdf = load('signpdf-signed-twice.pdf')
    const sigs = findSignatures(pdf)
    expect(sigs.map((s) => s.fieldName)).toEqual(['Signature1', 'Signature2'])
    for (const s of sigs) {
      expect(s.widgets.length).toBe(1)
      expect(s.widgets[0]!.pageIndex).toBe(0)
      expect(s.widgets[0]!.rect?.length).toBe(4)
    }
  })

  it('a truncated sample keeps its readable revisions and flags the tail', () => {
    const full = new Uint8Array(readFileSync(dir + 'dss-two-sigs-incsave.pdf'))
    const pdf = readPdf(full.subarray(0, full.length - 40))
    expect(pdf.revisions.length).toBe(3)
    expect(pdf.problems.map((p) => p.code)).toContain('format.pdf.trailing-data')
  })
})
