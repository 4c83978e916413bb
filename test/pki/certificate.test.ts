import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FormatError } from '../../src/errors.js'
import { parseCertificate } from '../../src/pki/certificate.js'
import { namesEqual, nameWithinSubtree, parseName } from '../../src/pki/name.js'

const PKITS = join(__dirname, '../../../shared/conformance/pkits/certs')
const SAMPLES = join(__dirname, '../../../shared/samples/ofd')

function pemToDer(pem: string): Uint8Array {
  return new Uint8Array(
    Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s/g, ''), 'base64'),
  )
}

describe('parseCertificate', () => {
  it('parses all 405 NIST PKITS certificates', () => {
    const files = readdirSync(PKITS)
    expect(files.length).toBe(405)
    for (const f of files) {
      const c = parseCertificate(new Uint8Array(readFileSync(join(PKITS, f))))
      expect(c.tbs.length).toBeGreaterThan(100)
    }
  })

  it('reads the fields and extensions of a real SM2 certificate', () => {
    const c = parseCertificate(pemToDer(readFileSync(join(SAMPLES, 'ofdrw-sign_cert.pem'), 'utf8')))
    expect(c.signatureAlgorithm.oid).toBe('1.2.156.10197.1.501')
    expect(c.publicKeyAlgorithm.oid).toBe('1.2.840.10045.2.1')
    expect(c.version).toBe(3)
    expect(c.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(c.subject.text.length).toBeGreaterThan(0)
  })

  it('reads basicConstraints, key usage and policies from PKITS', () => {
    const ca = parseCertificate(new Uint8Array(readFileSync(join(PKITS, 'GoodCACert.crt'))))
    expect(ca.basicConstraints).toEqual({ ca: true })
    expect(ca.keyUsage?.has('keyCertSign')).toBe(true)
    expect(ca.certificatePolicies?.[0]?.oid).toBe('2.16.840.1.101.3.2.1.48.1')
    const pl = parseCertificate(
      new Uint8Array(readFileSync(join(PKITS, 'pathLenConstraint0CACert.crt'))),
    )
    expect(pl.basicConstraints).toEqual({ ca: true, pathLen: 0 })
  })

  it('refuses truncated and trailing-garbage DER with FormatError', () => {
    const der = new Uint8Array(readFileSync(join(PKITS, 'GoodCACert.crt')))
    expect(() => parseCertificate(der.subarray(0, der.length - 10))).toThrow(FormatError)
    expect(() => parseCertificate(new Uint8Array([...der, 0]))).toThrow(FormatError)
    expect(() => parseCertificate(new Uint8Array(64))).toThrow(FormatError)
  })
})

describe('parsed certificates kept for their bytes', () => {
  const der = () => new Uint8Array(readFileSync(join(PKITS, 'GoodCACert.crt')))

  it('returns the same parse for the same bytes in another array, holding its own copy', () => {
    const first = der()
    const a = parseCertificate(first)
    const b = parseCertificate(der())
    expect(b).toBe(a)
    expect(a.der).not.toBe(first)
    first.fill(0)
    expect(parseCertificate(der())).toBe(a)
    expect(a.subject.key).toBe(parseCertificate(der()).subject.key)
  })

  it('parses anew bytes that share the length and the signature but differ inside', () => {
    const original = der()
    const a = parseCertificate(original)
    const other = original.slice()
    // a byte of the subject public key: same length, same last bytes, another certificate
    const at = indexOfBytes(other, a.spki) + a.spki.length - 40
    other[at] = other[at]! ^ 0xff
    const b = parseCertificate(other)
    expect(b).not.toBe(a)
    expect(b.spki).not.toEqual(a.spki)
    expect(b.sha256).not.toBe(a.sha256)
    // and the first is found again afterwards (the slot went to the newer bytes)
    const again = parseCertificate(der())
    expect(again.spki).toEqual(a.spki)
    expect(again.sha256).toBe(a.sha256)
  })
})

function indexOfBytes(hay: Uint8Array, needle: Uint8Array): number {
  return Buffer.from(hay).indexOf(Buffer.from(needle))
}

describe('names (RFC 5280 §7.1)', () => {
  const name = (...rdns: [string, number, string][]) => {
    const parts = rdns.map(([oid, tag, value]) => {
      const v = Buffer.from(value, 'utf8')
      const o = Buffer.from(oid, 'hex')
      const atv = Buffer.concat([Buffer.from([0x06, o.length]), o, Buffer.from([tag, v.length]), v])
      const seq = Buffer.concat([Buffer.from([0x30, atv.length]), atv])
      return Buffer.concat([Buffer.from([0x31, seq.length]), seq])
    })
    const body = Buffer.concat(parts)
    return parseName(new Uint8Array(Buffer.concat([Buffer.from([0x30, body.length]), body])))
  }
  const CN = '550403'
  const O = '55040a'

  it('compares case-insensitively, ignoring extra spaces, across string types', () => {
    const a = name([O, 0x13, 'Test  Certificates'], [CN, 0x0c, 'Good CA'])
    const b = name([O, 0x0c, ' test certificates '], [CN, 0x13, 'GOOD   ca'])
    expect(namesEqual(a, b)).toBe(true)
  })

  it('keeps RDN order significant and checks subtrees by prefix', () => {
    const a = name([O, 0x0c, '上海市'], [CN, 0x0c, '甲'])
    const b = name([CN, 0x0c, '甲'], [O, 0x0c, '上海市'])
    expect(namesEqual(a, b)).toBe(false)
    expect(nameWithinSubtree(a, name([O, 0x0c, '上海市']))).toBe(true)
    expect(nameWithinSubtree(a, name([O, 0x0c, '浙江省']))).toBe(false)
    expect(a.text).toBe('CN=甲, O=上海市')
  })

  it('a name kept for its bytes is its own copy: refilling the array read first changes nothing', () => {
    const der = Uint8Array.from([
      0x30, 0x0c, 0x31, 0x0a, 0x30, 0x08, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x01, 0x41,
    ])
    const first = parseName(der)
    der[13] = 0x42
    const again = parseName(Uint8Array.from([...der.subarray(0, 13), 0x41]))
    expect(again.text).toBe('CN=A')
    expect([...again.der]).toEqual([...first.der])
    expect(again.der[13]).toBe(0x41)
    // Other bytes, another name.
    expect(parseName(der).text).toBe('CN=B')
  })
})
