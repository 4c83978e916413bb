import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCertificate } from '../../src/pki/certificate.js'
import { safeName } from '../../src/cli/inspect/artifacts.js'
import { berLength } from '../../src/cli/inspect/ber-length.js'
import { FIXTURES, ROOT, runCli } from './helpers.js'

const tmp = mkdtempSync(join(tmpdir(), 'yrd-inspect-'))

/** The inspect JSON: a free-form tree, walked by the tests with expectations at each step. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Tree = Record<string, any>

async function inspectJson(argv: string[]) {
  const r = await runCli(['inspect', ...argv, '--json'])
  return { code: r.code, info: JSON.parse(r.out) as Tree, err: r.err }
}

describe('yrd-verify inspect', () => {
  it('shows a PKCS#7 bundle: subject, issuer, serial, validity, key and extensions', async () => {
    const { code, info } = await inspectJson([join(FIXTURES, 'certificates/320000-rsa-signer.p7b')])
    expect(code).toBe(0)
    expect(info.kind).toBe('certificate')
    expect(info.container).toBe('pkcs7')
    const c = info.certificates[0]
    expect(c.subject).toContain('江苏省')
    expect(c.issuer).toContain('CA')
    expect(c.serialNumber).toMatch(/^[0-9a-f]+$/)
    expect(c.publicKey).toEqual({ algorithm: 'rsaEncryption', bits: 2048 })
    const names = c.extensions.map((e: { name: string }) => e.name)
    expect(names).toEqual(expect.arrayContaining(['basicConstraints', 'keyUsage']))
    const ku = c.extensions.find((e: { name: string }) => e.name === 'keyUsage')
    expect(ku.value).toContain('digitalSignature')
  })

  it('opens a PKCS#12 with its password and names the SM2 curve of SM2 certificates', async () => {
    const p12 = await inspectJson([
      join(FIXTURES, 'certificates/330000-ecdsa-signer.p12'),
      '--password',
      'yrd-test',
    ])
    expect([p12.code, p12.info.container, p12.info.hasPrivateKey]).toEqual([0, 'pkcs12', true])
    expect(p12.info.certificates[0].publicKey.curve).toBe('P-256')
    const sm2 = await inspectJson([join(FIXTURES, 'certificates/310000-sm2-signer.pem')])
    expect(sm2.info.certificates[0].publicKey).toMatchObject({ curve: 'SM2', bits: 256 })
  })

  it('shows a seal and extracts its picture and certificates under safe names', async () => {
    const dir = join(tmp, 'seal')
    const r = await runCli([
      'inspect',
      join(FIXTURES, 'seals/310000-seal-v4.esl'),
      '--extract',
      dir,
    ])
    expect(r.code).toBe(0)
    for (const label of ['esID: 31011500000014', 'header:', 'maker:', 'certificateList:']) {
      expect(r.out).toContain(label)
    }
    expect(r.out).toMatch(/widthMm: 40/)
    const files = readdirSync(dir).sort()
    expect(files.some((f) => /^seal-picture\.png$/.test(f))).toBe(true)
    expect(files.filter((f) => f.endsWith('.pem')).length).toBeGreaterThanOrEqual(2)
    const png = readFileSync(join(dir, 'seal-picture.png'))
    expect([...png.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47])
    for (const f of files.filter((n) => n.endsWith('.pem'))) {
      const pem = readFileSync(join(dir, f), 'utf8')
      const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64')
      expect(parseCertificate(new Uint8Array(der)).sha256).toMatch(/^[0-9a-f]{64}$/)
    }
    // Extracting again into the same folder refuses to overwrite (exit 3).
    const again = await runCli([
      'inspect',
      join(FIXTURES, 'seals/310000-seal-v4.esl'),
      '--extract',
      dir,
    ])
    expect(again.code).toBe(3)
  })

  it('shows an OFD licence: references, stamps, seal, custom data, unprotected', async () => {
    const { code, info } = await inspectJson([join(FIXTURES, 'ofd/310000-licence-v4.ofd')])
    expect(code).toBe(0)
    const doc = info.documents[0]
    expect(doc.docInfo.customData.ZZMC).toBe('营业执照')
    const sig = doc.signatures[0]
    expect(sig.type).toBe('Seal')
    expect(sig.references.length).toBeGreaterThan(0)
    for (const ref of sig.references) expect(ref.status).toBe('matched')
    expect(sig.stampAnnotations.length).toBeGreaterThan(0)
    expect(sig.signedValue.format).toBe('ses')
    expect(sig.signedValue.seal.esID).toMatch(/^31/)
    expect(Array.isArray(info.unprotectedFiles)).toBe(true)
    const tampered = await inspectJson([join(FIXTURES, 'ofd/tampered-page.ofd')])
    const statuses = tampered.info.documents[0].signatures[0].references.map(
      (r: { status: string }) => r.status,
    )
    expect(statuses).toContain('mismatched')
  })

  it('shows the CMS signers of a GB/T 35275 signature inside an OFD', async () => {
    const { info } = await inspectJson([join(FIXTURES, 'ofd/320000-sign-gbt35275.ofd')])
    const value = info.documents[0].signatures[0].signedValue
    expect(value.format).toBe('cms')
    expect(value.signers.length).toBe(1)
    expect(value.certificates.length).toBeGreaterThan(0)
  })

  it('shows the real Zhejiang invoice seal whose picture is an OFD drawing', async () => {
    const file = join(ROOT, '../shared/samples/ofd/zj-tax-invoice-v4.ofd')
    const { info } = await inspectJson([file])
    const seal = info.documents[0].signatures[0].signedValue.seal
    expect(seal.esID).toBe('33010600000001')
    expect(seal.picture.format).toBe('ofd')
  })

  it('shows PDF revisions and signatures with byte ranges and their CMS signers', async () => {
    const file = join(ROOT, '../shared/samples/pdf/dss-two-sigs-incsave.pdf')
    const { code, info } = await inspectJson([file])
    expect([code, info.kind]).toEqual([0, 'pdf'])
    expect(info.revisions).toHaveLength(4)
    const [first, second] = info.signatures
    expect(info.signatures).toHaveLength(2)
    expect(first.byteRange).toHaveLength(4)
    expect(first.byteRange[0]).toBe(0)
    expect([first.coversRevision, first.coversWholeFile]).toEqual([1, false])
    expect([second.coversRevision, second.coversWholeFile]).toEqual([3, true])
    expect(first.subFilter).toBe('/ETSI.CAdES.detached')
    expect(first.cms.signers).toHaveLength(1)
    // A CMS with indefinite lengths (BER) followed by zero padding is still read.
    const lt = await inspectJson([join(ROOT, '../shared/samples/pdf/dss-pades-lt-xrefstm.pdf')])
    for (const sig of lt.info.signatures) expect(sig.cms.error).toBeUndefined()
    const bytes = readFileSync(file)
    const cut = join(tmp, 'cut.pdf')
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect([0, 1]).toContain((await runCli(['inspect', cut])).code)
  })

  it('shows a JWS licence: algorithm, headers, x5c certificates, licence fields', async () => {
    const { code, info } = await inspectJson([join(FIXTURES, 'licences/310000-licence.jws')])
    expect([code, info.kind, info.alg, info.serialization]).toEqual([0, 'jws', 'SM2SM3', 'compact'])
    expect(info.protectedHeader.x5c).toBe('2 certificates')
    expect(info.certificates).toHaveLength(2)
    expect(info.certificates[0].publicKey.curve).toBe('SM2')
    expect(info.licence.ZZMC).toBe('营业执照')
    expect(info.licence.ZZBS).toMatch(/^1\.2\.156\.3005\.2\./)
    const detached = await inspectJson([join(FIXTURES, 'licences/detached-no-payload.jws')])
    expect([detached.info.detached, detached.info.licence]).toEqual([true, null])
  })

  it('measures BER elements, definite and indefinite, and refuses broken ones', () => {
    expect(berLength(new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x05, 0, 0, 0]))).toBe(5)
    const indefinite = [0x30, 0x80, 0x02, 0x01, 0x05, 0x30, 0x80, 0, 0, 0, 0, 0, 0, 0]
    expect(berLength(new Uint8Array(indefinite))).toBe(11)
    expect(berLength(new Uint8Array([0x30, 0x80, 0x02, 0x01]))).toBeUndefined()
    expect(berLength(new Uint8Array([0x30, 0x85, 1, 1, 1, 1, 1]))).toBeUndefined()
    const deep = new Uint8Array(400).fill(0x30).map((v, i) => (i % 2 ? 0x80 : v))
    expect(berLength(deep)).toBeUndefined()
  })

  it('never throws on bad input: prints the error and exits 1', async () => {
    const cases = ['random.bin', 'truncated.der', 'garbage.pem'].map((f) =>
      join(FIXTURES, 'certificates', f),
    )
    cases.push(join(FIXTURES, 'ofd/zip-bomb.ofd'), join(FIXTURES, 'ofd/zip-path-traversal.ofd'))
    for (const file of cases) {
      const r = await runCli(['inspect', file])
      expect(r.code, file).toBe(1)
      expect(r.err).toMatch(/^yrd-verify: inspect: /)
      expect(r.err).not.toMatch(/internal error|\n\s+at /)
      const j = await inspectJson([file])
      expect(j.info.error.message.length).toBeGreaterThan(0)
    }
  })

  it('survives truncated and bit-flipped seals and OFD packages', async () => {
    const sources = ['seals/310000-seal-v4.esl', 'ofd/310000-licence-v4.ofd']
    for (const src of sources) {
      const bytes = readFileSync(join(FIXTURES, src))
      for (let i = 0; i < 12; i++) {
        const copy = Buffer.from(bytes.subarray(0, i % 2 ? bytes.length : (bytes.length * i) / 13))
        const at = (i * 7919) % copy.length
        copy[at] = copy[at]! ^ 0x5a
        const file = join(tmp, `mutant-${i}`)
        writeFileSync(file, copy)
        const r = await runCli(['inspect', file])
        expect([0, 1], `${src} #${i}`).toContain(r.code)
        expect(r.err).not.toMatch(/internal error/)
      }
    }
  })

  it('gives usage errors exit 3 and makes safe file names', async () => {
    expect((await runCli(['inspect'])).code).toBe(3)
    expect((await runCli(['inspect', 'a', 'b'])).code).toBe(3)
    expect((await runCli(['inspect', join(tmp, 'missing')])).code).toBe(3)
    const help = await runCli(['inspect', '--help'])
    expect([help.code, help.out]).toEqual([0, expect.stringContaining('--extract DIR')])
    expect(safeName('../../etc/passwd')).toBe('etc_passwd')
    expect(safeName('印章 picture.png')).toBe('picture.png')
  })
})
