/**
 * Standalone CMS files: sniffing (signatures yes, certs-only bundles no) and reading.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildSignedData } from '../../../fixtures/make/cms.js'
import { YrdError } from '../../../src/errors.js'
import { readCmsFile } from '../../../src/formats/cms/read.js'
import { looksLikeSignedData, sniffCms } from '../../../src/formats/cms/sniff.js'
import { certDer, CONTENT, keyOf, opensslSign, pkiPath } from '../../pki/cms/helpers.js'

function certsOnlyBundle(): Uint8Array {
  const out = execFileSync('openssl', [
    'crl2pkcs7',
    '-nocrl',
    '-certfile',
    pkiPath('310000/rsa/signer.pem'),
    '-outform',
    'DER',
  ])
  return new Uint8Array(out)
}

describe('sniffCms', () => {
  it('recognises detached, attached, BER and GB/T 35275 signatures', () => {
    expect(sniffCms(opensslSign({ family: 'rsa' }))).toBe(true)
    expect(sniffCms(opensslSign({ family: 'ecdsa', attached: true }))).toBe(true)
    expect(sniffCms(opensslSign({ family: 'rsa', attached: true, stream: true }))).toBe(true)
    const { der } = buildSignedData({
      profile: 'gbt35275',
      content: CONTENT,
      signer: {
        cert: certDer('310000/sm2/signer.pem'),
        key: keyOf('310000/sm2/signature-ca-leaf.pem'),
      },
      signedAttributes: {},
    })
    expect(sniffCms(der)).toBe(true)
  })

  it('leaves certs-only bundles, certificates and junk alone', () => {
    const p7b = certsOnlyBundle()
    expect(looksLikeSignedData(p7b)).toBe(true)
    expect(sniffCms(p7b)).toBe(false)
    expect(sniffCms(certDer('310000/rsa/signer.pem'))).toBe(false)
    expect(sniffCms(new TextEncoder().encode('%PDF-1.7 hello'))).toBe(false)
    expect(sniffCms(new Uint8Array(0))).toBe(false)
    expect(sniffCms(readFileSync(pkiPath('310000/rsa/signer.pem')))).toBe(false)
  })
})

describe('readCmsFile', () => {
  it('says whether the content is attached', () => {
    expect(readCmsFile(opensslSign({ family: 'rsa' })).attached).toBe(false)
    const attached = readCmsFile(opensslSign({ family: 'rsa', attached: true }))
    expect(attached.attached).toBe(true)
    expect(attached.signerCount).toBe(1)
    expect(attached.signedData.eContent).toEqual(CONTENT)
  })

  it('refuses a certs-only bundle with format.cms-no-signer', () => {
    expect(() => readCmsFile(certsOnlyBundle())).toThrow(
      expect.objectContaining({ code: 'format.cms-no-signer' }),
    )
  })

  it('refuses truncated input with a YrdError', () => {
    const der = opensslSign({ family: 'rsa', attached: true })
    expect(() => readCmsFile(der.subarray(0, der.length - 1))).toThrow(YrdError)
  })
})
