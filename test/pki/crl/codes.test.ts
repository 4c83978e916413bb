import { beforeAll, describe, expect, it } from 'vitest'
import { setCryptoBackend } from '../../../src/crypto/backend.js'
import { nodeCryptoBackend } from '../../../src/crypto/node-backend.js'
import { parseCertificate } from '../../../src/pki/certificate.js'
import { CRL_CODES } from '../../../src/pki/crl/codes.js'
import { createCrlSource } from '../../../src/pki/crl/source.js'
import { makeCert, makeCrl } from '../path/helpers/pki.js'

beforeAll(() => setCryptoBackend(nodeCryptoBackend))

describe('CRL codes', () => {
  it('have Chinese and English texts', () => {
    for (const [code, text] of Object.entries(CRL_CODES)) {
      expect(code).toMatch(/^revocation\.crl\.[a-z-]+$/)
      expect(text.zh).toMatch(/[\u4e00-\u9fff]/)
      expect(text.en).toMatch(/^[a-z]/)
    }
  })

  it('give the message of an unknown answer', async () => {
    const root = makeCert({ subject: 'Root', ca: true })
    const leaf = makeCert({ subject: 'Leaf', issuer: root })
    const r = parseCertificate(root.der)
    const source = createCrlSource([makeCrl({ issuer: root, nextUpdate: new Date('2023-01-01') })])
    const st = await source.check({
      certificate: parseCertificate(leaf.der),
      issuer: r,
      time: new Date('2025-01-01'),
      path: [r],
    })
    expect(st.code).toBe('revocation.crl.stale')
    const text = CRL_CODES['revocation.crl.stale']
    expect(st.message).toBe(`${text.zh} / ${text.en}`)
  })
})
