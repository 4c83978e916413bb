/**
 * Real files: the ofdrw test seals (v1, v4, v5), ofdrw's SignedValueV4.dat and the Zhejiang
 * tax e-invoice's SignedValue.dat parse, and their maker and signer signatures verify over
 * exactly the bytes the standard (as practised) says.
 */
import { describe, expect, it } from 'vitest'
import { hash } from '../../../src/crypto/hash.js'
import { verifySignature } from '../../../src/crypto/verify.js'
import { parseSeal, parseSesSignature, sniffSes } from '../../../src/formats/ses/index.js'
import type { SesSeal } from '../../../src/formats/ses/types.js'
import { parseCertificate } from '../../../src/pki/certificate.js'
import { sample, zjInvoice } from './helpers.js'

async function makerValid(seal: SesSeal, signed = seal.signedBytes): Promise<boolean> {
  const cert = parseCertificate(seal.makerCertificate)
  const check = await verifySignature({
    algorithm: { oid: seal.signatureAlgorithm },
    publicKey: cert.spki,
    data: signed,
    signature: seal.signature,
  })
  return check.valid
}

const equal = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

describe('ofdrw test seals', () => {
  const cases = [
    { file: 'UserV1.esl', version: 1, esID: '40C8CDD24DEF43388B86E62CCE1D6832' },
    { file: 'UserV4.esl', version: 4, esID: '51f044b76510434e9bc67a1185c2fba5' },
    { file: 'UserV5.esl', version: 5, esID: '09aaf39291e049e4b3d716414590937e' },
  ] as const
  for (const c of cases) {
    it(`${c.file} parses as v${c.version} and its maker signature verifies`, async () => {
      const bytes = sample(c.file)
      expect(sniffSes(bytes)).toBe('seal')
      const seal = parseSeal(bytes)
      expect(seal.version).toBe(c.version)
      expect(seal.header).toMatchObject({ id: 'ES', version: c.version })
      expect(seal.esID).toBe(c.esID)
      expect(seal.notes).toEqual([])
      expect(seal.picture).toMatchObject({ declaredType: 'PNG', sniffedFormat: 'png' })
      expect([seal.picture.width, seal.picture.height]).toEqual([40, 40])
      expect(seal.property.certList.kind).toBe('certificates')
      expect(seal.signatureAlgorithm).toBe('1.2.156.10197.1.501')
      expect(await makerValid(seal)).toBe(true)
    })

    it(`${c.file}: one changed byte of the seal info breaks the maker signature`, async () => {
      const bytes = sample(c.file).slice()
      const at = bytes.indexOf(0x4f, 20) // inside the vendor id / esID text
      bytes[at] = 0x50
      const seal = parseSeal(bytes)
      expect(await makerValid(seal)).toBe(false)
    })
  }

  it('v1 signs SEQUENCE{sealInfo, cert, alg}; v4 signs SES_SealInfo only', async () => {
    const v1 = parseSeal(sample('UserV1.esl'))
    const v4 = parseSeal(sample('UserV4.esl'))
    expect(v1.signedBytes[0]).toBe(0x30)
    expect(v1.signedBytes.length).toBeGreaterThan(v4.signedBytes.length)
    // The v4 rule does not work for v1 (only SES_SealInfo), nor the v1 rule for v4.
    const v1InfoOnly = v1.raw.subarray(4, 4 + 16381)
    expect(await makerValid(v1, v1InfoOnly)).toBe(false)
    expect(equal(v4.signedBytes, v4.raw.subarray(4, 4 + 16393))).toBe(true)
    expect(v4.signedBytes.buffer).toBe(v4.raw.buffer) // a slice, not a copy
  })
})

describe('ofdrw SignedValueV4.dat', () => {
  it('parses and the signer signature verifies over DER(TBS_Sign)', async () => {
    const bytes = sample('SignedValueV4.dat')
    expect(sniffSes(bytes)).toBe('ses-signature')
    const sig = parseSesSignature(bytes)
    expect(sig.version).toBe(4)
    expect(sig.tbsVersion).toBe(4)
    expect(sig.timeInfo?.toISOString()).toBe('2020-10-12T11:14:03.000Z')
    expect(sig.propertyInfo).toBe('/Doc_0/Signs/Sign_0/Signature.xml')
    expect(sig.dataHash.length).toBe(32)
    expect(sig.signatureEncoding).toBe('der')
    const cert = parseCertificate(sig.signerCertificate)
    const ok = await verifySignature({
      algorithm: { oid: sig.signatureAlgorithm },
      publicKey: cert.spki,
      data: sig.signedBytes,
      signature: sig.signature,
    })
    expect(ok.valid).toBe(true)
    expect(await makerValid(sig.seal)).toBe(true)
    expect(equal(sig.seal.raw, sample('UserV4.esl'))).toBe(true)
  })
})

describe('Zhejiang tax e-invoice SignedValue.dat', () => {
  it('data hash = SM3(Signature.xml); signer and maker signatures valid', async () => {
    const { signedValue, signatureXml } = zjInvoice()
    const sig = parseSesSignature(signedValue)
    expect(sig.version).toBe(4)
    expect(equal(hash('SM3', signatureXml), sig.dataHash)).toBe(true)
    expect(sig.timeInfo?.toISOString()).toBe('2020-07-23T13:09:07.000Z')
    expect(sig.seal).toMatchObject({ esID: '33010600000001', header: { vid: 'GOMAIN' } })
    expect(sig.seal.picture).toMatchObject({ declaredType: 'ofd', sniffedFormat: 'ofd' })
    expect([sig.seal.picture.width, sig.seal.picture.height]).toEqual([30, 20])
    expect(sig.seal.extensions).toEqual([
      { oid: '1.2.156.10197.6.7.2.2.1', critical: false, value: new TextEncoder().encode('2.1') },
    ])
    const signer = parseCertificate(sig.signerCertificate)
    const check = await verifySignature({
      algorithm: { oid: sig.signatureAlgorithm },
      publicKey: signer.spki,
      data: sig.signedBytes,
      signature: sig.signature,
    })
    expect(check.valid).toBe(true)
    expect(await makerValid(sig.seal)).toBe(true)
  })
})
