import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  buildTimestampResponse,
  buildTimestampToken,
  TEST_TSA_POLICY,
} from '../../../fixtures/make/tsp.js'
import { hash } from '../../../src/crypto/hash.js'
import { FormatError } from '../../../src/errors.js'
import { parseTimestampToken } from '../../../src/pki/timestamp/token.js'
import { verifyTimestamp, type TimestampVerification } from '../../../src/pki/timestamp/verify.js'
import { makePki, type Issued, type TestPki } from '../ocsp/test-pki.js'

const DATA = new TextEncoder().encode('签名值 signature value to be time-stamped')
const GEN_TIME = new Date('2026-03-01T08:30:00.250Z')

function statusOf(r: TimestampVerification, code: string): string | undefined {
  return r.checks.find((c) => c.code === code)?.status
}

for (const family of ['ecdsa', 'sm2', 'rsa'] as const) {
  describe(`RFC 3161 tokens (${family})`, () => {
    let pki: TestPki
    const hashAlg = family === 'sm2' ? 'SM3' : 'SHA-256'
    const token = (tsa?: Issued, extra: Partial<Parameters<typeof buildTimestampToken>[0]> = {}) =>
      buildTimestampToken({
        tsaKey: (tsa ?? pki.tsa).key,
        tsaCert: (tsa ?? pki.tsa).der,
        imprint: hash(hashAlg, DATA),
        hashAlg,
        genTime: GEN_TIME,
        serial: 0x1234_5678,
        accuracy: { seconds: 1, millis: 500 },
        nonce: new Uint8Array([0x01, 0x02, 0x03]),
        ...extra,
      })
    beforeAll(() => {
      pki = makePki(family)
    })

    it('verifies a token built by fixtures/make/tsp.ts', async () => {
      const r = await verifyTimestamp(token(), { data: DATA, nonce: '010203' })
      expect(r.intact).toBe(true)
      expect(r.signatureValid).toBe(true)
      expect(r.imprintMatches).toBe(true)
      expect(r.genTime.toISOString()).toBe(GEN_TIME.toISOString())
      expect(r.policy).toBe(TEST_TSA_POLICY)
      expect(r.serial).toBe('12345678')
      expect(r.accuracy).toEqual({ seconds: 1, millis: 500, micros: 0 })
      expect(r.tsaCertificate?.sha256).toBe(pki.tsa.cert.sha256)
      expect(r.checks.every((c) => c.status === 'passed' || c.code === 'timestamp.chain')).toBe(
        true,
      )
      // Without a path validator the chain is unknown, so the token is not declared valid.
      expect(statusOf(r, 'timestamp.chain')).toBe('indeterminate')
      expect(r.valid).toBe(false)
    })

    it('is valid only when the chain validator accepts the TSA certificate', async () => {
      const seen: string[] = []
      const ok = await verifyTimestamp(token(), {
        data: DATA,
        validateChain: async (cert, _others, time) => {
          seen.push(`${cert.subject.text}@${time.toISOString()}`)
          return { valid: true }
        },
      })
      expect(ok.valid).toBe(true)
      expect(seen).toEqual([`${pki.tsa.cert.subject.text}@${GEN_TIME.toISOString()}`])
      const bad = await verifyTimestamp(token(), {
        data: DATA,
        validateChain: async () => ({ valid: false, reason: 'chain.no-path' }),
      })
      expect(bad.valid).toBe(false)
      expect(bad.intact).toBe(true)
      expect(statusOf(bad, 'timestamp.chain')).toBe('failed')
    })

    it('accepts a digest instead of data, a TimeStampResp and ESSCertID v1', async () => {
      const r1 = await verifyTimestamp(token(), { digest: hash(hashAlg, DATA) })
      expect(r1.imprintMatches).toBe(true)
      const r2 = await verifyTimestamp(buildTimestampResponse(token()), { data: DATA })
      expect(r2.intact).toBe(true)
      const r3 = await verifyTimestamp(token(undefined, { ess: 'v1' }), { data: DATA })
      expect(r3.intact).toBe(true)
    })

    it('reports an altered imprint as a mismatch', async () => {
      const other = new TextEncoder().encode('other data')
      const r = await verifyTimestamp(token(), { data: other })
      expect(r.imprintMatches).toBe(false)
      expect(r.signatureValid).toBe(true)
      expect(r.intact).toBe(false)
      const forged = await verifyTimestamp(token(undefined, { imprint: hash(hashAlg, other) }), {
        data: DATA,
      })
      expect(forged.imprintMatches).toBe(false)
    })

    it('reports an altered signature as invalid', async () => {
      const der = token()
      const bad = der.slice()
      bad[bad.length - 1]! ^= 0x01
      const r = await verifyTimestamp(bad, { data: DATA })
      expect(r.signatureValid).toBe(false)
      expect(statusOf(r, 'timestamp.signature')).toBe('failed')
      expect(r.intact).toBe(false)
    })

    it('detects an altered TSTInfo through messageDigest', async () => {
      const der = token()
      const at = indexOf(der, new TextEncoder().encode('20260301083000.25Z'))
      const bad = der.slice()
      bad[at + 3] = 0x37 // 2026 -> 2027
      const r = await verifyTimestamp(bad, { data: DATA })
      expect(statusOf(r, 'timestamp.message-digest')).toBe('failed')
      expect(r.intact).toBe(false)
    })

    it('refuses a TSA certificate without a critical timeStamping EKU', async () => {
      const none = await verifyTimestamp(token(pki.tsaNoEku), { data: DATA })
      expect(none.signatureValid).toBe(true)
      expect(statusOf(none, 'timestamp.tsa-eku')).toBe('failed')
      expect(none.intact).toBe(false)
      const soft = await verifyTimestamp(token(pki.tsaNonCritical), { data: DATA })
      expect(statusOf(soft, 'timestamp.tsa-eku')).toBe('failed')
      expect(soft.intact).toBe(false)
    })

    it('needs the TSA certificate and a matching signing-certificate attribute', async () => {
      const bare = token(undefined, { includeCertificate: false })
      const missing = await verifyTimestamp(bare, { data: DATA })
      expect(statusOf(missing, 'timestamp.tsa-certificate')).toBe('failed')
      expect(missing.intact).toBe(false)
      const supplied = await verifyTimestamp(bare, { data: DATA, certificates: [pki.tsa.der] })
      expect(supplied.intact).toBe(true)
      const noEss = await verifyTimestamp(token(undefined, { ess: 'none' }), { data: DATA })
      expect(statusOf(noEss, 'timestamp.signing-certificate')).toBe('failed')
    })

    it('refuses genTime outside the TSA certificate validity and a wrong nonce', async () => {
      const late = await verifyTimestamp(
        token(undefined, { genTime: new Date('2041-01-01T00:00:00Z') }),
        {
          data: DATA,
        },
      )
      expect(statusOf(late, 'timestamp.tsa-validity')).toBe('failed')
      const nonce = await verifyTimestamp(token(), { data: DATA, nonce: '0a0b' })
      expect(statusOf(nonce, 'timestamp.nonce')).toBe('failed')
    })
  })
}

describe('time-stamp parsing', () => {
  it('is deterministic', () => {
    const pki = makePki('ecdsa')
    const spec = {
      tsaKey: pki.tsa.key,
      tsaCert: pki.tsa.der,
      imprint: new Uint8Array(createHash('sha256').update(DATA).digest()),
      hashAlg: 'SHA-256',
      genTime: GEN_TIME,
      serial: 7,
    }
    expect(buildTimestampToken(spec)).toEqual(buildTimestampToken(spec))
  })

  it('throws typed errors on garbage and truncation, never anything else', () => {
    const pki = makePki('ecdsa')
    const der = buildTimestampToken({
      tsaKey: pki.tsa.key,
      tsaCert: pki.tsa.der,
      imprint: hash('SHA-256', DATA),
      hashAlg: 'SHA-256',
      genTime: GEN_TIME,
      serial: 7,
    })
    for (let n = 0; n < der.length; n += 7) {
      expect(() => parseTimestampToken(der.subarray(0, n))).toThrow(FormatError)
    }
    for (let i = 0; i < 200; i++) {
      const junk = der.slice()
      const at = (i * 37) % junk.length
      junk[at] = junk[at]! ^ 0xff
      try {
        parseTimestampToken(junk)
      } catch (e) {
        expect((e as { code?: unknown }).code).toMatch(/^(format|limit)\./)
      }
    }
    const refused = new Uint8Array([0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02])
    expect(() => parseTimestampToken(refused)).toThrow(/status 2/)
  })
})

function indexOf(hay: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer
    return i
  }
  throw new Error('needle not found')
}
