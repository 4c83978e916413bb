/**
 * Seals and seal signatures built with the fixture builders (and by hand where a builder
 * cannot express a leniency): every version, digest lists, raw r||s, bare and EXPLICIT [0]
 * fields, OCTET STRING timeInfo/dataHash in v1, absent ExtData.critical, and the
 * cross-checks the parser reports.
 */
import { describe, expect, it } from 'vitest'
import { derInteger, derOctets, derOid, derSequence, derTlv } from '../../../fixtures/make/der.js'
import { buildSeal, derBits, derGeneralizedTime, derIa5 } from '../../../fixtures/make/ses.js'
import { hash } from '../../../src/crypto/hash.js'
import { parseSeal, parseSesSignature, sniffSes } from '../../../src/formats/ses/index.js'
import { DATA, DATES, parties, PNG, sealSignature, sealSpec } from './helpers.js'

const SM2_WITH_SM3 = '1.2.156.10197.1.501'
const eq = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b))

/** Replaces the first occurrence of `find` in a copy of `bytes`. */
function patch(bytes: Uint8Array, find: number[], replace: number[]): Uint8Array {
  const hex = Buffer.from(bytes).toString('hex')
  const at = hex.indexOf(Buffer.from(find).toString('hex'))
  expect(at % 2).toBe(0)
  const out = bytes.slice()
  out.set(replace, at / 2)
  return out
}

describe('synthetic seals', () => {
  for (const version of [1, 4, 5] as const) {
    it(`v${version}: parses, keeps the maker's exact input`, () => {
      const built = buildSeal(sealSpec({ version }))
      expect(sniffSes(built.der)).toBe('seal')
      const seal = parseSeal(built.der)
      expect(seal.version).toBe(version)
      expect(seal.notes).toEqual([])
      expect(eq(seal.signedBytes, built.makerSigned)).toBe(true)
      expect(eq(seal.signature, built.makerSignature)).toBe(true)
      expect(seal.property.validStart).toEqual(DATES.validStart)
      expect(seal.property.certListType).toBe(version === 1 ? undefined : 1)
      expect(seal.picture.sniffedFormat).toBe('png')
    })
  }

  it('v5 with an EXPLICIT [0] time-stamp keeps the token bytes', () => {
    const token = new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x07])
    const seal = parseSeal(buildSeal(sealSpec({ version: 5, timeStamp: token })).der)
    expect(seal.version).toBe(5)
    expect(seal.timestamp).toEqual(token)
  })

  it('a digest list is read with its algorithm text', () => {
    const p = parties()
    const certList = { type: 2, certs: [p.signer.cert], digest: 'SM3' } as const
    const seal = parseSeal(buildSeal(sealSpec({ certList })).der)
    expect(seal.property.certListType).toBe(2)
    const list = seal.property.certList
    expect(list.kind).toBe('digests')
    if (list.kind !== 'digests') return
    expect(list.digests[0]?.type).toBe('SM3')
    expect(eq(list.digests[0]!.value, hash('SM3', p.signer.cert))).toBe(true)
  })

  it('reports a header version that differs from the structure', () => {
    const built = buildSeal(sealSpec({ version: 4 }))
    const bad = patch(
      built.der,
      [0x16, 0x02, 0x45, 0x53, 0x02, 0x01, 0x04],
      [0x16, 0x02, 0x45, 0x53, 0x02, 0x01, 0x01],
    )
    const seal = parseSeal(bad)
    expect(seal.version).toBe(4)
    expect(seal.notes).toContainEqual({
      code: 'seal.header-version',
      params: { header: 1, structure: 4 },
    })
  })

  it('reports a certListType that contradicts the list', () => {
    const built = buildSeal(sealSpec({ version: 4 }))
    const bad = patch(built.der, [0x02, 0x01, 0x01, 0x30], [0x02, 0x01, 0x02, 0x30])
    const seal = parseSeal(bad)
    expect(seal.property.certList.kind).toBe('certificates')
    expect(seal.notes).toContainEqual({
      code: 'seal.cert-list-type',
      params: { declared: 2, expected: 1 },
    })
  })

  it('sniffs the real picture format and keeps the declared one', () => {
    const seal = parseSeal(
      buildSeal(sealSpec({ picture: { type: 'JPEG', data: PNG, width: 30, height: 30 } })).der,
    )
    expect(seal.picture).toMatchObject({
      declaredType: 'JPEG',
      declaredFormat: 'jpg',
      sniffedFormat: 'png',
    })
  })

  it('reads ExtData with and without the critical flag', () => {
    const ext = [{ oid: '1.2.3.4', critical: true, value: new Uint8Array([1]) }]
    const seal = parseSeal(buildSeal(sealSpec({ extDatas: ext })).der)
    expect(seal.extensions).toEqual(ext)
    const bare = derSequence([derSequence([derOid('1.2.3.5'), derOctets(new Uint8Array([2]))])])
    const built = buildSeal(sealSpec({ alterSealInfo: (info) => appendTo(info, bare) }))
    expect(parseSeal(built.der).extensions).toEqual([
      { oid: '1.2.3.5', critical: false, value: new Uint8Array([2]) },
    ])
  })
})

/** Re-encodes a SEQUENCE with one more element at the end. */
function appendTo(seq: Uint8Array, element: Uint8Array): Uint8Array {
  const headLength = seq[1]! < 0x80 ? 2 : 2 + (seq[1]! & 0x7f)
  return derTlv(0x30, Buffer.concat([seq.subarray(headLength), element]))
}

describe('synthetic seal signatures', () => {
  for (const version of [1, 4, 5] as const) {
    it(`v${version}: parses, keeps DER(TBS_Sign) as signed`, () => {
      const built = sealSignature({ version }, { version })
      expect(sniffSes(built.der)).toBe('ses-signature')
      const sig = parseSesSignature(built.der)
      expect(sig.version).toBe(version)
      expect(sig.notes).toEqual([])
      expect(eq(sig.signedBytes, built.tbs)).toBe(true)
      expect(eq(sig.seal.raw, built.seal)).toBe(true)
      expect(sig.timeInfo).toEqual(DATES.signing)
      expect(eq(sig.dataHash, hash('SM3', DATA))).toBe(true)
      expect(sig.signatureEncoding).toBe('der')
    })
  }

  it('accepts a raw 64-byte r||s signature value', () => {
    const sig = parseSesSignature(sealSignature({}, { rawSignature: true }).der)
    expect(sig.signatureEncoding).toBe('raw')
    expect(sig.signature.length).toBe(64)
  })

  it('reads extDatas and timeStamp EXPLICIT [0] or bare', () => {
    const ext = [{ oid: '1.2.3.6', critical: false, value: new Uint8Array([3]) }]
    const token = new Uint8Array([0x30, 0x00])
    const explicit = parseSesSignature(sealSignature({}, { extDatas: ext, timeStamp: token }).der)
    expect(explicit.extensions).toEqual(ext)
    expect(explicit.timestamp).toEqual(token)

    const p = parties()
    const seal = buildSeal(sealSpec()).der
    const extDatas = derSequence([derSequence([derOid('1.2.3.6'), derOctets(new Uint8Array([3]))])])
    const tbs = derSequence([
      derInteger(4),
      seal,
      derGeneralizedTime(DATES.signing),
      derBits(hash('SM3', DATA)),
      derIa5('/Doc_0/Signs/Sign_0/Signature.xml'),
      extDatas,
    ])
    const value = p.signer.key.sign(tbs)
    const der = derSequence([
      tbs,
      derOctets(p.signer.cert),
      derOid(SM2_WITH_SM3),
      derBits(value),
      derBits(token),
    ])
    const bare = parseSesSignature(der)
    expect(bare.extensions).toEqual(ext)
    expect(bare.timestamp).toEqual(token)
    expect(eq(bare.signedBytes, tbs)).toBe(true)
  })

  it('v1: OCTET STRING timeInfo and dataHash, local time text read as UTC+8', () => {
    const p = parties()
    const seal = buildSeal(sealSpec({ version: 1 })).der
    const tbs = derSequence([
      derInteger(1),
      seal,
      derOctets(new TextEncoder().encode('2025-12-15 10:30:00')),
      derOctets(hash('SM3', DATA)),
      derIa5('Doc_0/Signs/Sign_0/Signature.xml'),
      derOctets(p.signer.cert),
      derOid(SM2_WITH_SM3),
    ])
    const sig = parseSesSignature(derSequence([tbs, derBits(p.signer.key.sign(tbs))]))
    expect(sig.version).toBe(1)
    expect(sig.timeInfo).toEqual(DATES.signing)
    expect(sig.notes).toContainEqual({
      code: 'ses.time-zone-assumed',
      params: { text: '2025-12-15 10:30:00' },
    })
    expect(eq(sig.dataHash, hash('SM3', DATA))).toBe(true)
  })

  it('reports a TBS_Sign version that differs from the structure', () => {
    const built = sealSignature()
    const bad = patch(built.der, [0x02, 0x01, 0x04, 0x30], [0x02, 0x01, 0x07, 0x30])
    const sig = parseSesSignature(bad)
    expect(sig.notes).toContainEqual({ code: 'ses.tbs-version', params: { tbs: 7, structure: 4 } })
  })
})
