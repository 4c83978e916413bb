/**
 * Seeds of the reader properties (Node-only test code): for each reader, real inputs of the
 * kind it reads, taken from the committed fixtures and, when present, the shared samples.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { FIXTURES, ROOT, sample } from './fixtures.js'
import { isPem, pemBlocks } from './pem.js'
import { parseSeal } from '../../src/formats/ses/index.js'
import { decodePng } from '../../src/images/png-decode.js'
import { writeJpeg } from '../../test/images/jpeg-writer.js'

/** A named input. */
export interface NamedBytes {
  readonly name: string
  readonly bytes: Uint8Array
}

function files(dir: string, suffix: string): string[] {
  const out: string[] = []
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry)
    if (statSync(full).isDirectory()) out.push(...files(full, suffix))
    else if (entry.endsWith(suffix)) out.push(full)
  }
  return out
}

function load(path: string): NamedBytes {
  return { name: path.slice(ROOT.length), bytes: new Uint8Array(readFileSync(path)) }
}

function blocks(paths: readonly string[], label: string): NamedBytes[] {
  return paths.flatMap((p) => {
    const bytes = new Uint8Array(readFileSync(p))
    if (!isPem(bytes)) return []
    return pemBlocks(bytes)
      .filter((b) => b.label === label)
      .map((b, i) => ({ name: `${p.slice(ROOT.length)}#${i}`, bytes: b.der }))
  })
}

function samples(paths: readonly string[]): NamedBytes[] {
  return paths.flatMap((p) => {
    const bytes = sample(p)
    return bytes ? [{ name: `samples/${p}`, bytes }] : []
  })
}

/** Every entry of every OFD fixture and OFD sample, by `file!entry`. */
function ofdEntries(): NamedBytes[] {
  const packages = [...files(join(FIXTURES, 'ofd'), '.ofd').map(load), ...ofdSamples()]
  return packages.flatMap((p) => {
    try {
      const entries = unzipSync(p.bytes)
      return Object.entries(entries).map(([k, v]) => ({ name: `${p.name}!${k}`, bytes: v }))
    } catch {
      return []
    }
  })
}

function ofdSamples(): NamedBytes[] {
  return samples(['ofd/ofdrw-test-v4.ofd', 'ofd/zj-tax-invoice-v4.ofd'])
}

const b64url = (b: Uint8Array | string) => Buffer.from(b).toString('base64url')

/**
 * JWS licences in compact and flattened JSON form (the fixtures have none yet): well formed,
 * with an x5c certificate, a licence payload and a signature of the right size for ES256.
 */
function jwsSeeds(cert: Uint8Array): NamedBytes[] {
  const header = b64url(
    JSON.stringify({ alg: 'ES256', typ: 'JOSE', x5c: [Buffer.from(cert).toString('base64')] }),
  )
  const payload = b64url(
    JSON.stringify({
      证照标识: '1.2.156.3005.2.11310000MB3100015Y.001.0123456789.1',
      证照类型名称: '营业执照',
      持证主体: '上海测试有限公司',
      颁发日期: '2026-01-15',
      有效期起始日期: '2026-01-15',
      有效期截止日期: '2036-01-14',
    }),
  )
  const signature = b64url(new Uint8Array(64).map((_, i) => (i * 37 + 11) & 255))
  const compact = `${header}.${payload}.${signature}`
  const flattened = JSON.stringify({ protected: header, payload, signature })
  const detached = `${header}..${signature}`
  return [compact, flattened, detached].map((text, i) => ({
    name: `jws#${i}`,
    bytes: new TextEncoder().encode(text),
  }))
}

/**
 * Seal pictures: the PNGs inside the seals, and JPEGs of the first one in the layouts the
 * decoder supports (4:4:4, 4:2:0, grey, restart intervals).
 */
function pictureSeeds(seals: readonly NamedBytes[]): NamedBytes[] {
  const pngs = seals.map((s) => ({
    name: `${s.name}#picture`,
    bytes: parseSeal(s.bytes).picture.data,
  }))
  const first = pngs[0]
  if (!first) return pngs
  const raster = decodePng(first.bytes)
  const layouts = [{}, { subsample: 2 as const }, { grey: true }, { restart: 4, quality: 50 }]
  const jpegs = layouts.map((o, i) => ({ name: `jpeg#${i}`, bytes: writeJpeg(raster, o) }))
  return [...pngs, ...jpegs]
}

/** The seeds of each reader of `READERS`, by reader name. */
export function readerSeeds(): Record<string, NamedBytes[]> {
  const certFiles = files(join(FIXTURES, 'certificates'), '')
  const pkiPems = files(join(FIXTURES, 'pki'), '.pem')
  const crlFiles = files(join(FIXTURES, 'pki'), '.crl')
  const entries = ofdEntries()
  const signedValues = [
    ...entries.filter((e) => e.name.endsWith('.dat')),
    ...samples(['ofd/SignedValueV4.dat']),
  ]
  const xml = entries.filter((e) => e.name.endsWith('.xml'))
  const ofd = [...files(join(FIXTURES, 'ofd'), '.ofd').map(load), ...ofdSamples()]
  const seals = [
    ...files(join(FIXTURES, 'seals'), '.esl').map(load),
    ...samples(['ofd/UserV1.esl', 'ofd/UserV4.esl', 'ofd/UserV5.esl']),
  ]
  const ocsp = files(join(FIXTURES, 'certificates'), '.ocsp').map(load)
  const p7b = files(join(FIXTURES, 'certificates'), '.p7b').map(load)
  const cms = [...p7b, ...signedValues]
  return {
    parseCertificate: [...blocks(certFiles, 'CERTIFICATE'), ...blocks(pkiPems, 'CERTIFICATE')],
    readCertificateFile: [...certFiles.map(load), ...samples(['ofd/ofdrw-USER.p12'])],
    parseCrl: [...blocks(certFiles, 'X509 CRL'), ...blocks(crlFiles, 'X509 CRL')],
    parseOcspResponse: ocsp,
    parseSignedData: cms,
    readCmsFile: cms,
    parseTimestampToken: cms,
    parseSeal: seals,
    parseSesSignature: signedValues,
    readZip: ofd,
    parseXml: xml,
    readOfd: ofd,
    readPdf: [
      ...files(join(FIXTURES, 'pdf'), '.pdf').map(load),
      ...samples(['pdf/pyhanko-no-signed-attrs.pdf', 'pdf/signpdf-signed-twice.pdf']),
    ],
    readJws: jwsSeeds(blocks(certFiles, 'CERTIFICATE')[0]?.bytes ?? new Uint8Array()),
    decodePicture: pictureSeeds(seals),
    loadRegistry: [load(join(ROOT, 'src/registry/builtin/test-registry.json'))],
  }
}
