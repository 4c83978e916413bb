import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import { stampPng } from '../../fixtures/make/png.js'
import {
  comparePicture,
  displayedPictureFindings,
  pdfPictureFindings,
  registryPictureFindings,
  SignedPictureView,
  withPictureFindings,
} from '../../src/evaluate/seal-picture.js'
import type { SignatureAppearance } from '../../src/evaluate/pdf-appearance.js'
import { pictureDigest, rasterDigest } from '../../src/images/compare.js'
import { parseSeal } from '../../src/formats/ses/index.js'
import { decodePicture } from '../../src/images/decode.js'
import { decodePng } from '../../src/images/png-decode.js'
import { encodePng } from '../../src/images/png.js'
import type { Raster } from '../../src/images/raster.js'
import { toGrid } from '../../src/images/resample.js'
import type { Registry } from '../../src/registry/index.js'
import { PASSED, aggregate } from '../../src/verdict/aggregate.js'
import type { Finding } from '../../src/verdict/messages.js'
import { render } from '../../src/verdict/messages.js'
import type { SignatureResult } from '../../src/verdict/types.js'
import { writeJpeg } from '../images/jpeg-writer.js'
import { SHARED } from '../shared-dir.js'

const ID = '33010600000091'
const OTHER = '31010600000096'
const png = (label: string) => stampPng({ label })
const signed = { data: png(ID) }
const shownFile = (data: Uint8Array, page = 1) => ({
  sha256: pictureDigest(data),
  raster: decodePicture(data),
  page,
})
const shownRaster = (raster: Raster, page = 1) => ({ sha256: rasterDigest(raster), raster, page })
const codes = (fs: readonly Finding[]) => fs.map((f) => `${f.code}:${f.status}`)

/** A red-free picture (grey bar): not seal-like. */
function greyBar(): Raster {
  const width = 96
  const height = 24
  const rgba = new Uint8Array(width * height * 4).fill(128)
  return { width, height, rgba }
}

describe('comparePicture', () => {
  const view = new SignedPictureView(signed)

  it('is exact for the same file and for the same pixels in another file', () => {
    expect(comparePicture(view, shownFile(png(ID)))).toEqual({ kind: 'exact', distance: 0 })
    const raster = decodePng(png(ID))
    expect(comparePicture(view, shownRaster(raster)).kind).toBe('exact')
    const again = encodePng(raster)
    expect(again).not.toEqual(png(ID))
    expect(comparePicture(view, shownFile(again)).kind).toBe('exact')
  })

  it('matches a JPEG rendering perceptually and refuses another seal', () => {
    const jpeg = writeJpeg(decodePng(png(ID)), { quality: 85, subsample: 2 })
    expect(comparePicture(view, shownFile(jpeg))).toEqual({ kind: 'perceptual', distance: 0 })
    const other = comparePicture(view, shownFile(png(OTHER)))
    expect(other.kind).toBe('mismatch')
    expect(other.kind === 'mismatch' && other.distance).toBeGreaterThan(0.005)
  })

  it('cannot compare what it cannot decode', () => {
    const gif = new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0])
    const r = comparePicture(view, { sha256: pictureDigest(gif), raster: undefined, page: 2 })
    expect(r).toMatchObject({ kind: 'undecodable' })
    const gifSeal = new SignedPictureView({ data: gif })
    expect(comparePicture(gifSeal, shownFile(png(ID)))).toMatchObject({
      kind: 'undecodable',
      reason: expect.stringContaining('seal picture'),
    })
    // the same undecodable bytes still match exactly
    expect(
      comparePicture(gifSeal, { sha256: pictureDigest(gif), raster: undefined, page: 1 }),
    ).toEqual({ kind: 'exact', distance: 0 })
    const broken = new SignedPictureView({ data: png(ID).slice(0, 60) })
    expect(comparePicture(broken, shownFile(png(ID))).kind).toBe('undecodable')
  })
})

describe('comparePicture on a real seal picture (ofdrw UserV4.esl, 400×400 PNG)', () => {
  const real = parseSeal(readFileSync(`${SHARED}/samples/ofd/UserV4.esl`)).picture.data
  const view = new SignedPictureView({ data: real })
  const raster = decodePicture(real)!

  it('matches its JPEG rendering and a 120-pixel raster of it, not another seal', () => {
    expect(raster.width).toBe(400)
    const jpeg = writeJpeg(raster, { quality: 75, subsample: 2 })
    expect(comparePicture(view, shownFile(jpeg)).kind).toBe('perceptual')
    const g = toGrid(raster, 120, 120)
    const rgba = new Uint8Array(120 * 120 * 4)
    for (let i = 0; i < 120 * 120; i++)
      rgba.set([g.rgb[i * 3]!, g.rgb[i * 3 + 1]!, g.rgb[i * 3 + 2]!, 255], i * 4)
    expect(comparePicture(view, shownRaster({ width: 120, height: 120, rgba })).kind).toBe(
      'perceptual',
    )
    expect(comparePicture(view, shownFile(png(ID))).kind).toBe('mismatch')
  })
})

describe('displayedPictureFindings', () => {
  it('passes the seal picture and ignores a non-seal picture beside it', () => {
    const f = displayedPictureFindings(signed, [shownFile(png(ID)), shownRaster(greyBar())], 0)
    expect(codes(f)).toEqual(['seal.picture.match:passed'])
    expect(f[0]).toMatchObject({ params: { page: 1, method: 'exact', distance: 0 } })
  })

  it('fails another seal picture, even beside the right one', () => {
    const alone = displayedPictureFindings(signed, [shownFile(png(OTHER), 3)], 0)
    expect(alone).toEqual([
      expect.objectContaining({
        code: 'seal.picture.displayed-mismatch',
        status: 'failed',
        subIndication: 'FORMAT_FAILURE',
        params: expect.objectContaining({ page: 3, threshold: 0.001 }),
      }),
    ])
    const both = displayedPictureFindings(signed, [shownFile(png(ID)), shownFile(png(OTHER))], 0)
    expect(codes(both)).toEqual([
      'seal.picture.match:passed',
      'seal.picture.displayed-mismatch:failed',
    ])
    // a non-seal picture that does not match fails when nothing matches
    const bar = displayedPictureFindings(signed, [shownRaster(greyBar())], 0)
    expect(codes(bar)).toEqual(['seal.picture.displayed-mismatch:failed'])
  })

  it('is indeterminate when a displayed image could not be decoded', () => {
    const f = displayedPictureFindings(signed, [shownFile(png(ID))], 1)
    expect(codes(f)).toEqual([
      'seal.picture.match:passed',
      'seal.picture.undecodable:indeterminate',
    ])
    expect(aggregate(f.map((x) => render(x, 'en'))).status).toBe('indeterminate')
  })
})

describe('pdfPictureFindings', () => {
  const look = (shown: SignatureAppearance['shown'], unreadable = 0): SignatureAppearance => ({
    pictures: shown.map((s) => s.picture),
    shown,
    unreadable,
    findings: [],
  })
  const raster = decodePng(png(ID))
  const picture = {
    format: 'png' as const,
    width: 96,
    height: 96,
    sha256: rasterDigest(raster),
    data: encodePng(raster),
  }

  it('says a CMS signature has no signed picture, and nothing when nothing is shown', () => {
    const f = pdfPictureFindings([], look([{ picture, raster, page: 1 }]), 'Signature1')
    expect(f).toEqual([{ code: 'seal.picture.unsigned', status: 'passed', params: { count: 1 } }])
    expect(pdfPictureFindings([], look([]), 'Signature1')).toEqual([])
    expect(pdfPictureFindings([], undefined, null)).toEqual([])
  })

  it('compares a seal signature with its widget pictures', () => {
    expect(codes(pdfPictureFindings([signed], look([{ picture, raster, page: 1 }]), 'S'))).toEqual([
      'seal.picture.match:passed',
    ])
    expect(pdfPictureFindings([signed], look([]), 'S')).toEqual([
      { code: 'seal.picture.not-shown', status: 'passed', params: { field: 'S' } },
    ])
    expect(codes(pdfPictureFindings([signed], look([], 1), 'S'))).toEqual([
      'seal.picture.undecodable:indeterminate',
    ])
  })
})

describe('withPictureFindings', () => {
  const sig: SignatureResult = {
    id: 'sig-1',
    format: 'ses',
    status: 'recognized',
    subIndication: null,
    signer: null,
    province: null,
    signingTime: null,
    timestamp: null,
    coverage: null,
    modifications: null,
    checks: [],
  }

  it('rejects a recognised signature whose displayed picture is another seal', () => {
    const f = displayedPictureFindings(signed, [shownFile(png(OTHER))], 0)
    const r = withPictureFindings(sig, PASSED, f, 'en')
    expect(r.outcome).toEqual({
      status: 'rejected',
      indication: 'TOTAL_FAILED',
      subIndication: 'FORMAT_FAILURE',
    })
    expect(r.signature.status).toBe('rejected')
    expect(r.signature.checks.at(-1)?.code).toBe('seal.picture.displayed-mismatch')
  })

  it('keeps a worse earlier outcome and changes nothing without findings', () => {
    const crypto = {
      status: 'rejected' as const,
      indication: 'TOTAL_FAILED' as const,
      subIndication: 'SIG_CRYPTO_FAILURE' as const,
    }
    const ok = displayedPictureFindings(signed, [shownFile(png(ID))], 0)
    expect(withPictureFindings(sig, crypto, ok, 'en').outcome).toEqual(crypto)
    expect(withPictureFindings(sig, PASSED, [], 'en').signature).toBe(sig)
  })
})

describe('registryPictureFindings', () => {
  const registry = (sha256: string): Pick<Registry, 'sealPicture'> => ({
    sealPicture: (esID) =>
      esID === ID
        ? ({
            esID,
            sha256,
            province: { code: '330000', name: '浙江省' },
            service: { id: 's' },
          } as ReturnType<Registry['sealPicture']>)
        : undefined,
  })

  it('says nothing for a seal the registry does not list', () => {
    expect(registryPictureFindings(OTHER, png(OTHER), registry('00'))).toEqual([])
  })

  it('passes the registered picture and refuses another one', () => {
    const good = registryPictureFindings(ID, png(ID), registry(pictureDigest(png(ID))))
    expect(codes(good)).toEqual(['seal.picture.registry-match:passed'])
    const bad = registryPictureFindings(ID, png(OTHER), registry(pictureDigest(png(ID))))
    expect(bad).toEqual([
      expect.objectContaining({
        code: 'policy.seal-picture-registry-mismatch',
        status: 'failed',
        params: { esID: ID, registered: pictureDigest(png(ID)), actual: pictureDigest(png(OTHER)) },
      }),
    ])
    const outcome = aggregate(bad.map((f) => render(f, 'zh')))
    expect(outcome).toEqual({ status: 'rejected', indication: 'TOTAL_PASSED', subIndication: null })
  })
})
