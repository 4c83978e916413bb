import { describe, expect, it } from 'vitest'
import { FormatError } from '../../../src/errors.js'
import { derBlocks, parseMany, parseTarget } from '../../../src/pki/path/input.js'
import { makeCert, pem } from './helpers/pki.js'

const text = (s: string) => new TextEncoder().encode(s)

describe('certificate inputs', () => {
  const a = makeCert({ subject: 'A', ca: true })
  const b = makeCert({ subject: 'B', issuer: a })

  it('reads every certificate of a PEM bundle and skips other blocks', () => {
    const bundle = text(
      `junk\n${new TextDecoder().decode(pem(a.der))}-----BEGIN PRIVATE KEY-----\nAAAA\n` +
        `-----END PRIVATE KEY-----\n${new TextDecoder().decode(pem(b.der))}`,
    )
    const certs = parseMany([bundle])
    expect(certs.map((c) => c.subject.text.split(',')[0])).toEqual(['CN=A', 'CN=B'])
  })

  it('skips unparsable extras and returns the same objects for the same buffer', () => {
    const buffer = a.der
    const first = parseMany([new Uint8Array([0x30, 0x01]), buffer, text('-----BEGIN X')])
    expect(first).toHaveLength(1)
    expect(parseMany([buffer])[0]).toBe(first[0])
  })

  it('parses a buffer again when its bytes were changed in place since', () => {
    const buffer = a.der.slice()
    expect(parseMany([buffer])[0]?.subject.text).toMatch(/^CN=A/)
    // The same array now holds B (as much of it as fits, then zeros): never A again.
    buffer.fill(0)
    buffer.set(b.der.subarray(0, Math.min(buffer.length, b.der.length)))
    const again = parseMany([buffer])
    expect(again.some((c) => c.subject.text.startsWith('CN=A'))).toBe(false)
    if (b.der.length === buffer.length) expect(again[0]?.subject.text).toMatch(/^CN=B/)
  })

  it('parses the target or throws FormatError', () => {
    expect(parseTarget(pem(b.der)).subject.text).toMatch(/^CN=B/)
    expect(() =>
      parseTarget(text('-----BEGIN CERTIFICATE-----\n@@@@\n-----END CERTIFICATE-----')),
    ).toThrow(FormatError)
    expect(() => parseTarget(text('-----BEGIN NOTHING-----'))).toThrow(FormatError)
  })

  it('passes DER through derBlocks unchanged', () => {
    expect(derBlocks(a.der, ['CERTIFICATE'])[0]).toBe(a.der)
  })

  it('scans hostile PEM text in linear time', () => {
    const hostile = text('x' + '-----BEGIN CERTIFICATE-----AAAA'.repeat(200_000))
    const start = performance.now()
    expect(() => derBlocks(hostile, ['CERTIFICATE'])).toThrow(FormatError)
    expect(performance.now() - start).toBeLessThan(1000)
  })
})
