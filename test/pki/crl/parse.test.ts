import { describe, expect, it } from 'vitest'
import { FormatError } from '../../../src/errors.js'
import { parseCrl, entryKey, MAX_CRL_ENTRIES } from '../../../src/pki/crl/parse.js'
import { parseCertificate } from '../../../src/pki/certificate.js'
import { int, seq, tlv } from '../path/helpers/der.js'
import { makeCert, makeCrl } from '../path/helpers/pki.js'

describe('parseCrl', () => {
  const ca = makeCert({ subject: 'CA', ca: true })
  const caCert = parseCertificate(ca.der)

  it('reads issuer, times, number and entries with reasons', () => {
    const der = makeCrl({
      issuer: ca,
      number: 7,
      revoked: [{ serial: 5, reason: 1 }, { serial: 300 }],
      thisUpdate: new Date('2022-02-01T00:00:00Z'),
      nextUpdate: new Date('2052-02-01T00:00:00Z'),
    })
    const crl = parseCrl(der)
    expect(crl.version).toBe(2)
    expect(crl.issuer.key).toBe(caCert.subject.key)
    expect(crl.thisUpdate.toISOString()).toBe('2022-02-01T00:00:00.000Z')
    expect(crl.nextUpdate?.toISOString()).toBe('2052-02-01T00:00:00.000Z')
    expect(crl.crlNumber).toBe(7n)
    expect(crl.deltaBase).toBeUndefined()
    expect(crl.entries.size).toBe(2)
    expect(crl.entries.get(entryKey(caCert.subject, Uint8Array.of(5)))?.reason).toBe(
      'keyCompromise',
    )
    expect(crl.entries.get(entryKey(caCert.subject, Uint8Array.of(1, 0x2c)))?.reason).toBe(
      undefined,
    )
    expect(crl.unknownCritical).toEqual([])
  })

  it('records unknown critical CRL extensions and reads the delta indicator', () => {
    const der = makeCrl({
      issuer: ca,
      extra: [
        { oid: '1.2.3.4', critical: true, value: seq() },
        { oid: '2.5.29.27', critical: true, value: int(3) },
      ],
    })
    const crl = parseCrl(der)
    expect(crl.unknownCritical).toEqual(['1.2.3.4'])
    expect(crl.deltaBase).toBe(3n)
  })

  it('throws FormatError on malformed input', () => {
    expect(() => parseCrl(new Uint8Array([0x30, 0x80]))).toThrow(FormatError)
    expect(() => parseCrl(seq(seq(), seq()))).toThrow(FormatError)
    expect(() => parseCrl(tlv(0x04, Uint8Array.of(1)))).toThrow(FormatError)
    const good = makeCrl({ issuer: ca })
    expect(() => parseCrl(good.subarray(0, good.length - 3))).toThrow(FormatError)
  })

  it('refuses a CRL with more entries than the bound', () => {
    const revoked = Array.from({ length: MAX_CRL_ENTRIES + 1 }, (_, i) => ({ serial: i + 1 }))
    const der = makeCrl({ issuer: ca, revoked })
    expect(() => parseCrl(der)).toThrow(FormatError)
  })
})
