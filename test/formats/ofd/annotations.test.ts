import { readFileSync } from 'node:fs'
import { strToU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { stampPng } from '../../../fixtures/make/png.js'
import { readOfd } from '../../../src/formats/ofd/index.js'
import { editText, repack } from './ofd-builder.js'
import { SHARED } from '../../shared-dir.js'

const SWAPPED = readFileSync('fixtures/ofd/swapped-seal-picture.ofd')
const PLAIN = readFileSync('fixtures/ofd/310000-licence-v4.ofd')
const ANNOT = 'Doc_0/Annots/Page_0/Annotation.xml'

describe('readOfd: pictures drawn by page annotations', () => {
  it('finds the stamp annotation picture, its page, boundary and bytes', () => {
    const doc = readOfd(SWAPPED).documents[0]!
    expect(doc.annotationProblems).toEqual([])
    expect(doc.annotationPictures).toHaveLength(1)
    const p = doc.annotationPictures[0]!
    expect(p).toMatchObject({
      pageIndex: 0,
      annotId: '21',
      type: 'Stamp',
      boundary: { x: 140, y: 225, width: 40, height: 40 },
      path: 'Doc_0/Res/annot_seal.png',
    })
    expect(p.bytes).toEqual(stampPng({ label: '33010600000031' }))
  })

  it('finds nothing in a package without annotations, or whose annotation draws no image', () => {
    expect(readOfd(PLAIN).documents[0]!.annotationPictures).toEqual([])
    const invoice = readOfd(readFileSync(`${SHARED}/samples/ofd/zj-tax-invoice-v4.ofd`))
    expect(invoice.documents[0]!.annotationPictures).toEqual([])
    expect(invoice.documents[0]!.annotationProblems).toEqual([])
  })

  it('follows nested PageBlocks and keeps a missing media file as null bytes', () => {
    const nested = repack(SWAPPED, (files) => {
      editText(files, ANNOT, '<ofd:ImageObject', '<ofd:PageBlock><ofd:ImageObject')
      editText(files, ANNOT, '</ofd:Appearance>', '</ofd:PageBlock></ofd:Appearance>')
      delete files['Doc_0/Res/annot_seal.png']
    })
    const p = readOfd(nested).documents[0]!.annotationPictures
    expect(p).toHaveLength(1)
    expect(p[0]).toMatchObject({ path: 'Doc_0/Res/annot_seal.png', bytes: null })
  })

  it('reports unreadable annotation files as problems, not errors', () => {
    const broken = repack(SWAPPED, (files) => {
      files[ANNOT] = strToU8('<ofd:PageAnnot xmlns:ofd="http://www.ofdspec.org/2016"><oops>')
    })
    const doc = readOfd(broken).documents[0]!
    expect(doc.annotationPictures).toEqual([])
    expect(doc.annotationProblems).toHaveLength(1)
    const missing = repack(SWAPPED, (files) => {
      delete files['Doc_0/Annots/Annotations.xml']
    })
    expect(readOfd(missing).documents[0]!.annotationProblems[0]).toMatch(/Annotations/)
  })
})
