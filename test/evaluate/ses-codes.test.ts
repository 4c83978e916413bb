/**
 * The seal code tables and the certificate-list helpers: every `seal.*`/`ses.*` code the
 * evaluator or parser emits is registered in both languages, digest names map to hashes,
 * and malformed list entries are reported.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hash } from '../../src/crypto/hash.js'
import {
  certDigestAlgorithm,
  certListFindings,
  signerInList,
} from '../../src/evaluate/ses-cert-list.js'
import { SEAL_CODES, SES_CODES } from '../../src/evaluate/ses-codes.js'
import { codeText } from '../../src/verdict/messages.js'
import { parties } from '../formats/ses/helpers.js'

const SOURCES = [
  ...['ses.ts', 'ses-seal.ts', 'ses-steps.ts', 'ses-time.ts', 'ses-cert-list.ts'].map(
    (f) => new URL(`../../src/evaluate/${f}`, import.meta.url),
  ),
  ...readdirSync(new URL('../../src/formats/ses/', import.meta.url)).map(
    (f) => new URL(`../../src/formats/ses/${f}`, import.meta.url),
  ),
]

describe('seal check codes', () => {
  it('are dotted lower-case with Chinese and English texts', () => {
    for (const [code, text] of Object.entries({ ...SEAL_CODES, ...SES_CODES })) {
      expect(code).toMatch(/^(seal|ses)\.[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(text.en).toMatch(/^[\x20-\x7e×–]+$/)
      expect(codeText(code)).toEqual(text)
    }
  })

  it('cover every code the sources emit', () => {
    const emitted = new Set<string>()
    for (const url of SOURCES) {
      const text = readFileSync(url, 'utf8')
      for (const m of text.matchAll(/code: '((?:seal|ses)\.[a-z0-9-]+)'/g)) emitted.add(m[1]!)
      for (const m of text.matchAll(/`\$\{prefix\}(-[a-z]+)`/g)) {
        emitted.add(`seal.maker-signature${m[1]}`)
        emitted.add(`ses.signature${m[1]}`)
      }
    }
    expect(emitted.size).toBeGreaterThan(30)
    for (const code of emitted) expect(codeText(code), code).toBeDefined()
  })
})

describe('certificate list helpers', () => {
  it('maps digest names and OIDs, refusing MD5 and unknown names', () => {
    expect(certDigestAlgorithm('SM3')).toBe('SM3')
    expect(certDigestAlgorithm('sm3')).toBe('SM3')
    expect(certDigestAlgorithm('SHA256')).toBe('SHA-256')
    expect(certDigestAlgorithm('sha-1')).toBe('SHA-1')
    expect(certDigestAlgorithm('1.2.156.10197.1.401')).toBe('SM3')
    expect(certDigestAlgorithm('MD5')).toBeUndefined()
    expect(certDigestAlgorithm('1.2.840.113549.2.5')).toBeUndefined()
    expect(certDigestAlgorithm('SM4')).toBeUndefined()
  })

  it('reports entries that are not certificates or have unusable digests', () => {
    const cert = parties().signer.cert
    const bad = certListFindings({ kind: 'certificates', certificates: [cert, cert.subarray(1)] })
    expect(bad).toMatchObject([
      { code: 'seal.cert-list-certificate', status: 'failed', subIndication: 'FORMAT_FAILURE' },
    ])
    const digests = certListFindings({
      kind: 'digests',
      digests: [
        { type: 'MD5', value: new Uint8Array(16) },
        { type: 'SHA256', value: new Uint8Array(31) },
      ],
    })
    expect(digests.map((f) => [f.code, f.status, f.params?.index])).toEqual([
      ['seal.cert-list-digest', 'indeterminate', 1],
      ['seal.cert-list-digest', 'indeterminate', 2],
    ])
    expect(certListFindings({ kind: 'certificates', certificates: [] })).toMatchObject([
      { code: 'seal.cert-list-empty', status: 'warning' },
    ])
  })

  it('finds a signer by DER or by any supported digest, not by a near miss', () => {
    const p = parties()
    const cert = p.signer.cert
    expect(signerInList({ kind: 'certificates', certificates: [p.maker.cert, cert] }, cert)).toBe(
      'certificate',
    )
    const sha = { type: 'SHA256', value: hash('SHA-256', cert) }
    expect(signerInList({ kind: 'digests', digests: [sha] }, cert)).toBe('SHA-256 digest')
    const wrong = { type: 'SM3', value: hash('SM3', p.maker.cert) }
    expect(signerInList({ kind: 'digests', digests: [wrong] }, cert)).toBeUndefined()
    const md5 = { type: 'MD5', value: hash('MD5', cert) }
    expect(signerInList({ kind: 'digests', digests: [md5] }, cert)).toBeUndefined()
  })
})
