/**
 * Hostile and corrupted input: truncations, byte flips and random bytes never escape as
 * anything but a FormatError with a `format.ses.*` code; bounds on size and list length hold;
 * the sniffer never takes a certificate, a CMS ContentInfo or noise for a seal.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { derOctets, derSequence } from '../../../fixtures/make/der.js'
import { buildTimestampToken } from '../../../fixtures/make/tsp.js'
import { hash } from '../../../src/crypto/hash.js'
import { FormatError } from '../../../src/errors.js'
import {
  MAX_CERT_LIST,
  MAX_SES_BYTES,
  parseSeal,
  parseSesSignature,
  sniffSes,
} from '../../../src/formats/ses/index.js'
import { buildSeal } from '../../../fixtures/make/ses.js'
import { parties, sample, sealSignature, sealSpec, zjInvoice } from './helpers.js'

/** Parses and reports 'ok' or the error code; fails the test on any other exception. */
function outcome(parse: (b: Uint8Array) => unknown, bytes: Uint8Array): string {
  try {
    parse(bytes)
    return 'ok'
  } catch (e) {
    if (!(e instanceof FormatError)) throw e
    expect(e.code).toMatch(/^format\.ses\./)
    return e.code
  }
}

/** A small deterministic PRNG (xorshift32). */
function prng(seed: number): () => number {
  let x = seed
  return () => {
    x ^= x << 13
    x ^= x >>> 17
    x ^= x << 5
    return (x >>> 0) / 0x100000000
  }
}

const inputs = () => [
  { name: 'UserV1.esl', bytes: sample('UserV1.esl'), parse: parseSeal },
  { name: 'UserV5.esl', bytes: sample('UserV5.esl'), parse: parseSeal },
  { name: 'zj SignedValue.dat', bytes: zjInvoice().signedValue, parse: parseSesSignature },
  {
    name: 'synthetic v1 signature',
    bytes: sealSignature({ version: 1 }, { version: 1 }).der,
    parse: parseSesSignature,
  },
]

describe('corrupted DER', () => {
  for (const input of inputs()) {
    it(`${input.name}: every truncation is a FormatError`, () => {
      const { bytes, parse } = input
      const step = Math.max(1, Math.floor(bytes.length / 400))
      for (let n = 0; n < bytes.length; n += step) {
        expect(outcome(parse, bytes.subarray(0, n))).not.toBe('ok')
      }
      expect(outcome(parse, bytes.subarray(0, bytes.length - 1))).not.toBe('ok')
    })

    it(`${input.name}: byte flips parse or fail with format.ses.*`, () => {
      const { bytes, parse } = input
      const rnd = prng(0x5e5 + bytes.length)
      const seen = new Set<string>()
      for (let i = 0; i < 400; i++) {
        const copy = bytes.slice()
        const at = Math.floor(rnd() * copy.length)
        copy[at] = copy[at]! ^ (1 + Math.floor(rnd() * 255))
        seen.add(outcome(parse, copy))
      }
      expect([...seen].some((c) => c !== 'ok')).toBe(true)
    })
  }

  it('random bytes and random DER-looking prefixes never escape as other errors', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.boolean(), (data, prefixed) => {
        const bytes = prefixed ? Uint8Array.from([0x30, 0x82, 0x01, 0x00, ...data]) : data
        expect(outcome(parseSeal, bytes)).not.toBe('ok')
        expect(outcome(parseSesSignature, bytes)).not.toBe('ok')
        expect(['seal', 'ses-signature', undefined]).toContain(sniffSes(bytes))
      }),
      { numRuns: 500, seed: 38540 },
    )
  })

  it('trailing bytes after a seal are refused', () => {
    const bytes = Uint8Array.from([...sample('UserV4.esl'), 0])
    expect(outcome(parseSeal, bytes)).toBe('format.ses.trailing')
    expect(sniffSes(bytes)).toBeUndefined()
  })

  it('deep nesting is refused at once', () => {
    const depth = 5000
    const bytes = new Uint8Array(depth * 2)
    for (let i = 0; i < depth; i++) {
      bytes[2 * i] = 0x30
      bytes[2 * i + 1] = 0x80
    }
    expect(outcome(parseSeal, bytes)).not.toBe('ok')
    expect(outcome(parseSesSignature, bytes)).not.toBe('ok')
  })
})

describe('bounds', () => {
  it('refuses inputs over MAX_SES_BYTES before reading them', () => {
    const big = new Uint8Array(MAX_SES_BYTES + 1)
    expect(outcome(parseSeal, big)).toBe('format.ses.limit')
    expect(outcome(parseSesSignature, big)).toBe('format.ses.limit')
  })

  it(`refuses a certificate list of more than ${MAX_CERT_LIST} entries`, () => {
    const cert = parties().signer.cert
    const ok = buildSeal(
      sealSpec({ certList: { type: 1, certs: Array(MAX_CERT_LIST).fill(cert) } }),
    )
    expect(parseSeal(ok.der).property.certList).toMatchObject({ kind: 'certificates' })
    const tooMany = buildSeal(
      sealSpec({ certList: { type: 1, certs: Array(MAX_CERT_LIST + 1).fill(cert) } }),
    )
    expect(outcome(parseSeal, tooMany.der)).toBe('format.ses.structure')
  })

  it('refuses a signature value that is neither DER nor 64 bytes', () => {
    const built = sealSignature()
    const parsed = parseSesSignature(built.der)
    const wrong = parsed.signature.subarray(0, 60)
    const bad = derSequence([
      built.tbs,
      derOctets(parties().signer.cert),
      Uint8Array.from([0x06, 0x08, 0x2a, 0x81, 0x1c, 0xcf, 0x55, 0x01, 0x83, 0x75]),
      Uint8Array.from([0x03, wrong.length + 1, 0, ...wrong]),
    ])
    expect(outcome(parseSesSignature, bad)).toBe('format.ses.signature-value')
  })
})

describe('sniffSes', () => {
  it('does not take certificates, CMS or time-stamp tokens for seals', () => {
    const p = parties()
    expect(sniffSes(p.signer.cert)).toBeUndefined()
    expect(sniffSes(p.tsaCa)).toBeUndefined()
    const token = buildTimestampToken({
      tsaKey: p.tsa.key,
      tsaCert: p.tsa.cert,
      imprint: hash('SM3', new Uint8Array([1])),
      hashAlg: 'SM3',
      genTime: new Date('2026-01-01T00:00:00Z'),
      serial: 1,
    })
    expect(sniffSes(token)).toBeUndefined()
    expect(sniffSes(new Uint8Array())).toBeUndefined()
    expect(
      sniffSes(derSequence([derOctets(new Uint8Array([1])), derOctets(new Uint8Array())])),
    ).toBeUndefined()
  })
})
