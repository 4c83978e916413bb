/**
 * Hostile PDFs for the CLI test (test/cli/hostile-pdf.test.ts), written at run time. Each small
 * one is a one-page document signed over the entire file by the Shanghai RSA licence issuer
 * of the committed test PKI, so that its verdict turns on what the hostile part does to the
 * verifier and not on "no signature": the same document without the hostile part is
 * recognised (the control). The 200 MB files are unsigned: one's startxref points into
 * random bytes, the other's at an xref table that is its own /Prev.
 */
import { randomFillSync } from 'node:crypto'
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { zlibSync } from 'fflate'
import { cmsContents } from '../../fixtures/make/pdf-sign.js'
import { signerFromKeyFile } from '../../fixtures/make/signer.js'
import { certDer } from '../fixtures/helpers.js'
import { latin1Bytes, PdfWriter, type Row } from '../formats/pdf/build.js'
import { zeroBomb } from './zero-bomb.js'

const ROOT = join(import.meta.dirname, '../..')
const PKI = 'fixtures/pki/310000/rsa'

/** The signer and its CRL, and a validation time inside the certificates' validity. */
export const HOSTILE_SIGNER = {
  key: 'fixtures/pki/keys/310000/rsa/licence-issuer-leaf.pem',
  cert: `${PKI}/licence-org.pem`,
  ca: `${PKI}/licence-issuer.pem`,
  crl: join(ROOT, `${PKI}/licence-issuer.crl`),
  at: '2026-06-15T00:00:00Z',
  signingTime: new Date('2026-06-01T00:00:00Z'),
} as const

/** DER bytes reserved for the CMS in /Contents. */
const RESERVED = 8192
const BLANK_RANGE = '[0 0000000000 0000000000 0000000000]'
const PLACEHOLDER = `/Contents <${'0'.repeat(RESERVED * 2)}>`

/** What the hostile part changes in the skeleton of {@link signedPdf}. */
interface Parts {
  /** The page tree root (object 2); by default its one kid is the page, object 3. */
  readonly pages?: string
  /** The page's /Contents and any further entries; by default `/Contents 4 0 R`. */
  readonly page?: string
  /** The page's /Annots and the form's /Fields; by default the signature field alone. */
  readonly annots?: string
  readonly fields?: string
  /** Writes further objects (numbered from 7) and returns their xref rows. */
  readonly objects?: (w: PdfWriter) => Row[]
  /** Extra trailer entries; `at` is the offset the xref section will have. */
  readonly trailer?: (at: number) => string
  /** Writes an xref stream with this object number instead of a classic table. */
  readonly xrefStream?: number
}

/**
 * Writes a one-page document with a signature field, changed by `parts`, and signs it over
 * the entire file. Objects: 1 catalog, 2 pages, 3 page, 4 content, 5 field and widget,
 * 6 signature dictionary.
 */
export function signedPdf(path: string, parts: Parts = {}): void {
  const w = new PdfWriter()
  const rows: Row[] = [[0, 'f']]
  const acroForm = `/AcroForm << /Fields ${parts.fields ?? '[5 0 R]'} /SigFlags 3 >>`
  rows.push([1, w.obj(1, `<< /Type /Catalog /Pages 2 0 R ${acroForm} >>`)])
  rows.push([2, w.obj(2, parts.pages ?? '<< /Type /Pages /Kids [3 0 R] /Count 1 >>')])
  const annots = `/Annots ${parts.annots ?? '[5 0 R]'}`
  const page = `/MediaBox [0 0 595 842] ${annots} ${parts.page ?? '/Contents 4 0 R'}`
  rows.push([3, w.obj(3, `<< /Type /Page /Parent 2 0 R ${page} >>`)])
  rows.push([4, w.stream(4, '', 'BT /F1 12 Tf 72 720 Td (Hostile) Tj ET')])
  const field = '/FT /Sig /T (Signature1) /V 6 0 R /Rect [0 0 0 0] /P 3 0 R /F 132'
  rows.push([5, w.obj(5, `<< /Type /Annot /Subtype /Widget ${field} >>`)])
  const sig = '/Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached'
  const placeholder = `${PLACEHOLDER}\n/ByteRange ${BLANK_RANGE}`
  rows.push([6, w.obj(6, `<< ${sig} /M (D:20260601000000Z) ${placeholder} >>`)])
  rows.push(...(parts.objects?.(w) ?? []))
  const extra = parts.trailer?.(w.text.length) ?? ''
  if (parts.xrefStream !== undefined) w.xrefStream(parts.xrefStream, rows, `/Root 1 0 R ${extra}`)
  else {
    const size = Math.max(...rows.map((r) => r[0])) + 1
    w.table(rows, `<< /Size ${size} /Root 1 0 R ${extra} >>`)
  }
  writeFileSync(path, sign(w.text))
}

/** Fills the ByteRange (the entire file) and /Contents of the placeholder in `text`. */
function sign(text: string): Uint8Array {
  const b = text.indexOf(PLACEHOLDER) + '/Contents '.length
  const c = b + 2 + RESERVED * 2
  const rangeAt = text.indexOf(BLANK_RANGE, c)
  const range = `[0 ${b} ${c} ${text.length - c}]`.padEnd(BLANK_RANGE.length, ' ')
  const bytes = latin1Bytes(text.slice(0, rangeAt) + range + text.slice(rangeAt + range.length))
  const covered = new Uint8Array(bytes.length - (c - b))
  covered.set(bytes.subarray(0, b))
  covered.set(bytes.subarray(c), b)
  const cert = certDer(HOSTILE_SIGNER.cert)
  const der = cmsContents({
    profile: 'pkcs7',
    signer: { cert, key: signerFromKeyFile(join(ROOT, HOSTILE_SIGNER.key)) },
    certificates: [cert, certDer(HOSTILE_SIGNER.ca)],
    signingTime: HOSTILE_SIGNER.signingTime,
  })(covered)
  if (der.length > RESERVED) throw new Error('the CMS does not fit the placeholder')
  bytes.set(
    latin1Bytes(
      Buffer.from(der)
        .toString('hex')
        .padEnd(RESERVED * 2, '0'),
    ),
    b + 1,
  )
  return bytes
}

/** A 1×1 grey image XObject `num`. */
function image(w: PdfWriter, num: number): Row {
  const dict = '/Type /XObject /Subtype /Image /Width 1 /Height 1'
  return [num, w.stream(num, `${dict} /ColorSpace /DeviceGray /BitsPerComponent 8`, '\x80')]
}

/** What a bomb inflates to: past 1 GiB. */
export const BOMB_SIZE = 1.1 * 2 ** 30
const BOMB_RUNS = Math.ceil(BOMB_SIZE / 258)

/** The document of {@link signedPdf} as it is: recognised. */
export function controlPdf(path: string): void {
  signedPdf(path)
}

/**
 * The page's content is a bomb behind two Flate filters, and names an image only after the
 * gigabyte of zeros, so no bounded reader can tell what the page draws.
 */
export function deflateBombPdf(path: string): void {
  signedPdf(path, {
    page: '/Contents 7 0 R /Resources << /XObject << /Im0 8 0 R >> >>',
    objects: (w) => {
      const bomb = zlibSync(zeroBomb('', BOMB_RUNS, ' /Im0 Do'))
      return [[7, w.stream(7, '/Filter [/FlateDecode /FlateDecode]', bomb)], image(w, 8)]
    },
  })
}

/** The page's /Resources (object 9) lies past a gigabyte of zeros in object stream 7. */
export function objectStreamBombPdf(path: string): void {
  const header = `9 ${1 + BOMB_RUNS * 258} `
  signedPdf(path, {
    page: '/Contents 4 0 R /Resources 9 0 R',
    objects: (w) => {
      const data = zlibSync(zeroBomb(header, BOMB_RUNS, '<< /XObject << /Im0 8 0 R >> >>'))
      const dict = `/Type /ObjStm /N 1 /First ${header.length}`
      const stm = w.stream(7, `${dict} /Filter [/FlateDecode /FlateDecode]`, data)
      return [[7, stm], image(w, 8), [9, 'c', 7, 0]]
    },
    xrefStream: 10,
  })
}

/**
 * Cross-reference entries that lead into loops: object streams 8 and 9 each stored in the
 * other (object 7 in 8), objects 10 and 11 at each other's offset, 12 and 13 references to
 * each other, 14 at offset 0, a form XObject that draws itself, a page tree whose nodes are
 * their own kids and parents.
 */
export function xrefLoopsPdf(path: string): void {
  const res = '/Resources << /XObject << /Fm0 15 0 R /Im0 16 0 R >> /Properties 7 0 R >>'
  signedPdf(path, {
    pages: '<< /Type /Pages /Kids [3 0 R 2 0 R 18 0 R] /Count 3 >>',
    page: `/Contents [4 0 R 12 0 R 17 0 R] ${res} /Thumb 14 0 R`,
    annots: '[5 0 R 10 0 R]',
    objects: (w) => {
      const stamp = '<< /Type /Annot /Subtype /Stamp /Rect [0 0 10 10] /AP << /N 15 0 R >> >>'
      const [at10, at11] = [w.obj(10, stamp), w.obj(11, stamp)]
      const form = '/Type /XObject /Subtype /Form /BBox [0 0 10 10]'
      const self = `${form} /Resources << /XObject << /Fm0 15 0 R >> >>`
      return [
        [7, 'c', 8, 0],
        [8, 'c', 9, 0],
        [9, 'c', 8, 0],
        [10, at11],
        [11, at10],
        [12, w.obj(12, '13 0 R')],
        [13, w.obj(13, '12 0 R')],
        [14, 0],
        [15, w.stream(15, self, '/Fm0 Do')],
        image(w, 16),
        [17, w.stream(17, '', '/Fm0 Do /Im0 Do')],
        [18, w.obj(18, '<< /Type /Pages /Kids [18 0 R 2 0 R] /Parent 18 0 R /Count 1 >>')],
      ]
    },
    xrefStream: 19,
  })
}

/** The trailer's /Prev points at its own cross-reference table. */
export function prevCyclePdf(path: string): void {
  signedPdf(path, { trailer: (at) => `/Prev ${at}` })
}

/** A text field with 100 000 kids: the form's field tree reaches 100 000 objects. */
export function manyObjectsPdf(path: string, count = 100_000): void {
  const kids = Array.from({ length: count }, (_, i) => `${i + 8} 0 R`)
  signedPdf(path, {
    fields: '[5 0 R 7 0 R]',
    objects: (w) => {
      const rows: Row[] = [[7, w.obj(7, `<< /FT /Tx /T (many) /Kids [${kids.join(' ')}] >>`)]]
      for (let i = 0; i < count; i++) rows.push([i + 8, w.obj(i + 8, '<< /T (f) /Parent 7 0 R >>')])
      return rows
    },
  })
}

/** `total` pages (100 000 by default): the signed one and others, each its own dictionary. */
export function manyPagesPdf(path: string, total = 100_000): void {
  const kids = Array.from({ length: total - 1 }, (_, i) => `${i + 7} 0 R`)
  signedPdf(path, {
    pages: `<< /Type /Pages /Kids [3 0 R ${kids.join(' ')}] /Count ${total} >>`,
    objects: (w) => {
      const page = '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>'
      return kids.map((_, i): Row => [i + 7, w.obj(i + 7, page)])
    },
  })
}

const MB = 1024 * 1024

/**
 * Writes 200 MB: a catalog and an empty page tree, a 200 MB embedded file of random bytes,
 * then `tail(offset)`. `junk` points startxref into the random bytes; `self-loop` points it
 * at an xref table (objects 1 and 2) whose /Prev is its own offset. Returns the size.
 */
export function largeHostilePdf(path: string, kind: 'junk' | 'self-loop'): number {
  const fd = openSync(path, 'w')
  let pos = 0
  const put = (data: Uint8Array | string): number => {
    const b = typeof data === 'string' ? latin1Bytes(data) : data
    for (let done = 0; done < b.length;) done += writeSync(fd, b, done, b.length - done)
    pos += b.length
    return pos - b.length
  }
  try {
    put('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')
    const cat = put('1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n')
    const pages = put('2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n')
    put(`3 0 obj\n<< /Type /EmbeddedFile /Length ${200 * MB} >>\nstream\n`)
    const chunk = new Uint8Array(8 * MB)
    for (let left = 200 * MB; left > 0; left -= chunk.length) put(randomFillSync(chunk))
    put('\nendstream\nendobj\n')
    const at = pos
    if (kind === 'junk') put(`startxref\n${100 * MB}\n%%EOF\n`)
    else {
      const row = (o: number) => `${String(o).padStart(10, '0')} 00000 n\r\n`
      const table = `xref\n0 3\n0000000000 65535 f\r\n${row(cat)}${row(pages)}`
      put(`${table}trailer\n<< /Size 3 /Root 1 0 R /Prev ${at} >>\nstartxref\n${at}\n%%EOF\n`)
    }
    return pos
  } finally {
    closeSync(fd)
  }
}
