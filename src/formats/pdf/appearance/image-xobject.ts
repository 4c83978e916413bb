/**
 * Decoding of images (ISO 32000-1 §8.9), image XObjects and inline images alike: samples of
 * 1 to 16 bits in any supported colour space, /Decode arrays, stencil masks, colour-key and
 * explicit masks and soft masks, to an RGBA raster. DCT (JPEG) data is kept as the JPEG file
 * it is; JPX, JBIG2 and CCITT data are returned raw.
 */
import { FormatError } from '../../../errors.js'
import {
  checkDimensions,
  DEFAULT_IMAGE_LIMITS,
  newRaster,
  type ImageLimits,
  type Raster,
} from '../../../images/raster.js'
import type { PdfFile, PdfObject, PdfStream } from '../types.js'
import { readColourSpace, type ColourSpace } from './colour-space.js'

/** A decoded image XObject. */
export type DecodedImage =
  | { readonly kind: 'raster'; readonly raster: Raster }
  | {
      readonly kind: 'jpeg'
      readonly data: Uint8Array
      readonly width: number
      readonly height: number
    }
  | {
      readonly kind: 'raw'
      readonly data: Uint8Array
      readonly filter: string
      readonly width: number
      readonly height: number
    }

const fail = (what: string, message: string) => new FormatError(`format.pdf.image-${what}`, message)

function num(pdf: PdfFile, obj: PdfObject | undefined, rev: number): number | undefined {
  const o = pdf.deref(obj, rev)
  return o?.kind === 'number' ? o.value : undefined
}

function numbers(pdf: PdfFile, obj: PdfObject | undefined, rev: number): number[] | undefined {
  const o = pdf.deref(obj, rev)
  if (o?.kind !== 'array') return undefined
  const out: number[] = []
  for (const item of o.items.slice(0, 64)) {
    const v = num(pdf, item, rev)
    if (v === undefined) return undefined
    out.push(v)
  }
  return out
}

/** Reads sample `k` (0-based, across the row) of `bpc` bits from a row of bytes. */
function sampleAt(row: Uint8Array, k: number, bpc: number): number {
  if (bpc === 8) return row[k] ?? 0
  if (bpc === 16) return row[2 * k] ?? 0
  const bit = k * bpc
  return ((row[bit >> 3] ?? 0) >> (8 - bpc - (bit & 7))) & ((1 << bpc) - 1)
}

interface Samples {
  readonly width: number
  readonly height: number
  readonly bpc: number
  readonly n: number
  readonly data: Uint8Array
  readonly rowBytes: number
}

function samples(
  pdf: PdfFile,
  dict: ReadonlyMap<string, PdfObject>,
  data: Uint8Array,
  n: number,
  bpc: number,
  rev: number,
  limits: ImageLimits,
): Samples {
  const width = num(pdf, dict.get('Width') ?? dict.get('W'), rev) ?? 0
  const height = num(pdf, dict.get('Height') ?? dict.get('H'), rev) ?? 0
  checkDimensions(width, height, limits)
  if (![1, 2, 4, 8, 16].includes(bpc)) throw fail('bits', `BitsPerComponent ${bpc} is invalid`)
  const rowBytes = Math.ceil((width * n * (bpc === 16 ? 16 : bpc)) / 8)
  if (data.length < rowBytes * height) {
    throw fail('truncated', `image data holds ${data.length} of ${rowBytes * height} bytes`)
  }
  return { width, height, bpc, n, data, rowBytes }
}

/** The maximum raw value of a sample as sampleAt returns it. */
const maxOf = (bpc: number) => (bpc === 16 ? 255 : (1 << bpc) - 1)

/**
 * Decodes an image XObject stream. Throws a FormatError (`format.pdf.image-*` or
 * `format.image.*`) when the image is malformed or uses an unsupported colour space.
 */
export function decodeImageXObject(
  pdf: PdfFile,
  stream: PdfStream,
  rev: number,
  limits: ImageLimits = DEFAULT_IMAGE_LIMITS,
  depth = 0,
): DecodedImage {
  return decodeImage(pdf, stream.dict, pdf.decodeStream(stream, rev), rev, limits, depth)
}

/**
 * Decodes an image from its dictionary (full key names, as an image XObject's) and its data
 * after the filters (`rawFilter`: the image codec that ended the chain), as an image XObject
 * and an inline image share. Throws as {@link decodeImageXObject}.
 */
export function decodeImage(
  pdf: PdfFile,
  dict: ReadonlyMap<string, PdfObject>,
  decoded: { readonly data: Uint8Array; readonly rawFilter?: string | undefined },
  rev: number,
  limits: ImageLimits = DEFAULT_IMAGE_LIMITS,
  depth = 0,
): DecodedImage {
  const width = num(pdf, dict.get('Width'), rev) ?? 0
  const height = num(pdf, dict.get('Height'), rev) ?? 0
  if (decoded.rawFilter === 'DCTDecode') {
    return { kind: 'jpeg', data: decoded.data, width, height }
  }
  if (decoded.rawFilter !== undefined) {
    return { kind: 'raw', data: decoded.data, filter: decoded.rawFilter, width, height }
  }
  const isMask = pdf.deref(dict.get('ImageMask'), rev)
  if (isMask?.kind === 'bool' && isMask.value) {
    const s = samples(pdf, dict, decoded.data, 1, 1, rev, limits)
    return { kind: 'raster', raster: stencil(s, numbers(pdf, dict.get('Decode'), rev), limits) }
  }
  const cs = readColourSpace(pdf, dict.get('ColorSpace'), rev)
  if (!cs) throw fail('colour-space', 'unsupported or missing image colour space')
  const bpc = num(pdf, dict.get('BitsPerComponent'), rev) ?? 8
  const s = samples(pdf, dict, decoded.data, cs.components, bpc, rev, limits)
  const raster = colour(s, cs, numbers(pdf, dict.get('Decode'), rev), limits)
  applyMasks(pdf, dict, s, raster, rev, limits, depth)
  return { kind: 'raster', raster }
}

function stencil(s: Samples, decode: number[] | undefined, limits: ImageLimits): Raster {
  const raster = newRaster(s.width, s.height, limits)
  const paintOn = decode && decode[0] === 1 ? 1 : 0
  for (let y = 0; y < s.height; y++) {
    const row = s.data.subarray(y * s.rowBytes, (y + 1) * s.rowBytes)
    for (let x = 0; x < s.width; x++) {
      if (sampleAt(row, x, 1) === paintOn) raster.rgba[(y * s.width + x) * 4 + 3] = 255
    }
  }
  return raster
}

/** True when `decode` maps every component of an 8-bit device space onto itself. */
function identityDecode(decode: number[] | undefined, n: number): boolean {
  if (decode === undefined) return true
  for (let c = 0; c < n; c++) if (decode[2 * c] !== 0 || decode[2 * c + 1] !== 1) return false
  return true
}

/**
 * 8-bit DeviceGray or DeviceRGB samples with the identity /Decode (the common seal picture):
 * the samples are the RGB bytes, so they are copied without per-sample arithmetic. Gives the
 * bytes the general path gives.
 */
function deviceBytes(s: Samples, cs: ColourSpace, raster: Raster): boolean {
  const grey = cs.name === 'DeviceGray' && s.n === 1
  if (s.bpc !== 8 || !(grey || (cs.name === 'DeviceRGB' && s.n === 3))) return false
  const { width, height, data, rowBytes } = s
  const out = raster.rgba
  for (let y = 0; y < height; y++) {
    const row = data.subarray(y * rowBytes, y * rowBytes + width * s.n)
    const line = out.subarray(y * width * 4, (y + 1) * width * 4)
    if (grey) copyGrey(row, line)
    else copyRgb(row, line)
  }
  return true
}

function copyGrey(row: Uint8Array, line: Uint8Array): void {
  for (let x = 0, at = 0; x < row.length; x++, at += 4) {
    const v = row[x]!
    line[at] = v
    line[at + 1] = v
    line[at + 2] = v
    line[at + 3] = 255
  }
}

function copyRgb(row: Uint8Array, line: Uint8Array): void {
  for (let src = 0, at = 0; src < row.length; src += 3, at += 4) {
    line[at] = row[src]!
    line[at + 1] = row[src + 1]!
    line[at + 2] = row[src + 2]!
    line[at + 3] = 255
  }
}

function colour(
  s: Samples,
  cs: ColourSpace,
  decode: number[] | undefined,
  limits: ImageLimits,
): Raster {
  const raster = newRaster(s.width, s.height, limits)
  if (identityDecode(decode, s.n) && deviceBytes(s, cs, raster)) return raster
  const max = maxOf(s.bpc)
  const ranges: [number, number][] = []
  for (let c = 0; c < s.n; c++) {
    const dmin = decode?.[2 * c] ?? 0
    const dmax = decode?.[2 * c + 1] ?? (cs.hival !== undefined ? (1 << s.bpc) - 1 : 1)
    ranges.push([dmin, dmax])
  }
  const px: number[] = new Array<number>(s.n).fill(0)
  for (let y = 0; y < s.height; y++) {
    const row = s.data.subarray(y * s.rowBytes, (y + 1) * s.rowBytes)
    for (let x = 0; x < s.width; x++) {
      for (let c = 0; c < s.n; c++) {
        const v = sampleAt(row, x * s.n + c, s.bpc)
        const [dmin, dmax] = ranges[c]!
        px[c] = dmin + (v * (dmax - dmin)) / max
      }
      const at = (y * s.width + x) * 4
      cs.toRgb(px, raster.rgba, at)
      raster.rgba[at + 3] = 255
    }
  }
  return raster
}

function applyMasks(
  pdf: PdfFile,
  dict: ReadonlyMap<string, PdfObject>,
  s: Samples,
  raster: Raster,
  rev: number,
  limits: ImageLimits,
  depth: number,
): void {
  const soft = pdf.deref(dict.get('SMask'), rev)
  const mask = pdf.deref(dict.get('Mask'), rev)
  if (soft?.kind === 'stream' && depth === 0) {
    const m = decodeImageXObject(pdf, soft, rev, limits, depth + 1)
    if (m.kind === 'raster') copyAlpha(m.raster, raster, (grey) => grey)
  } else if (mask?.kind === 'stream' && depth === 0) {
    const sd = mask.dict
    const ms = samples(pdf, sd, pdf.decodeStream(mask, rev).data, 1, 1, rev, limits)
    const m = stencil(ms, numbers(pdf, sd.get('Decode'), rev), limits)
    copyAlpha(m, raster, (_, painted) => painted)
  } else if (mask?.kind === 'array') {
    colourKey(s, numbers(pdf, mask, rev) ?? [], raster)
  }
}

/** Sets the alpha of `dst` from `src` (nearest sample when sizes differ). */
function copyAlpha(src: Raster, dst: Raster, pick: (grey: number, alpha: number) => number) {
  const columns = new Int32Array(dst.width)
  for (let x = 0; x < dst.width; x++) {
    columns[x] = Math.min(src.width - 1, Math.floor((x * src.width) / dst.width))
  }
  for (let y = 0; y < dst.height; y++) {
    const sy = Math.min(src.height - 1, Math.floor((y * src.height) / dst.height))
    const rowStart = sy * src.width
    let at = y * dst.width * 4 + 3
    for (let x = 0; x < dst.width; x++, at += 4) {
      const si = (rowStart + columns[x]!) * 4
      dst.rgba[at] = pick(src.rgba[si]!, src.rgba[si + 3]!)
    }
  }
}

function colourKey(s: Samples, key: number[], raster: Raster): void {
  if (key.length < 2 * s.n) return
  for (let y = 0; y < s.height; y++) {
    const row = s.data.subarray(y * s.rowBytes, (y + 1) * s.rowBytes)
    for (let x = 0; x < s.width; x++) {
      let inside = true
      for (let c = 0; c < s.n && inside; c++) {
        const k = x * s.n + c
        const v = s.bpc === 16 ? (row[2 * k]! << 8) | row[2 * k + 1]! : sampleAt(row, k, s.bpc)
        inside = v >= key[2 * c]! && v <= key[2 * c + 1]!
      }
      if (inside) raster.rgba[(y * s.width + x) * 4 + 3] = 0
    }
  }
}
