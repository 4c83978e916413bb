/**
 * Every reader of the library the fuzz suite drives, by name. Each takes bytes and either
 * returns (what it returns does not matter here) or throws; the properties say what it may
 * throw. Loaded inside the watchdog's worker thread.
 */
import { parseCertificate } from '../../src/pki/certificate.js'
import { readCertificateFile } from '../../src/formats/certificate/read.js'
import { parseCrl } from '../../src/pki/crl/parse.js'
import { parseOcspResponse } from '../../src/pki/ocsp/parse.js'
import { parseSignedData } from '../../src/pki/cms/signed-data.js'
import { readCmsFile } from '../../src/formats/cms/read.js'
import { parseTimestampToken } from '../../src/pki/timestamp/token.js'
import { parseSeal, parseSesSignature } from '../../src/formats/ses/index.js'
import { readZip } from '../../src/formats/zip/index.js'
import { parseXml } from '../../src/formats/xml/index.js'
import { readOfd } from '../../src/formats/ofd/index.js'
import { loadRegistry } from '../../src/registry/index.js'
import { findSignatures, readPdf } from '../../src/formats/pdf/index.js'
import { licenceJsonPairs, readJws } from '../../src/formats/licence/index.js'
import { decodePicture } from '../../src/images/decode.js'

/** Reads a PDF and walks it: signatures, pages, and every object (bounded) with its stream. */
function walkPdf(bytes: Uint8Array): number {
  const pdf = readPdf(bytes)
  let seen = findSignatures(pdf).length + pdf.pages().length
  for (const num of pdf.objectNumbers().slice(0, 2000)) {
    const entry = pdf.locate(num)?.entry
    const obj = pdf.resolve({ num, gen: entry?.type === 'offset' ? entry.gen : 0 })
    if (obj?.kind === 'stream') seen += pdf.decodeStream(obj).data.length
    seen++
  }
  return seen
}

/** Reads a JWS, then the licence pairs of its payload when it has one. */
function walkJws(bytes: Uint8Array): number {
  const jws = readJws(bytes)
  return jws.payload ? licenceJsonPairs(jws.payload).length : 0
}

/** A reader under test. */
export type Reader = (bytes: Uint8Array, password?: string) => unknown

/** The readers, by the name the tests use. */
export const READERS: Readonly<Record<string, Reader>> = {
  parseCertificate: (b) => parseCertificate(b),
  readCertificateFile: (b, password) =>
    readCertificateFile(b, password === undefined ? {} : { password }),
  parseCrl: (b) => parseCrl(b),
  parseOcspResponse: (b) => parseOcspResponse(b),
  parseSignedData: (b) => parseSignedData(b),
  readCmsFile: (b) => readCmsFile(b),
  parseTimestampToken: (b) => parseTimestampToken(b),
  parseSeal: (b) => parseSeal(b),
  parseSesSignature: (b) => parseSesSignature(b),
  readZip: (b) => readZip(b),
  parseXml: (b) => parseXml(b),
  readOfd: (b) => readOfd(b),
  readPdf: walkPdf,
  readJws: walkJws,
  decodePicture: (b) => decodePicture(b),
  loadRegistry: (b) => loadRegistry(b, { now: new Date('2026-12-03T00:00:00Z') }),
}
