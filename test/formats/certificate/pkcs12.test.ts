import { X509Certificate } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { YrdError } from '../../../src/errors.js'
import {
  readCertificateFile,
  sniffCertificateInput,
} from '../../../src/formats/certificate/read.js'
import { parseCertificate } from '../../../src/pki/certificate.js'
import { makeTestPki, type OpenSslDir } from './pki.js'

const SAMPLES = join(import.meta.dirname, '../../../../shared/samples/ofd')
const SM2_CURVE = new Uint8Array([0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x82, 0x2d])

async function failure(bytes: Uint8Array, password?: string): Promise<YrdError> {
  const options = password === undefined ? {} : { password }
  const error = await readCertificateFile(bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  )
  expect(error).toBeInstanceOf(YrdError)
  return error as YrdError
}

let pki: OpenSslDir
beforeAll(() => {
  pki = makeTestPki()
  const legacy = pki.hasLegacy ? '-legacy' : '-certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES'
  const leaf = 'pkcs12 -export -inkey ee.key -in ee.pem'
  pki.run('pkcs12 -export -inkey ca.key -in ca.pem -passout pass:secret -out rsa.p12')
  pki.run(`${leaf} -certfile ca.pem -out ec.p12`, '-passout', 'pass:pässwörd')
  pki.run(`${leaf} -certfile ca.pem ${legacy} -out legacy.p12`, '-passout', 'pass:pässwörd')
  pki.run(`${leaf} -certpbe PBE-SHA1-3DES -keypbe PBE-SHA1-3DES -passout pass:s -out 3des.p12`)
  pki.run(`${leaf} -certpbe des-ede3-cbc -keypbe des-ede3-cbc -passout pass:s -out pbes2-3des.p12`)
  pki.run(`${leaf} -passout pass: -out empty.p12`)
  pki.run(`${leaf} -nomac -passout pass:s -out nomac.p12`)
  pki.run(`pkcs12 -export -nokeys -in ee.pem -certfile ca.pem -passout pass:s -out nokeys.p12`)
  pki.run('pkcs12 -export -inkey sm2.key -in sm2.pem -passout pass:s -out sm2.p12')
  pki.run(`${leaf} -iter 1000001 -passout pass:s -out slow.p12`)
})
afterAll(() => pki.remove())

describe('readCertificateFile on the ofdrw PKCS#12 samples (legacy PBE, SM2)', () => {
  it.each([
    ['ofdrw-ROOT.p12', '123456'],
    ['ofdrw-USER.p12', '777777'],
    ['ofdrw-SealBuilder.p12', '777777'],
  ])('opens %s', async (file, password) => {
    const bytes = new Uint8Array(readFileSync(`${SAMPLES}/${file}`))
    expect(sniffCertificateInput(bytes)).toBe('pkcs12')
    const ev = await readCertificateFile(bytes, { password })
    expect(ev.container).toBe('pkcs12')
    expect(ev.certificates).toHaveLength(1)
    expect(ev.subjectIndexes).toEqual([0])
    expect(ev.hasPrivateKey).toBe(true)
    const cert = parseCertificate(ev.certificates[0]!)
    expect(cert.publicKeyAlgorithm.parameters).toEqual(SM2_CURVE)
    const out = `${file}.pem`
    pki.run(
      `pkcs12 -legacy -nokeys -out ${out}`,
      '-in',
      join(SAMPLES, file),
      '-passin',
      `pass:${password}`,
    )
    expect(ev.certificates[0]).toEqual(pki.der(out))
  })

  it('gives the certificate the ofdrw PEM sample holds for the root', async () => {
    const ev = await readCertificateFile(
      new Uint8Array(readFileSync(`${SAMPLES}/ofdrw-ROOT.p12`)),
      { password: '123456' },
    )
    const pem = readFileSync(`${SAMPLES}/ofdrw-ROOT-cert.pem`)
    expect(ev.certificates[0]).toEqual(new Uint8Array(new X509Certificate(pem).raw))
  })

  it('has the USER certificate expire on 2022-04-21', async () => {
    const bytes = new Uint8Array(readFileSync(`${SAMPLES}/ofdrw-USER.p12`))
    const ev = await readCertificateFile(bytes, { password: '777777' })
    expect(parseCertificate(ev.certificates[0]!).notAfter.toISOString()).toMatch(/^2022-04-21/)
  })

  it('refuses a wrong or missing password with input.password', async () => {
    const bytes = new Uint8Array(readFileSync(`${SAMPLES}/ofdrw-USER.p12`))
    const wrong = await failure(bytes, '123456')
    expect(wrong.code).toBe('input.password')
    expect(wrong.message).toMatch(/wrong password/)
    const missing = await failure(bytes)
    expect(missing.code).toBe('input.password')
    expect(missing.message).toMatch(/needs a password/)
  })
})

describe('readCertificateFile on PKCS#12 made by openssl', () => {
  it('opens a PBES2 (AES) file with an RSA key', async () => {
    const ev = await readCertificateFile(pki.read('rsa.p12'), { password: 'secret' })
    expect(ev.certificates).toEqual([pki.der('ca.pem')])
    expect(ev.subjectIndexes).toEqual([0])
    expect(ev.hasPrivateKey).toBe(true)
  })

  it.each(['ec.p12', 'legacy.p12'])(
    'opens %s (EC key, chain, non-ASCII password) with the key holder as subject',
    async (file) => {
      const ev = await readCertificateFile(pki.read(file), { password: 'pässwörd' })
      expect(new Set(ev.certificates)).toEqual(new Set([pki.der('ee.pem'), pki.der('ca.pem')]))
      expect(ev.subjectIndexes.map((i) => ev.certificates[i])).toEqual([pki.der('ee.pem')])
      expect((await failure(pki.read(file), 'passwörd')).code).toBe('input.password')
    },
  )

  it.each(['3des.p12', 'pbes2-3des.p12', 'sm2.p12'])('opens %s', async (file) => {
    const ev = await readCertificateFile(pki.read(file), { password: 's' })
    expect(ev.certificates).toHaveLength(1)
    expect(ev.subjectIndexes).toEqual([0])
    expect((await failure(pki.read(file), 'x')).code).toBe('input.password')
  })

  it('opens a file with the empty password when none is given', async () => {
    const ev = await readCertificateFile(pki.read('empty.p12'))
    expect(ev.certificates).toEqual([pki.der('ee.pem')])
  })

  it('checks the password through the key when there is no MAC', async () => {
    expect(
      (await readCertificateFile(pki.read('nomac.p12'), { password: 's' })).certificates,
    ).toEqual([pki.der('ee.pem')])
    expect((await failure(pki.read('nomac.p12'), 'x')).code).toBe('input.password')
  })

  it('reads a file without keys, choosing the subject by issuance', async () => {
    const ev = await readCertificateFile(pki.read('nokeys.p12'), { password: 's' })
    expect(ev.hasPrivateKey).toBe(false)
    expect(ev.subjectIndexes.map((i) => ev.certificates[i])).toEqual([pki.der('ee.pem')])
  })

  it('refuses a file whose MAC was altered', async () => {
    const bytes = pki.read('rsa.p12')
    bytes[bytes.length - 40]! ^= 1
    const e = await failure(bytes, 'secret')
    expect(e.code).toBe('input.password')
  })

  it('refuses key derivations with more than a million iterations', async () => {
    expect((await failure(pki.read('slow.p12'), 's')).code).toBe('limit.kdf')
  })
})
