import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createKeyPem } from '../../fixtures/make/keys.js'
import { buildCertificate, certificatePem, signerFromPem } from '../../fixtures/make/x509.js'
import { isCitizenId15, isCitizenId18, maskPersonal } from '../../src/cli/mask.js'
import { renderHtml } from '../../src/cli/render-html.js'
import type { Verdict } from '../../src/verdict/types.js'
import { runCli } from './helpers.js'

const ID = '310115199003071239'
const ID_X = '11010519491231002X'
const PHONE = '13812345678'

describe('maskPersonal', () => {
  it('masks 18-character IDs with a valid check character, keeping 3 + 4', () => {
    expect(isCitizenId18(ID)).toBe(true)
    expect(isCitizenId18(ID_X)).toBe(true)
    expect(maskPersonal(`身份证 ${ID}`)).toBe('身份证 310***********1239')
    expect(maskPersonal(`id=${ID_X.toLowerCase()},`)).toBe('id=110***********002x,')
  })

  it('leaves 18 digits with a wrong check character alone', () => {
    const wrong = `${ID.slice(0, 17)}0`
    expect(isCitizenId18(wrong)).toBe(false)
    expect(maskPersonal(wrong)).toBe(wrong)
  })

  it('masks 15-digit legacy numbers with a plausible birth date only', () => {
    expect(isCitizenId15('310104851120002')).toBe(true)
    expect(maskPersonal('old 310104851120002')).toBe('old 310********0002')
    expect(isCitizenId15('310104851350002')).toBe(false)
  })

  it('masks mainland mobile numbers, also with +86, but not other digit runs', () => {
    expect(maskPersonal(`电话${PHONE}。`)).toBe('电话138****5678。')
    expect(maskPersonal(`+86${PHONE}`)).toBe('+86138****5678')
    expect(maskPersonal('12812345678 and 1381234567')).toBe('12812345678 and 1381234567')
  })

  it('never touches numbers inside longer tokens such as hashes and serials', () => {
    const hash = `ab${ID}cd${PHONE}ef`
    expect(maskPersonal(hash)).toBe(hash)
    expect(maskPersonal(`9${PHONE}`)).toBe(`9${PHONE}`)
  })
})

describe('personal numbers in CLI output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'yrd-mask-'))
  const key = signerFromPem(createKeyPem('ecdsa'))
  const der = buildCertificate({
    subject: [
      ['C', 'CN'],
      ['CN', '张三'],
      ['serialNumber', ID],
      ['OU', `mobile ${PHONE}`],
    ],
    issuerKey: key,
    subjectKey: key,
    serial: 'mask-test',
    notBefore: new Date('2026-01-01T00:00:00Z'),
    notAfter: new Date('2030-01-01T00:00:00Z'),
  })
  const file = join(dir, 'holder.pem')
  writeFileSync(file, certificatePem(der))

  it('masks the certificate subject in human output and shows it with --unmask', async () => {
    const masked = await runCli(['verify', file, '-v'])
    expect(masked.out).toContain('310***********1239')
    expect(masked.out).toContain('138****5678')
    expect(masked.out).not.toContain(ID)
    expect(masked.out).not.toContain(PHONE)
    const shown = await runCli(['verify', file, '-v', '--unmask'])
    expect(shown.out).toContain(ID)
    expect(shown.out).toContain(PHONE)
  })

  it('masks the subject in inspect text output, not in inspect --json', async () => {
    const text = await runCli(['inspect', file])
    expect(text.out).toContain('310***********1239')
    expect(text.out).not.toContain(ID)
    expect((await runCli(['inspect', file, '--json'])).out).toContain(ID)
  })

  it('keeps the data in --json', async () => {
    const r = await runCli(['verify', file, '--json'])
    const v = JSON.parse(r.out) as Verdict
    expect(v.certificates[0]!.subject).toContain(ID)
    expect(v.certificates[0]!.subject).toContain(PHONE)
  })

  it('masks the HTML report unless --unmask', async () => {
    const report = join(dir, 'report.html')
    await runCli(['verify', file, '--html', report])
    const html = readFileSync(report, 'utf8')
    expect(html).toContain('310***********1239')
    expect(html).not.toContain(ID)
    expect(html).not.toContain(PHONE)
    await runCli(['verify', file, '--html', report, '--unmask'])
    expect(readFileSync(report, 'utf8')).toContain(ID)
  })

  it('masks licence fields in text and HTML output', async () => {
    const { renderVerdict } = await import('../../src/cli/render-text.js')
    const verdict: Verdict = {
      kind: 'ofd',
      status: 'recognized',
      indication: 'TOTAL_PASSED',
      subIndication: null,
      province: { code: '310000', name: '上海市' },
      signatures: [],
      seals: [],
      certificates: [],
      licence: {
        identifier: '1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U',
        type: '11100000000013338W011',
        holder: `张三 ${ID}`,
        issuer: '上海市某局',
        issuedOn: '2026-01-01',
        validFrom: '2026-01-01',
        validTo: null,
      },
      checks: [{ code: 'licence.holder', status: 'passed', message: `电话 ${PHONE}` }],
      validationTime: '2026-12-03T00:00:00.000Z',
      registry: { id: 'test', sequence: 1, sha256: '00', test: true },
    }
    const html = renderHtml(
      { kind: 'verify', lang: 'zh', results: [{ file: 'licence.ofd', verdict }] },
      { unmask: false },
    )
    expect(html).toContain('张三 310***********1239')
    expect(html).toContain('138****5678')
    expect(html).not.toContain(ID)
    const lines: string[] = []
    const { mapOutput } = await import('../../src/cli/output.js')
    const pc = (await import('picocolors')).default
    const out = mapOutput(
      { out: (l) => lines.push(l), err: (l) => lines.push(l), color: pc.createColors(false) },
      maskPersonal,
    )
    renderVerdict(out, verdict, 'en', true)
    expect(lines.join('\n')).toContain('holder 张三 310***********1239')
    expect(lines.join('\n')).not.toContain(ID)
  })
})
