/**
 * A tiny PDF writer for the change-analysis tests: objects, classic xref tables, trailers
 * with /Prev, incremental updates, and xref entries that point at any offset.
 */

/** A stream object body with its /Length. */
export function stream(dict: string, data: string): string {
  return `<< ${dict} /Length ${data.length} >>\nstream\n${data}\nendstream`
}

export class PdfWriter {
  private text = '%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n'
  private pending = new Map<number, { body?: string; offset?: number }>()
  private readonly offsets = new Map<number, number>()
  private lastXref = -1
  private size = 1
  /** Offset of each revision's xref table, oldest first. */
  readonly xrefs: number[] = []
  /** Offsets of every body written for each object, oldest first. */
  readonly history = new Map<number, number[]>()

  /** Queues an object body for the next revision. */
  obj(num: number, body: string): this {
    this.pending.set(num, { body })
    return this
  }

  /** Queues an xref entry for `num` pointing at `offset` without writing a body. */
  repoint(num: number, offset: number): this {
    this.pending.set(num, { offset })
    return this
  }

  /** Offset of the last body written for `num`. */
  offsetOf(num: number): number {
    const o = this.offsets.get(num)
    if (o === undefined) throw new Error(`object ${num} not written`)
    return o
  }

  /** Writes the queued objects, an xref table and a trailer: one revision. */
  commit(root = '1 0 R', extra = '', prev?: number): this {
    const entries = new Map<number, number>()
    for (const [num, p] of [...this.pending].sort((a, b) => a[0] - b[0])) {
      if (p.body !== undefined) {
        const at = this.text.length
        this.text += `${num} 0 obj\n${p.body}\nendobj\n`
        this.offsets.set(num, at)
        this.history.set(num, [...(this.history.get(num) ?? []), at])
        entries.set(num, at)
      } else entries.set(num, p.offset!)
      this.size = Math.max(this.size, num + 1)
    }
    this.pending.clear()
    const xref = this.text.length
    let t = 'xref\n'
    if (this.lastXref < 0) t += '0 1\n0000000000 65535 f\r\n'
    for (const [num, off] of entries) {
      t += `${num} 1\n${String(off).padStart(10, '0')} 00000 n\r\n`
    }
    const back = prev ?? this.lastXref
    const prevKey = back >= 0 ? ` /Prev ${back}` : ''
    t += `trailer\n<< /Size ${this.size} /Root ${root}${prevKey} ${extra}>>\n`
    t += `startxref\n${xref}\n%%EOF\n`
    this.text += t
    this.lastXref = xref
    this.xrefs.push(xref)
    return this
  }

  /** The file so far. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.text.length)
    for (let i = 0; i < this.text.length; i++) out[i] = this.text.charCodeAt(i) & 0xff
    return out
  }
}

/** Object bodies of a one-page signed form: the base every test starts from. */
export const BASE: Record<number, string> = {
  1: '<< /Type /Catalog /Pages 2 0 R /AcroForm 8 0 R >>',
  2: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  3: page('[7 0 R 9 0 R]'),
  4: stream('', 'BT /F1 12 Tf 72 700 Td (Sign me to get a reward) Tj ET'),
  5: '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  6:
    '<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached ' +
    '/ByteRange [0 10 20 10] /Contents <3000> /Reason (Approved) >>',
  7: '<< /FT /Sig /T (Sig1) /V 6 0 R /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R /F 132 >>',
  8: '<< /Fields [7 0 R 9 0 R] /SigFlags 3 >>',
  9:
    '<< /FT /Tx /T (Name) /V (Alice) /Subtype /Widget /Rect [100 100 300 120] /P 3 0 R ' +
    '/AP << /N 10 0 R >> >>',
  10: stream('/Type /XObject /Subtype /Form /BBox [0 0 200 20]', 'BT (Alice) Tj ET'),
  11: stream('', 'BT /F1 12 Tf 72 700 Td (You are fired) Tj ET'),
}

/** A page dictionary with the given /Annots and extra entries. */
export function page(annots: string, extra = ''): string {
  return (
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 800] /Contents 4 0 R ` +
    `/Resources << /Font << /F1 5 0 R >> >> /Annots ${annots} ${extra}>>`
  )
}

/** A writer holding the base document as revision 0. */
export function baseDocument(): PdfWriter {
  const w = new PdfWriter()
  for (const [num, body] of Object.entries(BASE)) w.obj(Number(num), body)
  return w.commit()
}
