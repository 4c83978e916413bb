/**
 * Test helper: assembles a one-revision PDF with a classic xref table from object bodies.
 * Objects are numbered from 1 in the order given; object 1 must be the catalog.
 */
import { zlibSync } from 'fflate'

/** A stream object: its dictionary text (without /Length) and its encoded data. */
export interface StreamBody {
  readonly dict: string
  readonly data: Uint8Array
}

export type Body = string | StreamBody

const enc = new TextEncoder()

/** Builds the PDF file bytes. */
export function buildPdf(objects: readonly Body[]): Uint8Array {
  const parts: Uint8Array[] = [enc.encode('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')]
  let size = parts[0]!.length
  const offsets: number[] = []
  const push = (p: Uint8Array) => {
    parts.push(p)
    size += p.length
  }
  objects.forEach((body, i) => {
    offsets.push(size)
    if (typeof body === 'string') {
      push(enc.encode(`${i + 1} 0 obj\n${body}\nendobj\n`))
    } else {
      const dict = body.dict.replace(/>>\s*$/, ` /Length ${body.data.length} >>`)
      push(enc.encode(`${i + 1} 0 obj\n${dict}\nstream\n`))
      push(body.data)
      push(enc.encode('\nendstream\nendobj\n'))
    }
  })
  const xref = size
  let table = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const o of offsets) table += `${String(o).padStart(10, '0')} 00000 n \n`
  table += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  push(enc.encode(table))
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/** A content or image stream compressed with Flate. */
export function flate(dict: string, data: Uint8Array | string): StreamBody {
  const bytes = typeof data === 'string' ? enc.encode(data) : data
  return { dict: dict.replace(/>>\s*$/, ' /Filter /FlateDecode >>'), data: zlibSync(bytes) }
}

/** An uncompressed stream. */
export function plain(dict: string, data: Uint8Array | string): StreamBody {
  return { dict, data: typeof data === 'string' ? enc.encode(data) : data }
}

/** 8-bit RGB samples (no alpha) of an RGBA raster, row-major. */
export function rgbOf(rgba: Uint8Array, background = 255): Uint8Array {
  const out = new Uint8Array((rgba.length / 4) * 3)
  for (let i = 0, j = 0; i < rgba.length; i += 4, j += 3) {
    const a = rgba[i + 3]! / 255
    for (let c = 0; c < 3; c++) out[j + c] = Math.round(rgba[i + c]! * a + background * (1 - a))
  }
  return out
}

/** The alpha channel of an RGBA raster. */
export function alphaOf(rgba: Uint8Array): Uint8Array {
  const out = new Uint8Array(rgba.length / 4)
  for (let i = 0; i < out.length; i++) out[i] = rgba[i * 4 + 3]!
  return out
}
