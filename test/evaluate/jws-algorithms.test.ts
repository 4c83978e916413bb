/**
 * Signed JSON licences with the JOSE algorithms the fixtures do not use: RS256 in the
 * flattened serialization, PS256 with the same RSA key, and EdDSA (and its fully specified
 * name Ed25519) with an Ed25519 certificate issued in the test by the Shanghai RSA licence
 * issuer CA of the committed PKI, so that each chains to the TEST registry and is recognised.
 * A payload changed after signing is SIG_CRYPTO_FAILURE for every one of them.
 */
import { constants, createPrivateKey, generateKeyPairSync, sign as nodeSign } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { signJws } from '../../fixtures/make/jws-sign.js'
import { licenceJson } from '../../fixtures/make/licence-fixtures.js'
import { businessLicence } from '../../fixtures/make/ofd-licence.js'
import {
  caIssuersUrl,
  caName,
  crlUrl,
  DATES,
  governmentUscc,
  licenceAuthority,
  ocspUrl,
  orgName,
  PROVINCES,
  SERVICE_NAME,
} from '../../fixtures/make/pki-names.js'
import { signerFromKeyFile } from '../../fixtures/make/signer.js'
import { buildCertificate } from '../../fixtures/make/x509.js'
import { verify } from '../../src/verify.js'
import { certDer, repo } from '../fixtures/helpers.js'
import { AT, fixture } from './licence-helpers.js'

const sh = PROVINCES.find((p) => p.code === '310000')!
const payload = licenceJson(businessLicence(sh, 1))
const crls = [fixture('pki/310000/rsa/licence-issuer.crl')]
const KEYS = 'fixtures/pki/keys/310000/rsa'
const rsaLeaf = certDer('fixtures/pki/310000/rsa/licence-org.pem')
const rsaSigner = signerFromKeyFile(repo(`${KEYS}/licence-issuer-leaf.pem`))

const ed = generateKeyPairSync('ed25519')
/** The licence authority's Ed25519 certificate, under the RSA licence issuer CA. */
const edLeaf = buildCertificate({
  subject: orgName(sh, licenceAuthority(sh), governmentUscc(sh, 1), 'Ed25519 licence signer'),
  issuer: caName(sh, `${sh.zh}${SERVICE_NAME['licence-issuer'].zh} RSA`),
  issuerKey: signerFromKeyFile(repo(`${KEYS}/licence-issuer.pem`)),
  subjectKey: { spki: new Uint8Array(ed.publicKey.export({ type: 'spki', format: 'der' })) },
  serial: 'jws-ed25519-licence-signer',
  notBefore: DATES.leafFrom,
  notAfter: DATES.leafTo,
  basicConstraints: { ca: false },
  keyUsage: ['digitalSignature', 'nonRepudiation'],
  crlUrls: [crlUrl(sh, 'rsa-licence-issuer')],
  ocspUrls: [ocspUrl(sh, 'rsa-licence-issuer')],
  caIssuersUrls: [caIssuersUrl(sh, 'rsa-licence-issuer')],
})

const enc = (s: string) => new TextEncoder().encode(s)
const b64u = (b: Uint8Array | string) =>
  Buffer.from(typeof b === 'string' ? enc(b) : b).toString('base64url')
const run = (text: string) => verify(enc(text), { time: AT, crls })

/** A JWS signed with node:crypto for the `alg` given (compact or flattened). */
function jws(alg: string, leaf: Uint8Array, sign: (input: Uint8Array) => Uint8Array, flat = false) {
  const header = { alg, typ: 'yrd-licence+jws', x5c: [Buffer.from(leaf).toString('base64')] }
  const h = b64u(JSON.stringify(header))
  const p = b64u(payload)
  const s = b64u(sign(enc(`${h}.${p}`)))
  return flat ? JSON.stringify({ protected: h, payload: p, signature: s }) : `${h}.${p}.${s}`
}

/** The fixture Signer signs PKCS#1 v1.5 only; PSS needs the key itself. */
const rsaKey = createPrivateKey({ key: Buffer.from(rsaSigner.pkcs8), format: 'der', type: 'pkcs8' })
const pss = (input: Uint8Array) =>
  new Uint8Array(
    nodeSign('sha256', input, {
      key: rsaKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 32,
    }),
  )
const eddsa = (input: Uint8Array) => new Uint8Array(nodeSign(null, input, ed.privateKey))

const CASES: [string, () => string][] = [
  [
    'RS256, flattened',
    () => signJws({ payload, signer: rsaSigner, chain: [rsaLeaf], serialization: 'flattened' }),
  ],
  ['PS256, compact', () => jws('PS256', rsaLeaf, pss)],
  ['PS256, flattened', () => jws('PS256', rsaLeaf, pss, true)],
  ['EdDSA, compact', () => jws('EdDSA', edLeaf, eddsa)],
  ['EdDSA, flattened', () => jws('EdDSA', edLeaf, eddsa, true)],
  ['Ed25519 (RFC 9864 name), compact', () => jws('Ed25519', edLeaf, eddsa)],
]

/** The text with its payload changed after signing (the licence's 2045 made 2055). */
function tampered(text: string): string {
  const original = b64u(payload)
  const changed = b64u(new TextDecoder().decode(payload).replace('2045', '2055'))
  expect(changed).not.toBe(original)
  expect(text).toContain(original)
  return text.replace(original, changed)
}

describe('signed JSON licences with RS256 flattened, PS256 and EdDSA', () => {
  for (const [name, make] of CASES) {
    it(`${name}: recognised; a tampered payload is SIG_CRYPTO_FAILURE`, async () => {
      const text = make()
      const v = await run(text)
      const checks = v.signatures.flatMap((s) => s.checks)
      expect(checks.filter((c) => c.status === 'failed')).toEqual([])
      expect(checks.find((c) => c.code === 'jws.signature')?.status).toBe('passed')
      expect([v.kind, v.status, v.province?.code]).toEqual(['jws', 'recognized', '310000'])

      const bad = await run(tampered(text))
      expect([bad.status, bad.subIndication]).toEqual(['rejected', 'SIG_CRYPTO_FAILURE'])
      const failed = bad.signatures.flatMap((s) => s.checks).filter((c) => c.status === 'failed')
      expect(failed.map((c) => c.code)).toContain('jws.signature-invalid')
    })
  }

  it('an alg that does not fit the key is refused, not verified with another scheme', async () => {
    // RS256 bytes labelled PS256, and an Ed25519 signature labelled RS256.
    const rs = (input: Uint8Array) => rsaSigner.sign(input)
    expect((await run(jws('PS256', rsaLeaf, rs))).subIndication).toBe('SIG_CRYPTO_FAILURE')
    expect((await run(jws('RS256', edLeaf, eddsa))).subIndication).toBe('SIG_CRYPTO_FAILURE')
  })
})
