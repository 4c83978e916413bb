import { readFileSync } from 'node:fs'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { hash } from '../../../src/crypto/hash.js'
import { readOfd, sniffOfd } from '../../../src/formats/ofd/index.js'
import { SHARED } from '../../shared-dir.js'

const SAMPLES = `${SHARED}/samples/ofd/`
const zjBytes = readFileSync(SAMPLES + 'zj-tax-invoice-v4.ofd')
const rwBytes = readFileSync(SAMPLES + 'ofdrw-test-v4.ofd')

describe('readOfd on the real Zhejiang tax e-invoice', () => {
  const ofd = readOfd(zjBytes)
  const doc = ofd.documents[0]!
  const sig = doc.signatures[0]!

  it('finds one document with one page and one Seal signature', () => {
    expect(ofd.documents).toHaveLength(1)
    expect([ofd.version, ofd.docType]).toEqual(['1.1', 'OFD'])
    expect(doc.docRoot).toBe('Doc_0/Document.xml')
    expect(doc.pages).toEqual([{ id: '1', path: 'Doc_0/Pages/Page_0/Content.xml' }])
    expect(doc.signaturesPath).toBe('Doc_0/Signs/Signatures.xml')
    expect(doc.maxSignId).toBe('2')
    expect(doc.signatures).toHaveLength(1)
    expect([sig.id, sig.type, sig.relative]).toEqual(['2', 'Seal', null])
  })

  it('matches all 13 references with SM3', () => {
    expect(sig.checkMethod).toEqual({ raw: '1.2.156.10197.1.401', hash: 'SM3' })
    expect(sig.references).toHaveLength(13)
    expect(sig.references.every((r) => r.status === 'matched')).toBe(true)
    const ofdRef = sig.references.find((r) => r.fileRef === '/OFD.xml')!
    const raw = unzipSync(zjBytes)['OFD.xml']!
    expect(ofdRef.computed).toEqual(hash('SM3', raw))
    expect(ofdRef.checkValue).toEqual(ofdRef.computed)
  })

  it('extracts provider, method, time, stamp annotation and signed value', () => {
    expect(sig.provider).toEqual({
      name: 'gomain_eseal',
      company: 'gomain',
      version: '2.0',
      protocolVersion: null,
    })
    expect(sig.signatureMethod).toBe('1.2.156.10197.1.501')
    expect(sig.signatureDateTime).toBe('20200723130907.763Z')
    expect(sig.stampAnnots).toEqual([
      {
        id: '1',
        pageRef: '1',
        pageIndex: 0,
        pagePath: 'Doc_0/Pages/Page_0/Content.xml',
        boundaryRaw: '90.00 8.00 30.00 20.00',
        boundary: { x: 90, y: 8, width: 30, height: 20 },
        clip: null,
      },
    ])
    expect([sig.sealLoc, sig.seal]).toEqual([null, null])
    expect(sig.signedValue?.path).toBe('Doc_0/Signs/Sign_0/SignedValue.dat')
    expect(sig.signedValue?.bytes[0]).toBe(0x30)
    expect(sig.signedValue?.bytes.length).toBe(6427)
  })

  it('keeps the raw bytes of Signature.xml exactly as stored', () => {
    const raw = unzipSync(zjBytes)['Doc_0/Signs/Sign_0/Signature.xml']!
    expect(sig.signatureXml.path).toBe('Doc_0/Signs/Sign_0/Signature.xml')
    expect(sig.signatureXml.bytes).toEqual(raw)
  })

  it('lists Signatures.xml as the only file no reference protects', () => {
    expect(ofd.files).toHaveLength(16)
    expect(ofd.unprotectedFiles).toEqual(['Doc_0/Signs/Signatures.xml'])
  })

  it('keeps DocInfo and the custom metadata raw', () => {
    const info = doc.docInfo!
    expect(info.docId).toBe('314d31d026e84941b484c3cf9d6be5b4')
    expect(info.creationDate).toBe('2020-07-23')
    expect(info.title).toBeNull()
    expect(info.fields).toContainEqual({ name: 'Author', value: 'China Tax' })
    expect(info.customData).toHaveLength(11)
    expect(info.customData).toContainEqual({ name: '发票号码', value: '83089647' })
    expect(info.customData).toContainEqual({ name: '校验码', value: '16197 83356 74145 07415' })
  })
})

describe('readOfd on the ofdrw test document', () => {
  const ofd = readOfd(rwBytes)
  const sig = ofd.documents[0]!.signatures[0]!

  it('matches all 5 references (CheckMethod written "SM3")', () => {
    expect(sig.checkMethod).toEqual({ raw: 'SM3', hash: 'SM3' })
    expect(sig.references.map((r) => r.status)).toEqual(Array(5).fill('matched'))
  })

  it('extracts the Seal.esl bytes, the stamp annotation and the claimed signing time', () => {
    const raw = unzipSync(rwBytes)['Doc_0/Signs/Sign_0/Seal.esl']!
    expect(sig.sealLoc).toBe('/Doc_0/Signs/Sign_0/Seal.esl')
    expect(sig.seal?.bytes).toEqual(raw)
    expect(sig.stampAnnots[0]?.boundary).toEqual({ x: 50, y: 50, width: 40, height: 40 })
    expect(sig.stampAnnots[0]?.pageIndex).toBe(0)
    expect(sig.signatureDateTime).toBe('2026-08-04 10:08:09')
    expect(sig.provider?.name).toBe('ofdrw-sign')
  })

  it('resolves the absolute Signatures path and reports the unprotected list', () => {
    expect(ofd.documents[0]!.signaturesPath).toBe('Doc_0/Signs/Signatures.xml')
    expect(ofd.unprotectedFiles).toEqual(['Doc_0/Signs/Signatures.xml'])
  })
})

describe('sniffOfd', () => {
  it('recognises OFD packages and nothing else', () => {
    expect(sniffOfd(zjBytes)).toBe(true)
    expect(sniffOfd(rwBytes)).toBe(true)
    expect(sniffOfd(new TextEncoder().encode('%PDF-1.7'))).toBe(false)
    expect(sniffOfd(new Uint8Array(0))).toBe(false)
    expect(sniffOfd(rwBytes.subarray(0, 100))).toBe(false)
  })
})
