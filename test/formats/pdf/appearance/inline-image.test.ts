import { zlibSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { decodeImage } from '../../../../src/formats/pdf/appearance/image-xobject.js'
import type { InlineImage } from '../../../../src/formats/pdf/appearance/inline-image.js'
import { INLINE_END_LIMITS } from '../../../../src/formats/pdf/appearance/inline-end.js'
import { writeJpeg } from '../../../images/jpeg-writer.js'
import { content, inlineContext, scan } from './inline-ctx.js'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')

/** The one inline image of `data`, its pixels (RGBA) and the names drawn after it. */
function single(data: Uint8Array, ctx = inlineContext().ctx) {
  const r = scan(data, ctx)
  const images = r.ops.flatMap((op) => (op.kind === 'inline' ? [op.image] : []))
  const after = r.ops.flatMap((op) => (op.kind === 'xobject' ? [op.name] : []))
  return { images, after, problems: r.problems.map((p) => p.code), ctx }
}

function pixels(image: InlineImage, ctx = inlineContext().ctx): number[] {
  const d = decodeImage(ctx.pdf, image.dict, image.data!, 0)
  if (d.kind !== 'raster') throw new Error(`expected a raster, got ${d.kind}`)
  return [...d.raster.rgba]
}

/** ASCII85 of `bytes`, with the `~>` end marker. */
function ascii85(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 4) {
    const n = Math.min(4, bytes.length - i)
    let v = 0
    for (let k = 0; k < 4; k++) v = v * 256 + (bytes[i + k] ?? 0)
    const digits: string[] = []
    for (let k = 0; k < 5; k++) {
      digits.unshift(String.fromCharCode(33 + (v % 85)))
      v = Math.floor(v / 85)
    }
    out += digits.slice(0, n + 1).join('')
  }
  return `${out}~>`
}

/** LZW with literal 9-bit codes only (a clear code, the bytes, end of data): valid, short. */
function lzw(bytes: Uint8Array): Uint8Array {
  const codes = [256, ...bytes, 257]
  const out = new Uint8Array(Math.ceil((codes.length * 9) / 8))
  codes.forEach((c, i) => {
    for (let b = 0; b < 9; b++) {
      if ((c >> (8 - b)) & 1) out[(i * 9 + b) >> 3]! |= 0x80 >> ((i * 9 + b) & 7)
    }
  })
  return out
}

const RED_BLUE = [255, 0, 0, 0, 0, 255]
const RED_BLUE_RGBA = [255, 0, 0, 255, 0, 0, 255, 255]

describe('readInlineImage: the dictionary', () => {
  it('expands abbreviated keys and colour space names', () => {
    const { images, after } = single(
      content('BI /W 2 /H 1 /CS /RGB /BPC 8 /I true ID ', RED_BLUE, ' EI /Next Do'),
    )
    expect(images).toHaveLength(1)
    const d = images[0]!.dict
    expect([...d.keys()].sort()).toEqual([
      'BitsPerComponent',
      'ColorSpace',
      'Height',
      'Interpolate',
      'Width',
    ])
    expect(d.get('ColorSpace')).toEqual({ kind: 'name', value: 'DeviceRGB' })
    expect(pixels(images[0]!)).toEqual(RED_BLUE_RGBA)
    expect(after).toEqual(['Next'])
  })

  it('reads the full key names too, and grey, CMYK and stencil masks', () => {
    const full = single(
      content('BI /Width 2 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8 ID ', [0, 255]),
    )
    expect(pixels(full.images[0]!)).toEqual([0, 0, 0, 255, 255, 255, 255, 255])
    const cmyk = single(content('BI /W 1 /H 1 /CS /CMYK /BPC 8 ID ', [0, 255, 255, 0], ' EI'))
    expect(pixels(cmyk.images[0]!)).toEqual([255, 0, 0, 255])
    const mask = single(content('BI /IM true /W 8 /H 1 /D [1 0] ID ', [0b10000000], '\nEI'))
    expect(pixels(mask.images[0]!).filter((_, i) => i % 4 === 3)).toEqual([
      255, 0, 0, 0, 0, 0, 0, 0,
    ])
  })

  it('resolves a named colour space through the resources, and abbreviated /Indexed arrays', () => {
    const { ctx } = inlineContext(
      '<< /ColorSpace << /P0 [/Indexed /DeviceRGB 1 <ff0000 0000ff>] /P1 4 0 R >> >>',
      ['[/I /RGB 1 <00ff00 ffffff>]'],
    )
    const named = single(content('BI /W 2 /H 1 /CS /P0 /BPC 8 ID ', [0, 1], ' EI'), ctx)
    expect(pixels(named.images[0]!, ctx)).toEqual(RED_BLUE_RGBA)
    const viaRef = single(content('BI /W 1 /H 1 /CS /P1 /BPC 8 ID ', [0], ' EI'), ctx)
    expect(pixels(viaRef.images[0]!, ctx)).toEqual([0, 255, 0, 255])
    const inline = single(content('BI /W 2 /H 1 /CS [/I /G 1 <10f0>] /BPC 1 ID ', [0x40], ' EI'))
    expect(pixels(inline.images[0]!)).toEqual([16, 16, 16, 255, 240, 240, 240, 255])
  })

  it('reports a colour space missing from the resources and goes on after EI', () => {
    const r = single(content('BI /W 1 /H 1 /CS /Nope /BPC 8 ID x EI /After Do'))
    expect(r.images).toEqual([])
    expect(r.problems).toEqual(['format.pdf.inline-image'])
    expect(r.after).toEqual(['After'])
  })

  it('reports malformed dictionaries and resynchronises on EI', () => {
    for (const text of ['BI /W ID x EI /After Do', 'BI 12 /W 1 ID x EI /After Do', 'BI /W (1']) {
      const r = single(content(text))
      expect(r.images, text).toEqual([])
      expect(r.problems.length, text).toBe(1)
      expect(r.problems[0], text).toMatch(/^format\.pdf\./)
      expect(r.after, text).toEqual(text.includes('After') ? ['After'] : [])
    }
  })
})

describe('readInlineImage: filters', () => {
  const rgb = new Uint8Array(RED_BLUE)
  const head = 'BI /W 2 /H 1 /CS /RGB /BPC 8 '

  it('decodes AHx, A85, Fl, RL, LZW and filter arrays with parameters', () => {
    const rl = new Uint8Array([5, ...rgb, 128])
    const cases: [string, Uint8Array | string][] = [
      ['/F /AHx', `${hex(rgb)}>`],
      ['/F /A85', ascii85(rgb)],
      ['/F /Fl', zlibSync(rgb)],
      ['/F /RL', rl],
      ['/F /LZW', lzw(rgb)],
      ['/F [/AHx /Fl]', `${hex(zlibSync(rgb))}>`],
      ['/Filter /FlateDecode', zlibSync(rgb)],
      [
        '/F /Fl /DP << /Predictor 2 /Colors 3 /Columns 2 >>',
        zlibSync(new Uint8Array([255, 0, 0, 1, 0, 255])),
      ],
    ]
    for (const [filter, data] of cases) {
      const r = single(content(`${head}${filter} ID `, data, ' EI /After Do'))
      expect(r.problems, filter).toEqual([])
      expect(pixels(r.images[0]!), filter).toEqual(RED_BLUE_RGBA)
      expect(r.after, filter).toEqual(['After'])
    }
  })

  it('keeps DCT data as the JPEG it is, and CCF data raw', () => {
    const jpeg = writeJpeg({ width: 16, height: 16, rgba: new Uint8Array(16 * 16 * 4).fill(200) })
    const dct = single(content('BI /W 16 /H 16 /CS /RGB /BPC 8 /F /DCT ID ', jpeg, '\nEI Q'))
    expect(dct.images[0]!.data).toMatchObject({ rawFilter: 'DCTDecode' })
    expect(hex(dct.images[0]!.data!.data)).toBe(hex(jpeg))
    const ccf = single(content('BI /W 8 /H 1 /IM true /F /CCF ID ', [1, 2, 3], ' EI /After Do'))
    expect(ccf.images[0]!.data).toMatchObject({ rawFilter: 'CCITTFaxDecode' })
    expect(ccf.after).toEqual(['After'])
  })

  it('finds the real end when the filtered data holds " EI " (Flate stored block)', () => {
    // 8 grey samples " EI EI \n" in an uncompressed zlib block: the bytes occur verbatim
    const samples = content(' EI EI \n')
    const stored = zlibSync(samples, { level: 0 })
    expect(Buffer.from(stored).includes(Buffer.from(' EI '))).toBe(true)
    const r = single(content('BI /W 8 /H 1 /CS /G /BPC 8 /F /Fl ID ', stored, ' EI /After Do'))
    expect(r.problems).toEqual([])
    expect(pixels(r.images[0]!).filter((_, i) => i % 4 === 0)).toEqual([...samples])
    expect(r.after).toEqual(['After'])
  })

  it('finds the real end when ASCII85 data holds the letters EI between spaces', () => {
    // a group whose first base-85 digits are E (36) and I (40); A85 ignores whitespace
    const v = 36 * 85 ** 4 + 40 * 85 ** 3
    const group = new Uint8Array([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255])
    const encoded = ascii85(group)
    expect(encoded.startsWith('EI')).toBe(true)
    const spaced = ` ${encoded.slice(0, 2)} ${encoded.slice(2)}`
    const r = single(content('BI /W 4 /H 1 /CS /G /BPC 8 /F /A85 ID', spaced, ' EI /After Do'))
    expect(r.problems).toEqual([])
    expect(pixels(r.images[0]!).filter((_, i) => i % 4 === 0)).toEqual([...group])
    expect(r.after).toEqual(['After'])
  })

  it('prefers an end after which the stream reads as operators again', () => {
    // "EI" then binary bytes: not where the image ends, though the data decodes there too;
    // ending there would open a string at "(" that hides the rest of the stream
    const rgbData = content(hex(rgb), '>')
    const r = single(content(head, '/F /AHx ID ', rgbData, ' EI ', [0x80, 0x28], ' EI /After Do'))
    expect(r.after).toEqual(['After'])
  })
})

describe('readInlineImage: ends that cannot be found', () => {
  it('reads data not ended by EI to the end of the stream, and says so', () => {
    const rgb = zlibSync(new Uint8Array(RED_BLUE))
    const r = single(content('BI /W 2 /H 1 /CS /RGB /BPC 8 /F /Fl ID ', rgb))
    expect(r.problems).toEqual(['format.pdf.inline-image-end'])
    expect(pixels(r.images[0]!)).toEqual(RED_BLUE_RGBA)
    const plain = single(content('BI /W 2 /H 1 /CS /RGB /BPC 8 ID ', RED_BLUE, ' /X Do'))
    expect(plain.problems).toEqual(['format.pdf.inline-image-end'])
    expect(plain.images).toHaveLength(1)
    // the rest of the stream is image data as far as anyone can tell
    expect(plain.after).toEqual([])
  })

  it('reports undecodable data with no EI and stops: the rest cannot be read', () => {
    const r = single(content('BI /W 2 /H 1 /CS /RGB /BPC 8 /F /Fl ID garbage /X Do'))
    expect(r.images).toEqual([])
    expect(r.problems).toEqual(['format.pdf.inline-image-end'])
    expect(r.after).toEqual([])
  })

  it('reports data that decodes nowhere and goes on after the first EI', () => {
    const r = single(content('BI /W 2 /H 1 /CS /RGB /BPC 8 /F /Fl ID garbage EI /After Do'))
    expect(r.images).toEqual([])
    expect(r.problems).toEqual(['format.pdf.flate'])
    expect(r.after).toEqual(['After'])
  })

  it('copes with a huge declared size: no allocation, a problem, the scan goes on', () => {
    for (const f of ['', '/F /AHx ']) {
      const r = single(content(`BI /W 100000 /H 100000 /CS /RGB /BPC 8 ${f}ID 00> EI /After Do`))
      expect(r.images, f).toEqual([])
      expect(r.problems, f).toEqual(['format.pdf.inline-image'])
      expect(r.after, f).toEqual(['After'])
    }
  })

  it('does not search filtered data past its bound, and says it is a bound', () => {
    const big = new Uint8Array(INLINE_END_LIMITS.maxData + 10).fill(0x30)
    const r = single(content('BI /W 1 /H 1 /CS /G /F /AHx ID ', big, ' EI /After Do'))
    expect(r.problems).toEqual(['limit.pdf.inline-image-size'])
    expect(r.after).toEqual([])
  })

  it('bounds the decoding spent on candidate ends', () => {
    const { ctx } = inlineContext()
    ctx.work = 10
    const r = single(content('BI /W 8 /H 1 /CS /G /F /AHx ID 00 EI 00 EI 00 EI 00 EI /X Do'), ctx)
    expect(r.problems).toEqual(['limit.pdf.inline-image-search'])
    expect(r.after).toEqual([])
  })

  it('does not guess the end past the bound of candidate ends', () => {
    // Flate data stored verbatim with more " EI " in it than candidates are tried
    const samples = content(' EI'.repeat(INLINE_END_LIMITS.maxCandidates + 4), ' ')
    const stored = zlibSync(samples, { level: 0 })
    const head = `BI /W ${samples.length} /H 1 /CS /G /F /Fl ID `
    const r = single(content(head, stored, ' EI /Seal Do'))
    expect(r.problems).toEqual(['limit.pdf.inline-image-search'])
    expect(r.images).toEqual([])
    // with one candidate fewer than the bound, the real end is found
    const fewer = content(' EI'.repeat(INLINE_END_LIMITS.maxCandidates - 2), ' ')
    const ok = single(
      content(
        `BI /W ${fewer.length} /H 1 /CS /G /F /Fl ID `,
        zlibSync(fewer, { level: 0 }),
        ' EI /Seal Do',
      ),
    )
    expect(ok.problems).toEqual([])
    expect(ok.after).toEqual(['Seal'])
  })

  it('charges decoded data to the budget and stops past it', () => {
    const { ctx } = inlineContext('<< >>', [], { maxTotalOutput: 100 })
    const data = zlibSync(new Uint8Array(60))
    const one = content('BI /W 60 /H 1 /CS /G /F /Fl ID ', data, ' EI ')
    const r = single(content(one, one, '/After Do'), ctx)
    expect(r.images).toHaveLength(1)
    expect(ctx.budget.remaining).toBe(40)
    expect(r.problems).toEqual(['limit.pdf.total-output'])
  })

  it('bounds the number of inline images per stream', () => {
    const one = 'BI /W 1 /H 1 /CS /G /BPC 8 ID x EI '
    const r = scan(content(one.repeat(30), '/After Do'), undefined, { maxInline: 10 })
    expect(r.ops).toHaveLength(10)
    expect(r.problems.map((p) => p.code)).toEqual(['limit.pdf.inline-images'])
  })
})

describe('readInlineImage on corrupted content', () => {
  it('never throws and always moves forward', () => {
    const rgb = new Uint8Array(RED_BLUE)
    const good = content(
      'q BI /W 2 /H 1 /CS /RGB /BPC 8 /F /Fl ID ',
      zlibSync(rgb),
      ' EI Q BI /W 2 /H 1 /CS [/I /RGB 1 <ff0000 0000ff>] /BPC 8 /F [/AHx /RL] ID ',
      `${hex(new Uint8Array([1, 0, 1, 128]))}>`,
      '\nEI /A Do BI /IM true /W 8 /H 1 /F /A85 ID ',
      ascii85(new Uint8Array([0xf0])),
      ' EI /B Do',
    )
    expect(single(good).images).toHaveLength(3)
    let seed = 7
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff)
    for (let round = 0; round < 400; round++) {
      const bad = good.slice(0, good.length - (next() % 8))
      for (let k = 0; k < 1 + (round % 6); k++) bad[next() % bad.length] = next() & 255
      const r = scan(bad)
      const offsets = r.ops.flatMap((op) => (op.kind === 'inline' ? [op.offset] : []))
      expect(offsets).toEqual([...offsets].sort((a, b) => a - b))
      expect(new Set(offsets).size).toBe(offsets.length)
    }
  })
})
