/**
 * A large signed licence PDF for the benchmarks (Node-only tooling), written straight to disk
 * in chunks so that the generator holds at most one chunk of the payload: the licence of the
 * fixtures as the first revision, then one incremental update that embeds an incompressible
 * file (random bytes, /EmbeddedFiles), adds a signature field and signs the entire file with
 * CMS by the Shanghai RSA licence issuer of the committed test PKI.
 */
import { createHash, randomFillSync } from 'node:crypto'
import { closeSync, openSync, readFileSync, readSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { CMS_PROFILES, issuerAndSerial } from '../../fixtures/make/cms.js'
import {
  concat,
  derInteger,
  derOctets,
  derOid,
  derSequence,
  derSetOf,
  derTlv,
} from '../../fixtures/make/der.js'
import { businessLicence } from '../../fixtures/make/ofd-licence.js'
import { esId } from '../../fixtures/make/ofd-seals.js'
import { PDF_SIGNING } from '../../fixtures/make/pdf-fixtures.js'
import { LicencePdf } from '../../fixtures/make/pdf-licence.js'
import { array, dict, hex, latin1, pdfDate, ref, text } from '../../fixtures/make/pdf-objects.js'
import { PROVINCES } from '../../fixtures/make/pki-names.js'
import { derUtcTime } from '../../fixtures/make/ses.js'
import { signerFromKeyFile, type Signer } from '../../fixtures/make/signer.js'
import { AsnConvert } from '@peculiar/asn1-schema'

const ROOT = join(import.meta.dirname, '../..')
const CHUNK = 8 * 1024 * 1024
/** DER bytes reserved for the CMS in /Contents. */
const RESERVED = 8192
const BLANK_RANGE = '[0 0000000000 0000000000 0000000000]'

/** The signer of the large files: the Shanghai RSA licence issuer and its CA and CRL. */
export const LARGE_SIGNER = {
  key: 'fixtures/pki/keys/310000/rsa/licence-issuer-leaf.pem',
  cert: 'fixtures/pki/310000/rsa/licence-org.pem',
  ca: 'fixtures/pki/310000/rsa/licence-issuer.pem',
  crl: 'fixtures/pki/310000/rsa/licence-issuer.crl',
} as const

/** What {@link writeLargeSignedPdf} wrote. */
export interface LargePdf {
  readonly path: string
  readonly size: number
  readonly byteRange: readonly [number, number, number, number]
}

/** The DER of a PEM file, repository-relative. */
export function pemDer(path: string): Uint8Array {
  const body = readFileSync(join(ROOT, path), 'utf8')
    .replace(/-----[^-]+-----/g, '')
    .replace(/\s+/g, '')
  return new Uint8Array(Buffer.from(body, 'base64'))
}

function attribute(oid: string, value: Uint8Array): Uint8Array {
  return derSequence([derOid(oid), derSetOf(0x31, [value])])
}

/**
 * A detached SignedData (PKCS#7 OIDs, or GB/T 35275's) over content whose digest (by the
 * signer's digest algorithm) is already known, signed at the fixtures' PDF signing time.
 */
export function signedDataFor(
  digest: Uint8Array,
  signer: Signer,
  certs: Uint8Array[],
  profile: keyof typeof CMS_PROFILES = 'pkcs7',
): Uint8Array {
  const oids = CMS_PROFILES[profile]
  const digestAlg = derSequence([derOid(signer.digestOid)])
  const attrs = derSetOf(0x31, [
    attribute('1.2.840.113549.1.9.3', derOid(oids.data)),
    attribute('1.2.840.113549.1.9.4', derOctets(digest)),
    attribute('1.2.840.113549.1.9.5', derUtcTime(PDF_SIGNING)),
  ])
  const signerInfo = derSequence([
    derInteger(1),
    issuerAndSerial(certs[0] ?? new Uint8Array()),
    digestAlg,
    concat([new Uint8Array([0xa0]), attrs.subarray(1)]),
    new Uint8Array(AsnConvert.serialize(signer.algorithm)),
    derOctets(signer.sign(attrs)),
  ])
  const sd = derSequence([
    derInteger(1),
    derSetOf(0x31, [digestAlg]),
    derSequence([derOid(oids.data)]),
    derSetOf(0xa0, certs),
    derSetOf(0x31, [signerInfo]),
  ])
  return derSequence([derOid(oids.signedData), derTlv(0xa0, sd)])
}

/** Appends bytes to a file descriptor, tracking the offset. */
class Appender {
  constructor(
    readonly fd: number,
    public pos = 0,
  ) {}

  write(data: Uint8Array | string): number {
    const bytes = typeof data === 'string' ? latin1(data) : data
    const at = this.pos
    let done = 0
    while (done < bytes.length) done += writeSync(this.fd, bytes, done, bytes.length - done)
    this.pos += bytes.length
    return at
  }
}

function hashRanges(fd: number, ranges: readonly (readonly [number, number])[]): Uint8Array {
  const h = createHash('sha256')
  const buf = Buffer.allocUnsafe(CHUNK)
  for (const [start, length] of ranges) {
    for (let at = start; at < start + length;) {
      const n = readSync(fd, buf, 0, Math.min(CHUNK, start + length - at), at)
      if (n <= 0) throw new Error('short read while hashing')
      h.update(buf.subarray(0, n))
      at += n
    }
  }
  return new Uint8Array(h.digest())
}

/**
 * Writes a signed licence PDF of about `payloadBytes` plus some 30 kB to `path`, signed over
 * the entire file (ByteRange from 0 to the end of the file).
 */
export function writeLargeSignedPdf(path: string, payloadBytes: number): LargePdf {
  const sh = PROVINCES[0]
  if (!sh) throw new Error('no province')
  const doc = new LicencePdf({
    licence: businessLicence(sh, 1),
    label: 'bench-large',
    xref: 'table',
  })
  const im = doc.image(esId(sh.code, 90))
  const ap = doc.form(120, 120, 'q 120 0 0 120 0 0 cm /Im0 Do Q\n', {
    XObject: dict({ Im0: ref(im) }),
  })
  const first = doc.end()
  const w = doc.w
  const [payload, spec, field, sig] = [w.alloc(), w.alloc(), w.alloc(), w.alloc()]
  const size = w.alloc()
  const fd = openSync(path, 'w+')
  try {
    const out = new Appender(fd)
    out.write(w.bytes())
    const offsets = new Map<number, number>()
    const object = (num: number, body: string): number => {
      offsets.set(num, out.pos)
      return out.write(`${num} 0 obj\n${body}\nendobj\n`) + `${num} 0 obj\n`.length
    }
    offsets.set(payload, out.pos)
    out.write(`${payload} 0 obj\n`)
    out.write(`${dict({ Type: '/EmbeddedFile', Length: payloadBytes })}\nstream\n`)
    const chunk = new Uint8Array(CHUNK)
    for (let left = payloadBytes; left > 0; left -= CHUNK) {
      const n = Math.min(CHUNK, left)
      randomFillSync(chunk, 0, n)
      out.write(chunk.subarray(0, n))
    }
    out.write('\nendstream\nendobj\n')
    const names = dict({ Names: `[${text('payload.bin')} ${ref(spec)}]` })
    object(spec, dict({ Type: '/Filespec', F: text('payload.bin'), EF: dict({ F: ref(payload) }) }))
    object(doc.catalog, dict({ ...doc.catalogEntries, Names: dict({ EmbeddedFiles: names }) }))
    const widget = {
      Type: '/Annot',
      Subtype: '/Widget',
      FT: '/Sig',
      T: text('Signature1'),
      V: ref(sig),
      Rect: array([400, 100, 520, 220]),
      P: ref(doc.page),
      F: 132,
      AP: dict({ N: ref(ap) }),
    }
    object(field, dict(widget))
    doc.fields.push(field)
    doc.annots.push(field)
    object(doc.page, doc.pageBody())
    object(doc.acroform, doc.acroformBody())
    const head = dict({
      Type: '/Sig',
      Filter: '/Adobe.PPKLite',
      SubFilter: '/adbe.pkcs7.detached',
      Reason: text('电子证照签发'),
      Location: text(doc.spec.licence.issuer),
      M: pdfDate(PDF_SIGNING),
    }).slice(0, -2)
    const body = `${head}/Contents <${'0'.repeat(RESERVED * 2)}>\n/ByteRange ${BLANK_RANGE} >>`
    const sigAt = object(sig, body)
    const b = sigAt + head.length + '/Contents '.length
    const rangeAt = sigAt + body.indexOf('/ByteRange ') + '/ByteRange '.length
    const xref = writeXref(out, offsets)
    const trailer = dict({
      Size: size,
      Root: ref(doc.catalog),
      Info: ref(doc.info),
      ID: `[<${doc.id[0]}> <${doc.id[1]}>]`,
      Prev: first.startxref,
    })
    out.write(`trailer\n${trailer}\nstartxref\n${xref}\n%%EOF\n`)
    const c = b + 2 + RESERVED * 2
    const d = out.pos - c
    const range = `[0 ${b} ${c} ${d}]`.padEnd(BLANK_RANGE.length, ' ')
    writeSync(fd, latin1(range), 0, range.length, rangeAt)
    const digest = hashRanges(fd, [
      [0, b],
      [c, d],
    ])
    const signer = signerFromKeyFile(join(ROOT, LARGE_SIGNER.key))
    const der = signedDataFor(digest, signer, [pemDer(LARGE_SIGNER.cert), pemDer(LARGE_SIGNER.ca)])
    if (der.length > RESERVED) throw new Error('CMS does not fit')
    writeSync(fd, latin1(hex(der)), 0, der.length * 2, b + 1)
    return { path, size: out.pos, byteRange: [0, b, c, d] }
  } finally {
    closeSync(fd)
  }
}

/** Writes a classic xref section for `offsets` (one subsection per consecutive run). */
function writeXref(out: Appender, offsets: ReadonlyMap<number, number>): number {
  const at = out.write('xref\n')
  const nums = [...offsets.keys()].sort((x, y) => x - y)
  let i = 0
  while (i < nums.length) {
    let j = i
    while (j + 1 < nums.length && nums[j + 1] === (nums[j] ?? 0) + 1) j++
    let lines = `${nums[i]} ${j - i + 1}\n`
    for (let k = i; k <= j; k++) {
      const off = offsets.get(nums[k] ?? 0) ?? 0
      lines += `${String(off).padStart(10, '0')} 00000 n\r\n`
    }
    out.write(lines)
    i = j + 1
  }
  return at
}

function shaOfBytes(bytes: Uint8Array): number {
  createHash('sha256').update(bytes).digest()
  return bytes.length
}

/** SHA-256 of a file streamed in chunks; returns its size. */
function shaOfFile(file: string): number {
  const h = createHash('sha256')
  const fd = openSync(file, 'r')
  const chunk = Buffer.allocUnsafe(CHUNK)
  let size = 0
  try {
    for (let n = readSync(fd, chunk, 0, CHUNK, 0); n > 0; n = readSync(fd, chunk, 0, CHUNK, size)) {
      h.update(chunk.subarray(0, n))
      size += n
    }
  } finally {
    closeSync(fd)
  }
  h.digest()
  return size
}

/** What one measuring child reports (see {@link measureLargePdf}). */
export interface LargeMeasure {
  readonly status: string
  readonly bytes: number
  /** Seconds of each timed verification, in order (after the warm-up). */
  readonly seconds: readonly number[]
  /** SHA-256 of the same bytes, median of as many runs: in memory (bytes mode) or streamed
   *  from the file (path). */
  readonly shaSeconds: number
  /** Peak resident memory of the child after the verifications, before hashing. */
  readonly maxRssMB: number
}

/**
 * Child process of the large-PDF rows: verifies FILE `repeat` times after a warm-up
 * verification of the small licence with its CRL, either from its bytes (`bytes`: read whole
 * first) or from its path (`path`: `verifyFile` with paging forced), and prints one JSON
 * line. Usage: pdf-large.ts --measure FILE bytes|path REPEAT
 */
async function measureLargePdf(file: string, mode: string, repeat: number): Promise<void> {
  const { verify, verifyFile } = await import('../../src/node.js')
  const crls = [new Uint8Array(readFileSync(join(ROOT, LARGE_SIGNER.crl)))]
  const small = join(ROOT, 'fixtures/pdf/310000-licence-rsa.pdf')
  const smallCrl = [
    new Uint8Array(readFileSync(join(ROOT, 'fixtures/pki/310000/rsa/licence-issuer.crl'))),
  ]
  for (let i = 0; i < 2; i++) await verify(new Uint8Array(readFileSync(small)), { crls: smallCrl })
  const buf = mode === 'bytes' ? readFileSync(file) : null
  const bytes = buf ? new Uint8Array(buf.buffer, buf.byteOffset, buf.length) : null
  const seconds: number[] = []
  let status = ''
  for (let i = 0; i < repeat; i++) {
    const t0 = performance.now()
    const v = bytes
      ? await verify(bytes, { crls })
      : await verifyFile(file, { crls, pagedThreshold: 0 })
    seconds.push((performance.now() - t0) / 1000)
    status = String(v.status)
  }
  const maxRssMB = process.resourceUsage().maxRSS / 1024
  const sha: number[] = []
  let size = 0
  for (let i = 0; i < repeat; i++) {
    const t1 = performance.now()
    size = bytes ? shaOfBytes(bytes) : shaOfFile(file)
    sha.push((performance.now() - t1) / 1000)
  }
  const shaSeconds = [...sha].sort((x, y) => x - y)[Math.floor(sha.length / 2)] ?? Number.NaN
  const out: LargeMeasure = { status, bytes: size, seconds, shaSeconds, maxRssMB }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

const args = process.argv.slice(2)
if (args[0] === '--measure' && args[1]) {
  await measureLargePdf(args[1], args[2] ?? 'bytes', Number(args[3] ?? 3))
}
