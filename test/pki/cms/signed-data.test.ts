/**
 * The SignedData reader: BER outer layers, revocation choices, certificate choices, signer
 * identifiers, bounds, and malformed input that must end in FormatError or LimitError only.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  concat,
  derInteger,
  derOctets,
  derOid,
  derSequence,
  derSetOf,
  derTlv,
} from '../../../fixtures/make/der.js'
import { LimitError, YrdError } from '../../../src/errors.js'
import { normaliseBer } from '../../../src/pki/cms/ber.js'
import { parseSignedData } from '../../../src/pki/cms/signed-data.js'
import { buildCms, certDer, CONTENT, crlDer, keyOf, opensslSign } from './helpers.js'

const CERT = certDer('340000/ecdsa/signer.pem')
const KEY = keyOf('340000/ecdsa/signature-ca-leaf.pem')

function expectYrdError(f: () => unknown): void {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(YrdError)
    return
  }
}

describe('normaliseBer', () => {
  it('keeps DER untouched (same bytes)', () => {
    const der = derSequence([derInteger(5), derOctets(CONTENT)])
    const r = normaliseBer(der)
    expect(r.bytes).toEqual(der)
    expect(r.end).toBe(der.length)
  })

  it('makes indefinite lengths definite and joins constructed OCTET STRING chunks', () => {
    const ber = Uint8Array.of(
      ...[0x30, 0x80],
      ...[0x24, 0x80, 0x04, 0x02, 0x61, 0x62, 0x04, 0x01, 0x63, 0x00, 0x00],
      ...[0x24, 0x05, 0x04, 0x03, 0x64, 0x65, 0x66],
      ...[0x00, 0x00],
      ...[0x00, 0x00, 0x00], // padding after the element
    )
    const r = normaliseBer(ber)
    expect([...r.bytes]).toEqual([
      0x30, 0x0a, 0x04, 0x03, 0x61, 0x62, 0x63, 0x04, 0x03, 0x64, 0x65, 0x66,
    ])
    expect(r.end).toBe(ber.length - 3)
  })

  it('bounds nesting depth', () => {
    const deep = new Uint8Array(2 * 200 + 2)
    for (let i = 0; i < 200; i++) deep.set([0x30, 0x80], 2 * i)
    expect(() => normaliseBer(deep)).toThrow(LimitError)
  })

  it('refuses an indefinite length on a primitive element and a missing end-of-contents', () => {
    expect(() => normaliseBer(Uint8Array.of(0x04, 0x80, 0x01, 0x00, 0x00))).toThrow(YrdError)
    expect(() => normaliseBer(Uint8Array.of(0x30, 0x80, 0x02, 0x01, 0x01))).toThrow(YrdError)
  })
})

describe('parseSignedData', () => {
  it('reads certificates, CRLs and OCSP responses among the revocation choices', () => {
    const crl = crlDer('340000/ecdsa/signature-ca.crl')
    const fakeOcsp = derSequence([derTlv(0x0a, Uint8Array.of(0)), derTlv(0xa0, derSequence([]))])
    const other = derTlv(0xa1, concat([derOid('1.3.6.1.5.5.7.16.2'), fakeOcsp]))
    const unknownOther = derTlv(0xa1, concat([derOid('1.2.3.4'), derInteger(1)]))
    const attrCert = derTlv(0xa2, derInteger(1)) // a v2 attribute certificate choice: skipped
    const der = buildCms({
      key: KEY,
      cert: CERT,
      content: CONTENT,
      certificates: [CERT, attrCert],
      revocation: [crl, other, unknownOther],
    })
    const sd = parseSignedData(der)
    expect(sd.certificates).toEqual([CERT])
    expect(sd.crls).toEqual([crl])
    expect(sd.ocspResponses).toEqual([fakeOcsp])
    expect(sd.eContent).toEqual(CONTENT)
    expect(sd.signers[0]!.sid.kind).toBe('issuer-serial')
  })

  it('reads a key-id signer identifier (version 3)', () => {
    const sd = parseSignedData(buildCms({ key: KEY, cert: CERT, content: CONTENT, keyId: true }))
    const sid = sd.signers[0]!.sid
    expect(sid.kind === 'key-id' && sid.keyId).toEqual(KEY.keyId)
  })

  it('keeps signed attributes as encoded, re-tagged as SET', () => {
    const der = opensslSign({ family: 'rsa', attached: true, stream: true })
    const signer = parseSignedData(der).signers[0]!
    expect(signer.signedAttrsDer?.[0]).toBe(0x31)
    expect(signer.signedAttrs.map((a) => a.oid)).toContain('1.2.840.113549.1.9.4')
  })

  it('refuses trailing bytes unless they are zero padding and allowed', () => {
    const der = buildCms({ key: KEY, cert: CERT, content: CONTENT })
    const padded = concat([der, new Uint8Array(8)])
    expect(() => parseSignedData(padded)).toThrow(YrdError)
    expect(parseSignedData(padded, { allowZeroPadding: true }).signers).toHaveLength(1)
  })

  it('refuses other content types and too many signers', () => {
    const data = derSequence([derOid('1.2.840.113549.1.7.1'), derTlv(0xa0, derOctets(CONTENT))])
    expect(() => parseSignedData(data)).toThrow(/not SignedData/)
    const signer = parseSignedData(buildCms({ key: KEY, cert: CERT, content: CONTENT }))
    expect(signer.signers).toHaveLength(1)
    const fakeSigner = derSequence([derInteger(1)])
    const many = derSequence([
      derOid('1.2.840.113549.1.7.2'),
      derTlv(
        0xa0,
        derSequence([
          derInteger(1),
          derSetOf(0x31, []),
          derSequence([derOid('1.2.840.113549.1.7.1')]),
          derTlv(0x31, concat(Array.from({ length: 17 }, () => fakeSigner))),
        ]),
      ),
    ])
    expect(() => parseSignedData(many)).toThrow(YrdError)
  })

  it('malformed input only ever throws FormatError or LimitError', () => {
    const der = opensslSign({ family: 'ecdsa', attached: true })
    const ber = opensslSign({ family: 'ecdsa', attached: true, stream: true })
    for (const base of [der, ber]) {
      for (let n = 0; n < base.length; n += 7)
        expectYrdError(() => parseSignedData(base.subarray(0, n)))
    }
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: der.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        fc.boolean(),
        (at, mask, useBer) => {
          const bad = (useBer ? ber : der).slice()
          bad[at] = bad[at]! ^ mask
          expectYrdError(() => parseSignedData(bad, { allowZeroPadding: true }))
        },
      ),
      { numRuns: 400 },
    )
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        expectYrdError(() => parseSignedData(bytes))
        expectYrdError(() => parseSignedData(concat([Uint8Array.of(0x30, 0x80), bytes])))
      }),
      { numRuns: 400 },
    )
  })
})
