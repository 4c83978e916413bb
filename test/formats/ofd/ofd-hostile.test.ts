import { deflateSync, strToU8, zipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { FormatError, LimitError } from '../../../src/errors.js'
import { readOfd, sniffOfd } from '../../../src/formats/ofd/index.js'
import { expectCode } from '../zip/expect-error.js'
import { buildZip } from '../zip/zip-builder.js'
import { editText, makeOfdFiles, zipFiles } from './ofd-builder.js'
import type { PackageFiles } from './ofd-builder.js'
import { SHARED } from '../../shared-dir.js'

const SIGNATURE = 'Doc_0/Signs/Sign_0/Signature.xml'
const withEdit = (edit: (files: PackageFiles) => void) => {
  const files = makeOfdFiles()
  edit(files)
  return zipFiles(files)
}

describe('readOfd refuses hostile packages quickly with a typed error', () => {
  it('refuses a zip bomb', () => {
    const zeros = new Uint8Array(16 * 1024 * 1024)
    const bytes = buildZip([
      { name: 'OFD.xml', data: strToU8('<a/>') },
      { name: 'Doc_0/bomb.xml', data: zeros, payload: deflateSync(zeros), method: 8 },
    ])
    expectCode(() => readOfd(bytes), 'limit.zip.ratio')
  })

  it('refuses 100 000 entries', () => {
    const entries = Array.from({ length: 100_000 }, (_, i) => ({ name: `Doc_0/Res/r${i}` }))
    const bytes = buildZip([{ name: 'OFD.xml', data: strToU8('<a/>') }, ...entries])
    expectCode(() => readOfd(bytes), 'limit.zip.entry-count')
  })

  it.each(['../OFD.xml', '/OFD.xml', 'C:\\OFD.xml', 'Doc_0/../../x'])('refuses entry %j', (n) => {
    const bytes = buildZip([{ name: n, data: strToU8('<a/>') }])
    expectCode(() => readOfd(bytes), 'format.zip.unsafe-name')
  })

  it('refuses duplicate entry names', () => {
    const x = strToU8('<a/>')
    const bytes = buildZip([
      { name: 'OFD.xml', data: x },
      { name: 'OFD.XML', data: x },
    ])
    expectCode(() => readOfd(bytes), 'format.zip.colliding-name')
  })

  it('refuses deeply nested XML and billion laughs in package files', () => {
    const deep = withEdit((f) => {
      f['Doc_0/Document.xml'] = strToU8('<a>'.repeat(10_000) + '</a>'.repeat(10_000))
    })
    expectCode(() => readOfd(deep), 'limit.xml.depth')
    const laughs = withEdit((f) => {
      const text = new TextDecoder().decode(f['OFD.xml'])
      f['OFD.xml'] = strToU8(
        text.replace('?>\n', '?>\n<!DOCTYPE x [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n'),
      )
    })
    expectCode(() => readOfd(laughs), 'format.xml.doctype')
  })

  it('refuses references and locations that leave the package', () => {
    const ref = withEdit((f) =>
      editText(f, SIGNATURE, 'FileRef="/OFD.xml"', 'FileRef="../../../../etc/passwd"'),
    )
    expectCode(() => readOfd(ref), 'format.ofd.path-escape')
    const root = withEdit((f) => editText(f, 'OFD.xml', '>Doc_0/Document.xml<', '>/../x.xml<'))
    expectCode(() => readOfd(root), 'format.ofd.path-escape')
  })

  it('refuses packages that are not well-formed OFD', () => {
    const noEntry = zipSync({ 'a.xml': strToU8('<a/>') })
    expectCode(() => readOfd(noEntry), 'format.ofd.no-entry-file')
    const wrongRoot = withEdit((f) => {
      f['OFD.xml'] = strToU8('<Document/>')
    })
    expectCode(() => readOfd(wrongRoot), 'format.ofd.root-element')
    const noBody = withEdit((f) => {
      f['OFD.xml'] = strToU8('<OFD xmlns="http://www.ofdspec.org/2016"/>')
    })
    expectCode(() => readOfd(noBody), 'format.ofd.no-document')
    const noSigs = withEdit((f) => {
      delete f['Doc_0/Signs/Signatures.xml']
    })
    expectCode(() => readOfd(noSigs), 'format.ofd.missing-file')
    const noSigXml = withEdit((f) => {
      delete f[SIGNATURE]
    })
    expectCode(() => readOfd(noSigXml), 'format.ofd.missing-file')
    const badType = zipFiles(makeOfdFiles({ type: 'Stamp' }))
    expectCode(() => readOfd(badType), 'format.ofd.signature-type')
    const badValue = withEdit((f) =>
      editText(f, SIGNATURE, '<ofd:CheckValue>', '<ofd:CheckValue>*'),
    )
    expectCode(() => readOfd(badValue), 'format.ofd.check-value')
    const dupId = withEdit((f) =>
      editText(
        f,
        'Doc_0/Signs/Signatures.xml',
        '</ofd:Signatures>',
        '<ofd:Signature ID="1" ' + 'BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>',
      ),
    )
    expectCode(() => readOfd(dupId), 'format.ofd.signature-entry')
  })

  it('refuses a repeated single element, so no reader picks another one', () => {
    const twice = withEdit((f) =>
      editText(
        f,
        SIGNATURE,
        '</ofd:Signature>',
        '<ofd:SignedValue>x</ofd:SignedValue></ofd:Signature>',
      ),
    )
    expectCode(() => readOfd(twice), 'format.ofd.duplicate-element')
  })

  it('enforces the OFD count limits', () => {
    const bytes = zipFiles(makeOfdFiles())
    expectCode(() => readOfd(bytes, { maxReferences: 2 }), 'limit.ofd.references')
    expectCode(() => readOfd(bytes, { maxSignatures: 0 }), 'limit.ofd.signatures')
    expectCode(() => readOfd(bytes, { maxPages: 0 }), 'limit.ofd.pages')
    expectCode(() => readOfd(bytes, { zip: { maxEntries: 3 } }), 'limit.zip.entry-count')
    expectCode(() => readOfd(bytes, { xml: { maxDepth: 2 } }), 'limit.xml.depth')
  })

  it('refuses truncated packages and random bytes', () => {
    const real = readFileSync(`${SHARED}/samples/ofd/zj-tax-invoice-v4.ofd`)
    expectCode(() => readOfd(real.subarray(0, real.length - 30)), 'format.zip')
    expectCode(() => readOfd(real.subarray(0, 1000)), 'format.zip')
    let seed = 3
    for (let i = 0; i < 20; i++) {
      const junk = new Uint8Array(200 + i).map(() => (seed = (seed * 69069 + 1) >>> 0) >>> 24)
      expectCode(() => readOfd(junk), 'format.zip')
      expect(sniffOfd(junk)).toBe(false)
    }
  })

  it('only ever throws FormatError or LimitError on corrupted copies of a real package', () => {
    const real = readFileSync(`${SHARED}/samples/ofd/ofdrw-test-v4.ofd`)
    let seed = 11
    const next = () => (seed = (seed * 1103515245 + 12345) >>> 0)
    for (let i = 0; i < 200; i++) {
      const copy = real.slice()
      for (let k = 0; k < 1 + (i % 3); k++) copy[next() % copy.length] = next() & 0xff
      try {
        readOfd(copy)
      } catch (error) {
        expect(error instanceof FormatError || error instanceof LimitError).toBe(true)
      }
    }
  })
})
