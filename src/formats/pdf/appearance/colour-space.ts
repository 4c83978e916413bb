/**
 * Image colour spaces (ISO 32000-1 §8.6) reduced to what a seal picture needs: a number of
 * components and a conversion of decoded samples (0..1) to 8-bit RGB. CMYK and spot colours
 * are approximated; ICC profiles are not applied (their component count decides).
 */
import type { PdfFile, PdfObject } from '../types.js'

/** A colour space ready to convert samples. */
export interface ColourSpace {
  readonly name: string
  readonly components: number
  /** For /Indexed: the highest index; samples are then palette indices, not 0..1 values. */
  readonly hival?: number
  /** Writes the RGB of one pixel; `s` holds `components` values in 0..1 (or an index). */
  toRgb(s: readonly number[], out: Uint8Array, at: number): void
}

const clamp = (v: number) => (v <= 0 ? 0 : v >= 1 ? 255 : Math.round(v * 255))

const GRAY: ColourSpace = {
  name: 'DeviceGray',
  components: 1,
  toRgb(s, out, at) {
    const v = clamp(s[0]!)
    out[at] = v
    out[at + 1] = v
    out[at + 2] = v
  },
}

const RGB: ColourSpace = {
  name: 'DeviceRGB',
  components: 3,
  toRgb(s, out, at) {
    out[at] = clamp(s[0]!)
    out[at + 1] = clamp(s[1]!)
    out[at + 2] = clamp(s[2]!)
  },
}

/** Naive CMYK: each of R, G, B is (1 − C|M|Y)(1 − K). */
const CMYK: ColourSpace = {
  name: 'DeviceCMYK',
  components: 4,
  toRgb(s, out, at) {
    const k = 1 - s[3]!
    out[at] = clamp((1 - s[0]!) * k)
    out[at + 1] = clamp((1 - s[1]!) * k)
    out[at + 2] = clamp((1 - s[2]!) * k)
  },
}

/** A spot colour drawn as grey ink: tint 1 is black. The tint transform is not run. */
function tint(name: string, components: number): ColourSpace {
  return {
    name,
    components,
    toRgb(s, out, at) {
      let t = 0
      for (let i = 0; i < components; i++) t = Math.max(t, s[i]!)
      const v = clamp(1 - t)
      out[at] = v
      out[at + 1] = v
      out[at + 2] = v
    },
  }
}

const BY_NAME: Readonly<Record<string, ColourSpace>> = {
  DeviceGray: GRAY,
  G: GRAY,
  CalGray: GRAY,
  DeviceRGB: RGB,
  RGB,
  CalRGB: RGB,
  DeviceCMYK: CMYK,
  CMYK,
}

function bytesOf(pdf: PdfFile, obj: PdfObject | undefined, rev: number): Uint8Array | undefined {
  const o = pdf.deref(obj, rev)
  if (o?.kind === 'string') return o.bytes
  if (o?.kind === 'stream') return pdf.decodeStream(o, rev).data
  return undefined
}

/**
 * Reads a colour space object, or returns undefined when it is unknown or malformed.
 * `depth` bounds nesting (an /Indexed base that is itself /ICCBased, …).
 */
export function readColourSpace(
  pdf: PdfFile,
  obj: PdfObject | undefined,
  rev: number,
  depth = 0,
): ColourSpace | undefined {
  if (depth > 4) return undefined
  const cs = pdf.deref(obj, rev)
  if (cs?.kind === 'name') return BY_NAME[cs.value]
  if (cs?.kind !== 'array' || cs.items.length === 0) return undefined
  const family = pdf.deref(cs.items[0], rev)
  if (family?.kind !== 'name') return undefined
  switch (family.value) {
    case 'CalGray':
    case 'CalRGB':
      return BY_NAME[family.value]
    case 'ICCBased': {
      const stream = pdf.deref(cs.items[1], rev)
      if (stream?.kind !== 'stream') return undefined
      const n = pdf.deref(stream.dict.get('N'), rev)
      const alt = readColourSpace(pdf, stream.dict.get('Alternate'), rev, depth + 1)
      if (n?.kind !== 'number') return alt
      return alt?.components === n.value ? alt : [GRAY, undefined, RGB, CMYK][n.value - 1]
    }
    case 'Separation':
      return tint('Separation', 1)
    case 'DeviceN': {
      const names = pdf.deref(cs.items[1], rev)
      const n = names?.kind === 'array' ? names.items.length : 0
      return n >= 1 && n <= 32 ? tint('DeviceN', n) : undefined
    }
    case 'Indexed':
    case 'I':
      return indexed(pdf, cs.items, rev, depth)
    default:
      return undefined
  }
}

function indexed(
  pdf: PdfFile,
  items: readonly PdfObject[],
  rev: number,
  depth: number,
): ColourSpace | undefined {
  const base = readColourSpace(pdf, items[1], rev, depth + 1)
  const hivalObj = pdf.deref(items[2], rev)
  const lookup = bytesOf(pdf, items[3], rev)
  if (!base || base.hival !== undefined || hivalObj?.kind !== 'number' || !lookup) return undefined
  const hival = Math.floor(hivalObj.value)
  if (hival < 0 || hival > 255) return undefined
  const n = base.components
  const palette = new Uint8Array((hival + 1) * 3)
  for (let i = 0; i <= hival; i++) {
    const s: number[] = []
    for (let c = 0; c < n; c++) s.push((lookup[i * n + c] ?? 0) / 255)
    base.toRgb(s, palette, i * 3)
  }
  return {
    name: 'Indexed',
    components: 1,
    hival,
    toRgb(s, out, at) {
      const i = Math.min(hival, Math.max(0, Math.round(s[0]!)))
      out[at] = palette[i * 3]!
      out[at + 1] = palette[i * 3 + 1]!
      out[at + 2] = palette[i * 3 + 2]!
    },
  }
}
