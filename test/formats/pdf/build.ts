/**
 * A tiny writer of hand-made PDFs for the reader's tests: objects, xref tables, xref streams
 * and object streams with exact offsets, so each test states the structure it exercises.
 */
import { zlibSync } from 'fflate'

/** One xref row: `[num, offset]` in use, `[num, 'f']` free, `[num, 'c', stream, index]`. */
export type Row = [number, number] | [number, 'f'] | [number, 'c', number, number]

/** Latin-1 bytes of `s`. */
export function latin1Bytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff
  return out
}

/** Latin-1 string of `b`. */
export function bytesLatin1(b: Uint8Array): string {
  let s = ''
  for (const c of b) s += String.fromCharCode(c)
  return s
}

/** Appends PDF text and remembers offsets. */
export class PdfWriter {
  text = '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n'

  /** Writes `num gen obj body endobj` and returns its offset. */
  obj(num: number, body: string, gen = 0): number {
    const at = this.text.length
    this.text += `${num} ${gen} obj\n${body}\nendobj\n`
    return at
  }

  /** Writes a stream object with the given dictionary entries (Length added) and data. */
  stream(num: number, dict: string, data: Uint8Array | string, gen = 0): number {
    const d = typeof data === 'string' ? data : bytesLatin1(data)
    return this.obj(num, `<< ${dict} /Length ${d.length} >>\nstream\n${d}\nendstream`, gen)
  }

  /** Writes raw text. */
  raw(s: string): void {
    this.text += s
  }

  /** Writes a classic xref table + trailer + startxref/%%EOF; returns the xref offset. */
  table(rows: Row[], trailer: string): number {
    const at = this.text.length
    const sorted = [...rows].sort((a, b) => a[0] - b[0])
    let out = 'xref\n'
    let i = 0
    while (i < sorted.length) {
      let j = i
      while (j + 1 < sorted.length && sorted[j + 1]![0] === sorted[j]![0] + 1) j++
      out += `${sorted[i]![0]} ${j - i + 1}\n`
      for (let k = i; k <= j; k++) {
        const r = sorted[k]!
        out +=
          r[1] === 'f' ? `0000000000 65535 f\r\n` : `${String(r[1]).padStart(10, '0')} 00000 n\r\n`
      }
      i = j + 1
    }
    this.text += `${out}trailer\n${trailer}\nstartxref\n${at}\n%%EOF\n`
    return at
  }

  /** Writes an xref stream object `num` (Flate, W [1 4 2]) and startxref; returns its offset. */
  xrefStream(num: number, rows: Row[], extra: string, startxref = true): number {
    const at = this.text.length
    const sorted = [...rows, [num, at] as Row].sort((a, b) => a[0] - b[0])
    const data = new Uint8Array(sorted.length * 7)
    const index: number[] = []
    sorted.forEach((r, k) => {
      const prev = sorted[k - 1]
      if (prev === undefined || prev[0] + 1 !== r[0]) index.push(r[0], 0)
      index[index.length - 1]!++
      const type = r[1] === 'f' ? 0 : r[1] === 'c' ? 2 : 1
      const a = r[1] === 'c' ? r[2] : r[1] === 'f' ? 0 : r[1]
      const b = r[1] === 'c' ? r[3] : 0
      data.set([type, a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255, b >> 8, b & 255], k * 7)
    })
    const size = Math.max(...sorted.map((r) => r[0])) + 1
    const z = zlibSync(data)
    this.stream(
      num,
      `/Type /XRef /W [1 4 2] /Index [${index.join(' ')}] /Size ${size} ` +
        `/Filter /FlateDecode ${extra}`,
      z,
    )
    if (startxref) this.text += `startxref\n${at}\n%%EOF\n`
    return at
  }

  /** Writes an object stream holding `objects` (num → body); returns its offset. */
  objStm(num: number, objects: [number, string][], extra = ''): number {
    let header = ''
    let body = ''
    for (const [n, src] of objects) {
      header += `${n} ${body.length} `
      body += `${src}\n`
    }
    const data = zlibSync(latin1Bytes(header + body))
    const dict = `/Type /ObjStm /N ${objects.length} /First ${header.length} /Filter /FlateDecode`
    return this.stream(num, `${dict} ${extra}`, data)
  }

  /** The file bytes. */
  bytes(): Uint8Array {
    return latin1Bytes(this.text)
  }
}

/** A one-page document (objects 1–3) written into `w`; returns the rows for the xref. */
export function basicDocument(w: PdfWriter, content = 'BT /F1 12 Tf (Hello) Tj ET'): Row[] {
  const rows: Row[] = [[0, 'f']]
  rows.push([1, w.obj(1, '<< /Type /Catalog /Pages 2 0 R >>')])
  rows.push([2, w.obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>')])
  rows.push([
    3,
    w.obj(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>'),
  ])
  rows.push([4, w.stream(4, '', content)])
  return rows
}

/**
 * A zlib stream that inflates to about `size` zero bytes: one fixed-Huffman block of a
 * literal 0 followed by length-258/distance-1 matches (13 bits each), built directly.
 */
export function deflateBomb(size: number): Uint8Array {
  const out: number[] = [0x78, 0x01]
  let acc = 0
  let n = 0
  const bits = (value: number, count: number) => {
    for (let i = 0; i < count; i++) {
      acc |= ((value >> i) & 1) << n++
      if (n === 8) {
        out.push(acc)
        acc = 0
        n = 0
      }
    }
  }
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i--) bits((value >> i) & 1, 1)
  }
  bits(1, 1)
  bits(1, 2)
  code(0x30, 8)
  for (let made = 1; made < size; made += 258) {
    code(0xc5, 8)
    code(0, 5)
  }
  code(0, 7)
  if (n > 0) out.push(acc)
  out.push(0, 0, 0, 0)
  return Uint8Array.from(out)
}
