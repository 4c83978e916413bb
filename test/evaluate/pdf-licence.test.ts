import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pdfLicencePairs } from '../../src/evaluate/pdf-licence.js'
import { readPdf } from '../../src/formats/pdf/index.js'
import { installNodeCrypto, verify } from '../../src/node.js'
import { AT } from './licence-helpers.js'

const FIXTURES = join(import.meta.dirname, '../../fixtures')
const read = (f: string) => new Uint8Array(readFileSync(join(FIXTURES, f)))

/** Appends an incremental update that points the trailer at a new, forged /Info. */
function withForgedInfo(bytes: Uint8Array): Uint8Array {
  const pdf = readPdf(bytes)
  const last = pdf.revisions.at(-1)!
  const root = last.trailer.get('Root')
  const size = last.trailer.get('Size')
  if (root?.kind !== 'ref' || size?.kind !== 'number') throw new Error('unexpected trailer')
  const n = size.value
  const head = `\n${n} 0 obj\n<< /ZZMC (FORGED) /ZZLXDM (99999999999999999999999) >>\nendobj\n`
  const objAt = bytes.length + 1
  const xrefAt = bytes.length + head.length
  const tail =
    `xref\n0 1\n0000000000 65535 f \n${n} 1\n${String(objAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${n + 1} /Root ${root.ref.num} ${root.ref.gen} R /Info ${n} 0 R ` +
    `/Prev ${last.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`
  const extra = new TextEncoder().encode(head + tail)
  const out = new Uint8Array(bytes.length + extra.length)
  out.set(bytes)
  out.set(extra, bytes.length)
  return out
}

describe('PDF licence metadata', () => {
  it('is read from the revision the issuing signature covers, not from a later update', async () => {
    installNodeCrypto()
    const crls = [read('pki/310000/rsa/licence-issuer.crl')]
    const original = await verify(read('pdf/310000-licence-rsa.pdf'), { time: AT, crls })
    const forged = withForgedInfo(read('pdf/310000-licence-rsa.pdf'))
    expect(readPdf(forged).revisions.length).toBe(
      readPdf(read('pdf/310000-licence-rsa.pdf')).revisions.length + 1,
    )
    const v = await verify(forged, { time: AT, crls })
    expect(original.licence?.name).toBe('营业执照')
    expect(v.licence).toEqual(original.licence)
    // An /Info update after signing is an allowed change: the signature stays valid.
    expect(v.status).toBe('recognized')
  })
})

/** A one-revision PDF with the given /Info entries and XMP packet (no pages). */
function pdfWith(info: string, xmp: string): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R /Metadata 3 0 R >>',
    '<< /Type /Pages /Kids [] /Count 0 >>',
    `<< /Type /Metadata /Subtype /XML /Length ${new TextEncoder().encode(xmp).length} >>\nstream\n${xmp}\nendstream`,
    `<< ${info} >>`,
  ]
  let body = '%PDF-1.7\n'
  const offsets: number[] = []
  const size = (s: string) => new TextEncoder().encode(s).length
  objects.forEach((o, i) => {
    offsets.push(size(body))
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xrefAt = size(body)
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) body += `${String(o).padStart(10, '0')} 00000 n \n`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 4 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`
  return new TextEncoder().encode(body)
}

describe('pdfLicencePairs', () => {
  const xmp =
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><r xmlns:d="urn:d">' +
    '<d:zzmc> 营业执照 </d:zzmc><d:Zzbh>1</d:Zzbh><d:ZZBS><d:ZZBH>nested</d:ZZBH></d:ZZBS>' +
    '<d:zzbſ>long s</d:zzbſ><d:Title>t</d:Title><d:ÇZZT>c</d:ÇZZT></r></x:xmpmeta>'

  it('reads /Info string keys in any case, then XMP leaves in reverse order, values trimmed', () => {
    const info = '/Author (a) /zzlxdm (L) /ZZBH 3 /CZZT <FEFF4E0A> /Czztdm (D)'
    const pdf = readPdf(pdfWith(info, xmp))
    expect(pdfLicencePairs(pdf, 0)).toEqual([
      { name: 'zzlxdm', value: 'L' },
      { name: 'CZZT', value: '上' },
      { name: 'Czztdm', value: 'D' },
      { name: 'zzbſ', value: 'long s' },
      { name: 'ZZBH', value: 'nested' },
      { name: 'Zzbh', value: '1' },
      { name: 'zzmc', value: '营业执照' },
    ])
  })

  it('keeps the /Info pairs when the XMP is not well formed, and none gives undefined', () => {
    const pdf = readPdf(pdfWith('/ZZMC (m)', '<x><y></x>'))
    expect(pdfLicencePairs(pdf, 0)).toEqual([{ name: 'ZZMC', value: 'm' }])
    expect(pdfLicencePairs(readPdf(pdfWith('/Title (t)', '<x/>')), 0)).toBeUndefined()
  })
})
