import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { sniff, verify } from '../../src/verify.js'
import { createVerifier } from '../../src/verifier.js'

const ascii = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'))

describe('sniff (content only)', () => {
  it('finds %PDF- anywhere in the first 1 024 bytes, not after them', () => {
    expect(sniff(ascii('%PDF-1.7\n'))).toBe('pdf')
    expect(sniff(ascii(`${'x'.repeat(1019)}%PDF-`))).toBe('pdf')
    expect(sniff(ascii(`${'x'.repeat(1020)}%PDF-`))).toBe('unknown')
    expect(sniff(ascii(`%%%PD%PDF%PDF-`))).toBe('pdf')
    expect(sniff(ascii('%PDF'))).toBe('unknown')
  })

  it('takes a JSON object or a compact JWS after the blanks trimStart removes', () => {
    for (const blank of ['', ' ', '\t\r\n', '\x0b\x0c', '\xa0 ']) {
      expect(sniff(ascii(`${blank}{"a":1}`))).toBe('jws')
      expect(sniff(ascii(`${blank}eyJhbGciOiJub25lIn0.e30.`))).toBe('jws')
    }
    expect(sniff(ascii('eyJ'))).toBe('jws')
    expect(sniff(ascii('ey'))).toBe('unknown')
    expect(sniff(ascii(' '.repeat(1024)))).toBe('unknown')
    // the head is the first 1 024 bytes: an object beyond it is not looked at
    expect(sniff(ascii(`${' '.repeat(1024)}{}`))).toBe('unknown')
    expect(sniff(ascii(`${' '.repeat(1022)}eyJ`))).toBe('unknown')
  })
})

describe('verify() and verifyDetailed() agree', () => {
  it('give the same verdict; only verifyDetailed builds the pictures', async () => {
    const bytes = new Uint8Array(readFileSync('fixtures/pdf/310000-licence-rsa.pdf'))
    const crls = [new Uint8Array(readFileSync('fixtures/pki/310000/rsa/licence-issuer.crl'))]
    const time = new Date('2026-06-01T00:00:00Z')
    const verifier = createVerifier({ crls, time })
    const detailed = await verifier.verifyDetailed(bytes)
    const plain = await verifier.verify(bytes)
    expect(detailed.verdict.status).toBe('recognized')
    expect(plain).toEqual(detailed.verdict)
    expect(await verify(bytes, { crls, time })).toEqual(plain)
    expect(detailed.pictures.length).toBeGreaterThan(0)
  })
})
