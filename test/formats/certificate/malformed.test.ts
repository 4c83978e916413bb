import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { children, readSingle } from '../../../src/asn1/der.js'
import { LimitError, YrdError } from '../../../src/errors.js'
import { readCertificateFile } from '../../../src/formats/certificate/read.js'
import { bytesOf, pem, tlv } from './der-build.js'
import { makeTestPki, type OpenSslDir } from './pki.js'

/** Reads `bytes` and returns the error, failing the test on success or a non-library error. */
async function failure(bytes: Uint8Array, password?: string): Promise<YrdError> {
  const options = password === undefined ? {} : { password }
  const error = await readCertificateFile(bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(YrdError)
  expect((error as YrdError).code).toMatch(/^[a-z0-9]+(\.[a-z0-9-]+)+$/)
  return error as YrdError
}

/** Reading either succeeds or throws a library error with a code, never anything else. */
async function readsOrFailsCleanly(bytes: Uint8Array, password?: string): Promise<void> {
  const options = password === undefined ? {} : { password }
  await readCertificateFile(bytes, options).catch((e: unknown) => {
    expect(e).toBeInstanceOf(YrdError)
    expect(typeof (e as YrdError).code).toBe('string')
  })
}

let pki: OpenSslDir
beforeAll(() => {
  pki = makeTestPki()
  pki.run('x509 -in ee.pem -outform DER -out ee.der')
  pki.run('crl2pkcs7 -in ca.crl -certfile ee.pem -certfile ca.pem -outform DER -out crl.p7b')
  const p12 = 'pkcs12 -export -inkey ee.key -in ee.pem -certfile ca.pem -passout pass:s -iter 1'
  pki.run(`${p12} -out f.p12`)
  pki.run(`${p12} -legacy -out legacy.p12`)
})

/** The PFX without its MacData, so that alterations reach decryption and the bags. */
function withoutMac(file: string): Uint8Array {
  const [version, authSafe] = children(readSingle(pki.read(file)))
  return tlv(0x30, version!.raw, authSafe!.raw)
}
afterAll(() => pki.remove())

describe('readCertificateFile on malformed input', () => {
  it('refuses an empty file', async () => {
    expect((await failure(new Uint8Array())).code).toBe('format.unsupported')
  })

  it('refuses truncated DER with format.der', async () => {
    const der = pki.read('ee.der')
    for (const n of [1, 2, 4, 100, der.length - 1]) {
      expect((await failure(der.subarray(0, n))).code).toBe('format.der')
    }
  })

  it('refuses a PEM frame around garbage with format.pem', async () => {
    const e = await failure(
      bytesOf('-----BEGIN CERTIFICATE-----\n%%garbage!!\n-----END CERTIFICATE-----\n'),
    )
    expect(e.code).toBe('format.pem')
  })

  it('refuses a PEM frame around valid base64 that is not DER', async () => {
    const e = await failure(bytesOf(pem('CERTIFICATE', bytesOf('hello, world'))))
    expect(e.code).toBe('format.pem')
  })

  it('refuses 50 MiB of zeros quickly', async () => {
    const zeros = new Uint8Array(50 * 1024 * 1024)
    const start = Date.now()
    const e = await failure(zeros)
    expect(Date.now() - start).toBeLessThan(1000)
    expect(e.code).toBe('format.unsupported')
  })

  it('refuses input over the size limit before reading it', async () => {
    const e = await readCertificateFile(pki.read('ee.der'), { maxInputBytes: 100 }).catch(
      (x: unknown) => x,
    )
    expect(e).toBeInstanceOf(LimitError)
    expect((e as LimitError).code).toBe('limit.size')
  })

  it('refuses more than 1,000 certificates in one file', async () => {
    const block = new TextDecoder().decode(pki.read('ee.pem'))
    const e = await failure(bytesOf(block.repeat(1001)))
    expect(e).toBeInstanceOf(LimitError)
    expect(e.code).toBe('limit.items')
    const ev = await readCertificateFile(bytesOf(block.repeat(1000)))
    expect(ev.certificates).toHaveLength(1000)
  })

  it('refuses deeply nested BER behind a PKCS#12 header', async () => {
    let nested = tlv(0x05)
    for (let i = 0; i < 200; i++) nested = tlv(0x30, nested)
    const header = new Uint8Array([0x30, 0x80, 0x02, 0x01, 0x03, 0x30, 0x80, 0x06, 0x09])
    const oid = new Uint8Array([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01])
    const input = new Uint8Array([...header, ...oid, ...nested, 0, 0, 0, 0])
    expect((await failure(input)).code).toBe('format.pkcs12')
  })

  it('throws only library errors on random bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), async (bytes) => {
        await readsOrFailsCleanly(bytes)
      }),
      { numRuns: 300 },
    )
  })

  it('throws only library errors on random bytes after a DER SEQUENCE header', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 500 }), async (body) => {
        await readsOrFailsCleanly(tlv(0x30, body))
      }),
      { numRuns: 300 },
    )
  })

  const altered = [
    ['ee.der', () => pki.read('ee.der'), 200],
    ['crl.p7b', () => pki.read('crl.p7b'), 200],
    ['ee.pem', () => pki.read('ee.pem'), 200],
    ['f.p12', () => pki.read('f.p12'), 60],
    ['f.p12 without MAC', () => withoutMac('f.p12'), 150],
    ['legacy.p12 without MAC', () => withoutMac('legacy.p12'), 100],
  ] as const
  it.each(altered)(
    'throws only library errors when bytes of %s are altered',
    async (_, make, runs) => {
      const original = make()
      const edit = fc.tuple(fc.nat(original.length - 1), fc.integer({ min: 1, max: 255 }))
      await fc.assert(
        fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 4 }), async (edits) => {
          const bytes = original.slice()
          for (const [at, x] of edits) bytes[at]! ^= x
          await readsOrFailsCleanly(bytes, 's')
        }),
        { numRuns: runs },
      )
    },
  )

  it('still opens the PKCS#12 files without MAC when unaltered', async () => {
    for (const file of ['f.p12', 'legacy.p12']) {
      const ev = await readCertificateFile(withoutMac(file), { password: 's' })
      expect(ev.subjectIndexes.map((i) => ev.certificates[i])).toEqual([pki.der('ee.pem')])
      expect((await failure(withoutMac(file), 'x')).code).toBe('input.password')
    }
  })

  it('throws only library errors when a file is cut anywhere', async () => {
    for (const file of ['crl.p7b', 'f.p12', 'legacy.p12', 'ee.pem']) {
      const original = pki.read(file)
      for (let n = 0; n < original.length; n += 7) {
        await readsOrFailsCleanly(original.subarray(0, n), 's')
      }
    }
  })
})

describe('readCertificateFile on PKCS#12 structures that trip the BER parser', () => {
  it('turns an exception inside asn1js (a bad GeneralizedTime) into format.pkcs12', async () => {
    const badTime = tlv(0x18, new TextEncoder().encode('abcdefghijklmn'))
    const data = tlv(0x06, new Uint8Array([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01]))
    const pfx = tlv(
      0x30,
      tlv(0x02, new Uint8Array([3])),
      tlv(0x30, data, tlv(0xa0, tlv(0x04, badTime))),
    )
    expect((await failure(pfx)).code).toBe('format.pkcs12')
  })
})

describe('readCertificateFile on PEM-like text', () => {
  it('throws only library errors on random arrangements of PEM lines', async () => {
    const cert = Buffer.from(pki.der('ee.pem')).toString('base64')
    const line = fc.oneof(
      fc
        .constantFrom('CERTIFICATE', 'X509 CRL', 'PKCS7', 'OCSP RESPONSE', 'PRIVATE KEY', 'X')
        .chain((l) => fc.constantFrom(`-----BEGIN ${l}-----`, `-----END ${l}-----`)),
      fc.constantFrom(cert.slice(0, 64), cert.slice(64, 128), 'QUJD', 'QQ==', '====', ''),
      fc.string({ maxLength: 20 }),
    )
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 30 }), fc.boolean(), async (lines, crlf) => {
        await readsOrFailsCleanly(bytesOf(lines.join(crlf ? '\r\n' : '\n')))
      }),
      { numRuns: 400 },
    )
  })
})
