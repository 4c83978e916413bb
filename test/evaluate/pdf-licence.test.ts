import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
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
