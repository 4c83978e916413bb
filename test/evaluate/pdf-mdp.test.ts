import { describe, expect, it } from 'vitest'
import { docMdpLevel, fieldLocks } from '../../src/evaluate/pdf-mdp.js'
import { readPdf } from '../../src/formats/pdf/index.js'
import { PdfWriter } from '../formats/pdf/diff/pdf-writer.js'

function read(sig: string, field = '<< /FT /Sig >>') {
  const w = new PdfWriter()
    .obj(1, '<< /Type /Catalog /Pages 2 0 R >>')
    .obj(2, '<< /Type /Pages /Kids [] /Count 0 >>')
    .obj(3, sig)
    .obj(4, field)
    .commit()
  const pdf = readPdf(w.bytes())
  const dict = (num: number) => {
    const d = pdf.resolve({ num, gen: 0 }, 0)
    if (d?.kind !== 'dict') throw new Error('not a dictionary')
    return d.entries
  }
  return { level: docMdpLevel(pdf, dict(3), 0), locks: fieldLocks(pdf, dict(3), dict(4), 0) }
}

const docMdp = (p: string) =>
  `<< /Type /Sig /Reference [<< /TransformMethod /DocMDP /TransformParams << ${p} >> >>] >>`

describe('modification permissions a signature declares', () => {
  it('reads the DocMDP level, P2 by default, P1 for nonsense', () => {
    expect(read(docMdp('/P 1')).level).toBe(1)
    expect(read(docMdp('/P 3')).level).toBe(3)
    expect(read(docMdp('')).level).toBe(2)
    expect(read(docMdp('/P 7')).level).toBe(1)
    expect(read('<< /Type /Sig >>')).toEqual({ level: undefined, locks: [] })
  })

  it('reads FieldMDP references and the field /Lock; an unknown action locks everything', () => {
    const sig =
      '<< /Type /Sig /Reference [<< /TransformMethod /FieldMDP /TransformParams ' +
      '<< /Action /Include /Fields [(Name) (Addr.Street)] >> >>] >>'
    expect(read(sig, '<< /FT /Sig /Lock << /Action /All >> >>').locks).toEqual([
      { action: 'Include', fields: ['Name', 'Addr.Street'] },
      { action: 'All', fields: [] },
    ])
    expect(read('<< >>', '<< /Lock << /Action /Bogus >> >>').locks).toEqual([
      { action: 'All', fields: [] },
    ])
  })
})
