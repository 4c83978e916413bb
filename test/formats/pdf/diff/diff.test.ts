import { describe, expect, it } from 'vitest'
import { isFieldLocked } from '../../../../src/evaluate/pdf-changes.js'
import { evaluatePdfChanges } from '../../../../src/evaluate/pdf-changes.js'
import { diffRevisions } from '../../../../src/formats/pdf/diff/changes.js'
import { readObjectHeader } from '../../../../src/formats/pdf/diff/header.js'
import { coverage } from '../../../../src/formats/pdf/diff/overlap.js'
import { indexRoles } from '../../../../src/formats/pdf/diff/roles.js'
import { readPdf } from '../../../../src/formats/pdf/index.js'
import { baseDocument, stream } from './pdf-writer.js'

const ascii = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)))

describe('readObjectHeader', () => {
  it('reads the declared number and generation, or nothing', () => {
    expect(readObjectHeader(ascii('xx 12 0 obj\n<<>>'), 2)).toEqual({ num: 12, gen: 0 })
    expect(readObjectHeader(ascii('\r\n7  3\nobj'), 0)).toEqual({ num: 7, gen: 3 })
    expect(readObjectHeader(ascii('12 0 R'), 0)).toBeUndefined()
    expect(readObjectHeader(ascii('obj'), 0)).toBeUndefined()
    expect(readObjectHeader(ascii('1 0 obj'), -1)).toBeUndefined()
    expect(readObjectHeader(ascii('1 0 obj'), 99)).toBeUndefined()
    expect(readObjectHeader(ascii(`${'9'.repeat(11)} 0 obj`), 0)).toBeUndefined()
  })
})

describe('coverage', () => {
  it('measures the covered share of the page box', () => {
    expect(coverage([0, 0, 600, 800], [0, 0, 600, 800])).toBe(1)
    expect(coverage([600, 800, 0, 0], [0, 0, 600, 800])).toBe(1)
    expect(coverage([-100, -100, 300, 400], [0, 0, 600, 800])).toBe(0.25)
    expect(coverage([700, 0, 800, 10], [0, 0, 600, 800])).toBe(0)
    expect(coverage([0, 0, 1], [0, 0, 600, 800])).toBe(0)
    expect(coverage([0, 0, 1, 1], [0, 0, 0, 800])).toBe(0)
  })
})

describe('isFieldLocked', () => {
  it('follows All, Include and Exclude with descendants', () => {
    expect(isFieldLocked([{ action: 'All', fields: [] }], 'a')).toBe(true)
    expect(isFieldLocked([{ action: 'Include', fields: ['a'] }], 'a.b')).toBe(true)
    expect(isFieldLocked([{ action: 'Include', fields: ['a'] }], 'ab')).toBe(false)
    expect(isFieldLocked([{ action: 'Exclude', fields: ['a'] }], 'b')).toBe(true)
    expect(isFieldLocked([{ action: 'Exclude', fields: ['a'] }], 'a')).toBe(false)
    expect(isFieldLocked([], 'a')).toBe(false)
  })
})

describe('diffRevisions', () => {
  it('finds added, changed and removed objects through each revision', () => {
    const w = baseDocument()
    w.obj(4, stream('', 'BT (x) Tj ET')).obj(20, '<< >>').commit()
    const pdf = readPdf(w.bytes())
    const d = diffRevisions(pdf, 0, 1)
    expect(d.changes.map((c) => [c.num, c.change, c.repointed])).toEqual([
      [4, 'changed', false],
      [20, 'added', false],
    ])
    expect(d.headerMismatches).toEqual([])
    expect(diffRevisions(pdf, 1, 0).changes.map((c) => [c.num, c.change])).toEqual([
      [4, 'changed'],
      [20, 'removed'],
    ])
  })

  it('refuses a revision left off the /Prev chain after the signed one', () => {
    const w = baseDocument()
    w.obj(4, stream('', 'BT (Sign me) Tj ET')).commit()
    w.obj(30, '<< >>').commit('1 0 R', '', w.xrefs[0])
    const pdf = readPdf(w.bytes())
    const r = evaluatePdfChanges(pdf, 0)
    expect(r.modifications).toBe('disallowed')
    expect(r.findings.map((f) => f.code)).toContain('pdf.changes.unchained-revision')
  })
})

describe('indexRoles', () => {
  it('gives each object of the base document its role', () => {
    const pdf = readPdf(baseDocument().bytes())
    const idx = indexRoles(pdf, 0)
    const names = (n: number) => idx.roles.get(n)?.map((r) => r.name)
    expect(names(1)).toEqual(['catalog'])
    expect(names(2)).toEqual(['page-tree'])
    expect(names(3)).toEqual(['page'])
    expect(names(4)).toEqual(['page-content'])
    expect(names(5)).toEqual(['page-content'])
    expect(names(6)).toEqual(['sig-dict'])
    expect(names(7)).toEqual(['widget', 'field'])
    expect(names(8)).toEqual(['acroform'])
    expect(names(10)).toEqual(['appearance'])
    expect(names(11)).toBeUndefined()
    expect(idx.fields.get(7)).toEqual({
      name: 'Sig1',
      isSig: true,
      signed: true,
      docTimeStamp: false,
    })
    expect(idx.fields.get(9)?.name).toBe('Name')
    expect(idx.widgetField.get(9)).toBe(9)
    expect(idx.pageBoxes.get(0)).toEqual([0, 0, 600, 800])
  })

  it('stops on a page tree that loops', () => {
    const w = baseDocument().obj(2, '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>').commit()
    const idx = indexRoles(readPdf(w.bytes()), 1)
    expect(idx.roles.get(3)?.map((r) => r.name)).toEqual(['page'])
  })
})
