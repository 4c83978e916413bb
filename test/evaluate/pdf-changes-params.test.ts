import { describe, expect, it } from 'vitest'
import { readMdpParams } from '../../src/evaluate/pdf-changes-params.js'
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
  const ref = (num: number) => ({ kind: 'ref' as const, ref: { num, gen: 0 } })
  return readMdpParams(pdf, ref(3), 0, ref(4))
}

const docMdp = (p: string) =>
  `<< /Type /Sig /Reference [<< /TransformMethod /DocMDP /TransformParams << ${p} >> >>] >>`

describe('readMdpParams', () => {
  it('reads the DocMDP level, P2 by default, P1 for nonsense', () => {
    expect(read(docMdp('/P 1')).docMdp).toBe(1)
    expect(read(docMdp('/P 3')).docMdp).toBe(3)
    expect(read(docMdp('')).docMdp).toBe(2)
    expect(read(docMdp('/P 7')).docMdp).toBe(1)
    expect(read('<< /Type /Sig >>')).toEqual({ fieldLocks: [] })
  })

  it('reads FieldMDP references and the field /Lock', () => {
    const sig =
      '<< /Type /Sig /Reference [<< /TransformMethod /FieldMDP /TransformParams ' +
      '<< /Action /Include /Fields [(Name) (Addr.Street)] >> >>] >>'
    const r = read(sig, '<< /FT /Sig /Lock << /Action /All >> >>')
    expect(r.fieldLocks).toEqual([
      { action: 'Include', fields: ['Name', 'Addr.Street'] },
      { action: 'All', fields: [] },
    ])
    expect(read('<< >>', '<< /Lock << /Action /Bogus >> >>').fieldLocks).toEqual([])
  })
})
