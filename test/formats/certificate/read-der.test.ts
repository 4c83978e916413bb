import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { children, readSingle } from '../../../src/asn1/der.js'
import { YrdError } from '../../../src/errors.js'
import {
  readCertificateFile,
  sniffCertificateInput,
} from '../../../src/formats/certificate/read.js'
import { oid, tlv } from './der-build.js'
import { makeTestPki, type OpenSslDir } from './pki.js'

const GB_SIGNED_DATA = '1.2.156.10197.6.1.4.2.2'

async function failure(bytes: Uint8Array): Promise<YrdError> {
  const error = await readCertificateFile(bytes).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(YrdError)
  return error as YrdError
}

/** The SignedData inside a DER ContentInfo. */
function signedDataOf(contentInfo: Uint8Array): Uint8Array {
  const explicit = children(readSingle(contentInfo))[1]!
  return children(explicit)[0]!.raw
}

let pki: OpenSslDir
beforeAll(() => {
  pki = makeTestPki()
  pki.run('x509 -in ee.pem -outform DER -out ee.der')
  pki.run('crl -in ca.crl -outform DER -out ca.crl.der')
  pki.run('crl2pkcs7 -nocrl -certfile ca.pem -certfile ee.pem -outform DER -out chain.p7b')
  pki.run('crl2pkcs7 -in ca.crl -certfile ee.pem -certfile ca.pem -outform DER -out crl.p7b')
  pki.run('crl2pkcs7 -in ca.crl -outform DER -out only-crl.p7b')
  pki.run(
    'crl2pkcs7 -nocrl -certfile ee.pem -certfile ca.pem -certfile sm2.pem -outform DER',
    ...['-out', 'two.p7b'],
  )
  pki.run('crl2pkcs7 -nocrl -certfile ca.pem -outform DER -out root.p7b')
  pki.run(
    'crl2pkcs7 -nocrl -certfile ee.pem -certfile ee.pem -certfile ca.pem -outform DER -out dup.p7b',
  )
  pki.run('cms -sign -binary -in ca.cnf -signer ee.pem -inkey ee.key -outform DER -out signed.p7s')
  const streamed = 'cms -sign -stream -binary -in ca.cnf -signer ee.pem -inkey ee.key -outform DER'
  pki.run(streamed, '-out', 'streamed.p7s')
})
afterAll(() => pki.remove())

describe('readCertificateFile on DER', () => {
  it('reads a single certificate', async () => {
    const ev = await readCertificateFile(pki.read('ee.der'))
    expect(ev).toEqual({
      container: 'der',
      certificates: [pki.der('ee.pem')],
      crls: [],
      ocspResponses: [],
      subjectIndexes: [0],
      hasPrivateKey: false,
    })
  })

  it('refuses a lone CRL as not something to verify', async () => {
    const e = await failure(pki.read('ca.crl.der'))
    expect(e.code).toBe('format.unsupported')
    expect(e.message).toMatch(/CRL/)
  })
})

describe('readCertificateFile on PKCS#7 bundles', () => {
  it('reads a p7b made by openssl crl2pkcs7; the leaf is the subject', async () => {
    const ev = await readCertificateFile(pki.read('chain.p7b'))
    expect(ev.container).toBe('pkcs7')
    expect(ev.certificates).toEqual([pki.der('ca.pem'), pki.der('ee.pem')])
    expect(ev.subjectIndexes).toEqual([1])
    expect(ev.crls).toEqual([])
  })

  it('returns the CRLs of a bundle', async () => {
    const ev = await readCertificateFile(pki.read('crl.p7b'))
    expect(ev.certificates).toEqual([pki.der('ee.pem'), pki.der('ca.pem')])
    expect(ev.crls).toEqual([pki.read('ca.crl.der')])
    expect(ev.subjectIndexes).toEqual([0])
  })

  it('takes every certificate that issues none of the others, in order', async () => {
    const ev = await readCertificateFile(pki.read('two.p7b'))
    expect(ev.subjectIndexes).toEqual([0, 2])
  })

  it('takes a lone self-signed certificate as the subject', async () => {
    expect((await readCertificateFile(pki.read('root.p7b'))).subjectIndexes).toEqual([0])
  })

  it('counts a repeated certificate once', async () => {
    expect((await readCertificateFile(pki.read('dup.p7b'))).subjectIndexes).toEqual([0])
  })

  it('reads the GB/T 35275 signedData OID and a bare SignedData', async () => {
    const signedData = signedDataOf(pki.read('chain.p7b'))
    const gb = tlv(0x30, oid(GB_SIGNED_DATA), tlv(0xa0, signedData))
    for (const input of [gb, signedData]) {
      expect(sniffCertificateInput(input)).toBe('pkcs7')
      const ev = await readCertificateFile(input)
      expect(ev.certificates).toEqual([pki.der('ca.pem'), pki.der('ee.pem')])
      expect(ev.subjectIndexes).toEqual([1])
    }
  })

  it('reads a bundle written with BER indefinite lengths, keeping certificate bytes', async () => {
    const [ca, ee] = [pki.der('ca.pem'), pki.der('ee.pem')]
    const u8 = (...b: number[]): number[] => b
    const eoc = u8(0, 0)
    const ber = new Uint8Array([
      ...u8(0x30, 0x80),
      ...oid('1.2.840.113549.1.7.2'),
      ...u8(0xa0, 0x80, 0x30, 0x80),
      ...tlv(0x02, new Uint8Array([1])),
      ...tlv(0x31),
      ...u8(0x30, 0x80),
      ...oid('1.2.840.113549.1.7.1'),
      ...eoc,
      ...u8(0xa0, 0x80),
      ...ca,
      ...ee,
      ...eoc,
      ...tlv(0x31),
      ...eoc,
      ...eoc,
      ...eoc,
    ])
    expect(sniffCertificateInput(ber)).toBe('pkcs7')
    const ev = await readCertificateFile(ber)
    expect(ev.certificates).toEqual([ca, ee])
    expect(ev.subjectIndexes).toEqual([1])
  })

  it('refuses a bundle without certificates', async () => {
    expect((await failure(pki.read('only-crl.p7b'))).code).toBe('format.unsupported')
  })

  it.each(['signed.p7s', 'streamed.p7s'])(
    'leaves the signed CMS message %s to the signature readers',
    async (file) => {
      const signed = pki.read(file)
      expect(sniffCertificateInput(signed)).toBeUndefined()
      const e = await failure(signed)
      expect(e.code).toBe('format.unsupported')
      expect(e.message).toMatch(/signed CMS/)
    },
  )

  it('refuses a bundle whose certificate does not parse, naming it', async () => {
    const broken = tlv(
      0x30,
      tlv(0x30, tlv(0x05, new Uint8Array())),
      tlv(0x30),
      tlv(0x03, new Uint8Array([0])),
    )
    const bundle = tlv(
      0x30,
      oid('1.2.840.113549.1.7.2'),
      tlv(
        0xa0,
        tlv(
          0x30,
          tlv(0x02, new Uint8Array([1])),
          tlv(0x31),
          tlv(0x30, oid('1.2.840.113549.1.7.1')),
          tlv(0xa0, broken),
          tlv(0x31),
        ),
      ),
    )
    const e = await failure(bundle)
    expect(e.code).toBe('format.pkcs7')
    expect(e.message).toMatch(/certificate 1/)
  })
})

describe('sniffCertificateInput', () => {
  it('recognises each kind from the first structure', () => {
    expect(sniffCertificateInput(pki.read('ee.pem'))).toBe('pem')
    expect(sniffCertificateInput(pki.read('ee.der'))).toBe('der-certificate')
    expect(sniffCertificateInput(pki.read('ca.crl.der'))).toBe('crl')
    expect(sniffCertificateInput(pki.read('chain.p7b'))).toBe('pkcs7')
    expect(sniffCertificateInput(new Uint8Array())).toBeUndefined()
    expect(sniffCertificateInput(new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toBeUndefined()
    expect(sniffCertificateInput(pki.read('ee.der').subarray(0, 50))).toBeUndefined()
  })

  it('does not call a binary file PEM because it contains a BEGIN line', () => {
    const binary = new Uint8Array([
      0x00,
      0x01,
      ...new TextEncoder().encode('\n-----BEGIN CERTIFICATE-----\n'),
    ])
    expect(sniffCertificateInput(binary)).toBeUndefined()
  })
})
