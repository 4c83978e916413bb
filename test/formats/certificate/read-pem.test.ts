import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { YrdError } from '../../../src/errors.js'
import { readCertificateFile } from '../../../src/formats/certificate/read.js'
import { parseCertificate } from '../../../src/pki/certificate.js'
import { bytesOf, pem, tlv } from './der-build.js'
import { makeTestPki, type OpenSslDir } from './pki.js'

const SAMPLES = join(import.meta.dirname, '../../../../shared/samples/ofd')
const sample = (name: string): Uint8Array => new Uint8Array(readFileSync(`${SAMPLES}/${name}`))
const text = (b: Uint8Array): string => new TextDecoder().decode(b)

async function failure(input: Uint8Array | string): Promise<YrdError> {
  const bytes = typeof input === 'string' ? bytesOf(input) : input
  const error = await readCertificateFile(bytes).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(YrdError)
  return error as YrdError
}

let pki: OpenSslDir
beforeAll(() => {
  pki = makeTestPki()
})
afterAll(() => pki.remove())

describe('readCertificateFile on PEM', () => {
  it.each(['ofdrw-ROOT-cert.pem', 'ofdrw-sign_cert.pem'])('reads the sample %s', async (f) => {
    const ev = await readCertificateFile(sample(f))
    expect(ev.container).toBe('pem')
    expect(ev.certificates).toHaveLength(1)
    expect(ev.subjectIndexes).toEqual([0])
    expect(ev.hasPrivateKey).toBe(false)
    const body = text(sample(f)).replace(/-----[^-]+-----|\s/g, '')
    expect(ev.certificates[0]).toEqual(new Uint8Array(Buffer.from(body, 'base64')))
    expect(parseCertificate(ev.certificates[0]!).subject.text).toContain('CN=')
  })

  it('reads blocks with text between them; the first certificate is the subject', async () => {
    const file =
      'Bag Attributes\n    friendlyName: leaf\n' +
      text(pki.read('ee.pem')) +
      'issuer text\n' +
      text(pki.read('ca.pem')) +
      text(pki.read('ca.crl')) +
      text(pki.read('ee.key'))
    const ev = await readCertificateFile(bytesOf(file))
    expect(ev.certificates).toEqual([pki.der('ee.pem'), pki.der('ca.pem')])
    expect(ev.crls).toHaveLength(1)
    expect(ev.subjectIndexes).toEqual([0])
    expect(ev.hasPrivateKey).toBe(true)
  })

  it('reads PEM text that starts with the digit 0 (the byte of a DER SEQUENCE)', async () => {
    const file = '0 = leaf certificate\n' + text(pki.read('ee.pem'))
    expect((await readCertificateFile(bytesOf(file))).certificates).toEqual([pki.der('ee.pem')])
  })

  it('accepts CRLF line endings', async () => {
    const ev = await readCertificateFile(bytesOf(pem('CERTIFICATE', pki.der('ee.pem'), '\r\n')))
    expect(ev.certificates).toEqual([pki.der('ee.pem')])
  })

  it('takes the end-entity certificates of a leading PKCS7 block as subjects', async () => {
    pki.run('crl2pkcs7 -nocrl -certfile ca.pem -certfile ee.pem -out bundle.p7b.pem')
    const file = text(pki.read('bundle.p7b.pem')) + text(pki.read('sm2.pem'))
    const ev = await readCertificateFile(bytesOf(file))
    expect(ev.certificates).toEqual([pki.der('ca.pem'), pki.der('ee.pem'), pki.der('sm2.pem')])
    expect(ev.subjectIndexes).toEqual([1])
  })

  it('keeps OCSP RESPONSE blocks', async () => {
    const unauthorized = tlv(0x30, tlv(0x0a, new Uint8Array([6])))
    const file = text(pki.read('ee.pem')) + pem('OCSP RESPONSE', unauthorized)
    const ev = await readCertificateFile(bytesOf(file))
    expect(ev.ocspResponses).toEqual([unauthorized])
  })

  it('refuses TRUSTED CERTIFICATE blocks clearly', async () => {
    pki.run('x509 -in ee.pem -trustout -addtrust serverAuth -out trusted.pem')
    const e = await failure(pki.read('trusted.pem'))
    expect(e.code).toBe('format.unsupported')
    expect(e.message).toMatch(/TRUSTED CERTIFICATE/)
  })

  it('names the block whose base64 is bad', async () => {
    const bad = pem('CERTIFICATE', pki.der('ca.pem')).replace(/\n[A-Za-z]/, '\n*')
    const e = await failure(text(pki.read('ee.pem')) + bad)
    expect(e.code).toBe('format.pem')
    expect(e.message).toMatch(/PEM block 2/)
  })

  it('names the block that decodes but does not parse', async () => {
    const e = await failure(pem('CERTIFICATE', pki.der('ee.pem').subarray(0, 100)))
    expect(e.code).toBe('format.pem')
    expect(e.message).toMatch(/PEM block 1/)
  })

  it.each([
    ['a missing END line', '-----BEGIN CERTIFICATE-----\nQUJD\n'],
    ['a mismatched END line', '-----BEGIN CERTIFICATE-----\nQUJD\n-----END X509 CRL-----\n'],
    ['a lower-case label', '-----BEGIN certificate-----\nQUJD\n-----END certificate-----\n'],
    ['a bad CRL block', pem('X509 CRL', tlv(0x30, tlv(0x02, new Uint8Array([1]))))],
    ['a bad OCSP block', pem('OCSP RESPONSE', tlv(0x30, tlv(0x02, new Uint8Array([1]))))],
    ['a bad PKCS7 block', pem('PKCS7', tlv(0x30, tlv(0x05, new Uint8Array())))],
  ])('refuses %s with format.pem', async (_, file) => {
    expect((await failure(file)).code).toBe('format.pem')
  })

  it.each([
    ['only a CRL', (p: OpenSslDir) => text(p.read('ca.crl'))],
    ['only a key', (p: OpenSslDir) => text(p.read('ee.key'))],
    ['a certificate request', (p: OpenSslDir) => text(p.read('ee.csr'))],
  ])('refuses a PEM file with %s as format.unsupported', async (_, make) => {
    expect((await failure(make(pki))).code).toBe('format.unsupported')
  })
})
