import { describe, expect, it } from 'vitest'
import { stampPng } from '../../fixtures/make/png.js'
import {
  annotationSealPicture,
  ofdPictureFindings,
  picturesOverStamps,
} from '../../src/evaluate/seal-picture-ofd.js'
import type {
  OfdAnnotPicture,
  OfdDocument,
  OfdSignature,
  OfdStampAnnot,
} from '../../src/formats/ofd/types.js'

const ID = '31011500000030'
const seal = { format: 'png', width: 40, height: 40, data: stampPng({ label: ID }) }

const stamp = (pageIndex: number | null, boundary: string): OfdStampAnnot => {
  const [x = 0, y = 0, width = 0, height = 0] = boundary.split(' ').map(Number)
  return {
    id: '1',
    pageRef: pageIndex === null ? null : String(pageIndex + 1),
    pageIndex,
    pagePath: null,
    boundaryRaw: boundary,
    boundary: { x, y, width, height },
    clip: null,
  }
}

const annot = (
  pageIndex: number | null,
  boundary: OfdAnnotPicture['boundary'],
  bytes: Uint8Array | null,
): OfdAnnotPicture => ({ pageIndex, annotId: '9', type: 'Stamp', boundary, path: 'p', bytes })

const docWith = (pictures: OfdAnnotPicture[], problems: string[] = []) =>
  ({ annotationPictures: pictures, annotationProblems: problems }) as unknown as OfdDocument
const sigWith = (stamps: OfdStampAnnot[]) => ({ stampAnnots: stamps }) as unknown as OfdSignature
const codes = (fs: readonly { code: string; status: string }[]) =>
  fs.map((f) => `${f.code}:${f.status}`)

describe('picturesOverStamps', () => {
  const sig = sigWith([stamp(0, '140 225 40 40')])

  it('takes annotation pictures on the stamp page whose boundary overlaps the stamp', () => {
    const over = annot(0, { x: 150, y: 230, width: 10, height: 10 }, null)
    const beside = annot(0, { x: 10, y: 10, width: 40, height: 40 }, null)
    const touching = annot(0, { x: 180, y: 225, width: 10, height: 10 }, null)
    const otherPage = annot(1, { x: 140, y: 225, width: 40, height: 40 }, null)
    const unknown = annot(0, null, null)
    const doc = docWith([over, beside, touching, otherPage, unknown])
    expect(picturesOverStamps(doc, sig)).toEqual([over, unknown])
  })
})

describe('ofdPictureFindings', () => {
  const sig = sigWith([stamp(0, '140 225 40 40')])
  const box = { x: 140, y: 225, width: 40, height: 40 }

  it('says the viewer draws the seal picture when nothing covers the stamp', () => {
    expect(ofdPictureFindings(docWith([]), sig, seal)).toEqual([
      { code: 'seal.picture.drawn-from-seal', status: 'passed', params: { page: 1 } },
    ])
  })

  it('compares a covering picture with the seal picture', () => {
    const same = ofdPictureFindings(docWith([annot(0, box, seal.data)]), sig, seal)
    expect(codes(same)).toEqual(['seal.picture.match:passed'])
    const other = stampPng({ label: '33010600000031' })
    const swapped = ofdPictureFindings(docWith([annot(0, box, other)]), sig, seal)
    expect(codes(swapped)).toEqual(['seal.picture.displayed-mismatch:failed'])
  })

  it('cannot conclude when the covering picture or the annotations cannot be read', () => {
    const missing = ofdPictureFindings(docWith([annot(0, box, null)]), sig, seal)
    expect(codes(missing)).toEqual(['seal.picture.undecodable:indeterminate'])
    const broken = ofdPictureFindings(docWith([annot(0, box, seal.data.slice(0, 70))]), sig, seal)
    expect(codes(broken)).toEqual(['seal.picture.undecodable:indeterminate'])
    const unreadable = ofdPictureFindings(docWith([], ['Annotations.xml: bad']), sig, seal)
    expect(codes(unreadable)).toEqual([
      'seal.picture.drawn-from-seal:passed',
      'seal.picture.undecodable:indeterminate',
    ])
  })

  it('gives renderers the covering picture with its boundary size', () => {
    expect(annotationSealPicture(annot(0, box, seal.data))).toEqual({
      format: 'png',
      width: 40,
      height: 40,
      data: seal.data,
    })
    expect(annotationSealPicture(annot(0, box, null))).toBeUndefined()
  })
})
