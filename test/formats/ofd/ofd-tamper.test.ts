import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readOfd } from '../../../src/formats/ofd/index.js'
import { editText, makeOfdFiles, repack, zipFiles } from './ofd-builder.js'
import { SHARED } from '../../shared-dir.js'

const zjBytes = readFileSync(`${SHARED}/samples/ofd/zj-tax-invoice-v4.ofd`)
const PAGE = 'Doc_0/Pages/Page_0/Content.xml'
const sig0 = (bytes: Uint8Array) => readOfd(bytes).documents[0]!.signatures[0]!

describe('readOfd reports altered, missing and unsupported references', () => {
  it('gives a mismatch naming the page whose byte was changed, the rest still matching', () => {
    const bytes = repack(zjBytes, (files) => {
      const page = files[PAGE]!
      const at = page.length - 3
      page[at] = page[at]! ^ 0x01
    })
    const refs = sig0(bytes).references
    const bad = refs.filter((r) => r.status !== 'matched')
    expect(bad.map((r) => [r.path, r.status])).toEqual([[PAGE, 'mismatched']])
    expect(bad[0]!.computed).not.toEqual(bad[0]!.checkValue)
    expect(refs.filter((r) => r.status === 'matched')).toHaveLength(12)
  })

  it('reports a deleted referenced file as missing (signed data not found)', () => {
    const bytes = repack(zjBytes, (files) => {
      delete files['Doc_0/Res/image_78.jb2']
    })
    const ref = sig0(bytes).references.find((r) => r.fileRef === '/Doc_0/Res/image_78.jb2')!
    expect([ref.status, ref.path, ref.computed]).toEqual(['missing', null, null])
  })

  it('marks every reference unsupported for an unknown or absent CheckMethod', () => {
    const md5 = repack(zjBytes, (files) => {
      const path = 'Doc_0/Signs/Sign_0/Signature.xml'
      editText(files, path, 'CheckMethod="1.2.156.10197.1.401"', 'CheckMethod="MD5"')
    })
    const sig = sig0(md5)
    expect(sig.checkMethod).toEqual({ raw: 'MD5', hash: null })
    expect(new Set(sig.references.map((r) => r.status))).toEqual(new Set(['unsupported-method']))
    const absent = sig0(zipFiles(makeOfdFiles({ checkMethod: null })))
    expect(absent.checkMethod).toEqual({ raw: null, hash: null })
    expect(absent.references.every((r) => r.status === 'unsupported-method')).toBe(true)
  })

  it('checks SHA-256 references named by OID or by name', () => {
    for (const checkMethod of ['2.16.840.1.101.3.4.2.1', 'SHA-256']) {
      const sig = sig0(zipFiles(makeOfdFiles({ checkMethod, hashName: 'SHA-256' })))
      expect(sig.checkMethod.hash).toBe('SHA-256')
      expect(sig.references.every((r) => r.status === 'matched')).toBe(true)
    }
  })

  it('lists files that no reference protects', () => {
    const files = makeOfdFiles({ fileRefs: ['/OFD.xml'] })
    files['Doc_0/extra.xml'] = new Uint8Array([0x3c])
    const ofd = readOfd(zipFiles(files))
    expect([...ofd.unprotectedFiles].sort()).toEqual(
      ['Doc_0/Document.xml', PAGE, 'Doc_0/Signs/Signatures.xml', 'Doc_0/extra.xml'].sort(),
    )
  })
})

describe('readOfd resolves OFD paths', () => {
  it('resolves relative BaseLoc, FileRef and SignedValue from the referencing folder', () => {
    const files = makeOfdFiles({
      fileRefs: [
        { ref: '../../Pages/Page_0/Content.xml', target: PAGE },
        { ref: './../../Document.xml', target: 'Doc_0/Document.xml' },
        { ref: 'Doc_0/Signs/Sign_0/SignedValue.dat', target: 'Doc_0/Signs/Sign_0/SignedValue.dat' },
      ],
    })
    const sig = sig0(zipFiles(files))
    expect(sig.signatureXml.path).toBe('Doc_0/Signs/Sign_0/Signature.xml')
    expect(sig.signedValue?.path).toBe('Doc_0/Signs/Sign_0/SignedValue.dat')
    expect(sig.references.map((r) => r.path)).toEqual([
      PAGE,
      'Doc_0/Document.xml',
      'Doc_0/Signs/Sign_0/SignedValue.dat',
    ])
    expect(sig.references.every((r) => r.status === 'matched')).toBe(true)
  })

  it('falls back to the package root for relative paths some producers write', () => {
    const sig = sig0(
      zipFiles(makeOfdFiles({ signatureBaseLoc: 'Doc_0/Signs/Sign_0/Signature.xml' })),
    )
    expect(sig.signatureXml.path).toBe('Doc_0/Signs/Sign_0/Signature.xml')
  })

  it('resolves the stamp page by Page ID and keeps unknown pages and bad boxes as null', () => {
    const ok = sig0(zipFiles(makeOfdFiles())).stampAnnots[0]!
    expect([ok.pageIndex, ok.pagePath, ok.boundary]).toEqual([
      0,
      PAGE,
      { x: 10, y: 20, width: 40, height: 40 },
    ])
    const stamp = '<ofd:StampAnnot ID="1" PageRef="99" Boundary="10 20 x" Clip="0 0 1 1"/>'
    const odd = sig0(zipFiles(makeOfdFiles({ stamp }))).stampAnnots[0]!
    expect([odd.pageIndex, odd.pagePath, odd.boundary, odd.boundaryRaw, odd.clip]).toEqual([
      null,
      null,
      null,
      '10 20 x',
      '0 0 1 1',
    ])
  })

  it('reads Type="Sign" signatures and DocInfo Title and CustomData', () => {
    const ofd = readOfd(zipFiles(makeOfdFiles({ type: 'Sign' })))
    expect(ofd.documents[0]!.signatures[0]!.type).toBe('Sign')
    expect(ofd.documents[0]!.docInfo?.title).toBe('营业执照')
    expect(ofd.documents[0]!.docInfo?.customData).toEqual([{ name: '证照编号', value: 'X1' }])
  })
})

describe('readOfd with several documents', () => {
  it('reads every DocBody and its signatures', () => {
    const files = makeOfdFiles()
    const text = new TextDecoder().decode(files['OFD.xml'])
    const body = text.slice(text.indexOf('<ofd:DocBody>'), text.indexOf('</ofd:OFD>'))
    files['OFD.xml'] = new TextEncoder().encode(text.replace('</ofd:OFD>', body + '</ofd:OFD>'))
    const ofd = readOfd(zipFiles(files))
    expect(ofd.documents).toHaveLength(2)
    expect(ofd.documents.map((d) => d.signatures.length)).toEqual([1, 1])
  })
})
