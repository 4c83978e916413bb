/**
 * The clerk's block under the status line of a recognised licence (issue 5, "What it must
 * show"): province, vouching service, signer, seal, licence type, identifier, holder and
 * validity, labelled in the chosen language, for a PDF, an OFD and a JSON licence.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import pc from 'picocolors'
import { describe, expect, it } from 'vitest'
import { maskPersonal } from '../../src/cli/mask.js'
import { mapOutput } from '../../src/cli/output.js'
import { beijingDate, displayWidth, recognisedRows } from '../../src/cli/recognised-block.js'
import { renderVerdict } from '../../src/cli/render-text.js'
import type { Verdict } from '../../src/verdict/types.js'
import { FIXTURES, runCli } from './helpers.js'

const AT = ['--at', '2026-12-03T00:00:00Z']
const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
  fixtures: { file: string; args?: string[]; expect: { status: string } }[]
}

/** Runs `verify` on a manifest fixture with its arguments (paths made absolute). */
function verifyArgs(file: string): string[] {
  const entry = manifest.fixtures.find((f) => f.file === file)
  if (!entry) throw new Error(`${file} is not in the manifest`)
  const args = (entry.args ?? []).map((a, i, all) =>
    all[i - 1] === '--crl' ? join(FIXTURES, a) : a,
  )
  return ['verify', join(FIXTURES, file), ...args, ...AT, '--jobs', '1']
}

const SAMPLES = [
  {
    file: 'pdf/310000-licence-rsa.pdf',
    zh: ['上海市（310000）', '上海市电子证照签发CA（证照签发服务）', '上海市市场监督管理局 RSA'],
    en: ['Shanghai (310000)', 'Shanghai electronic licence issuing CA (licence issuer)'],
    seal: { zh: '无（未加盖电子印章）', en: 'none (no electronic seal)' },
    holder: '上海市示例科技有限公司',
  },
  {
    file: 'ofd/320000-licence-v4.ofd',
    zh: ['江苏省（320000）', '江苏省电子印章制作中心（电子印章制作服务）'],
    en: ['Jiangsu (320000)', 'Jiangsu electronic seal maker (seal maker)'],
    seal: {
      zh: '江苏省示例科技有限公司公章（32010600000001），有效期 2025-06-01 至 2030-12-31',
      en: '江苏省示例科技有限公司公章 (32010600000001), valid 2025-06-01 to 2030-12-31',
    },
    holder: '江苏省示例科技有限公司',
  },
  {
    file: 'licences/340000-licence.jws',
    zh: ['安徽省（340000）', '安徽省电子证照签发CA（证照签发服务）', '安徽省市场监督管理局'],
    en: ['Anhui (340000)', 'Anhui electronic licence issuing CA (licence issuer)'],
    seal: { zh: '无（未加盖电子印章）', en: 'none (no electronic seal)' },
    holder: '安徽省示例科技有限公司',
  },
] as const

const ZH_LABELS = [
  '省份',
  '担保服务',
  '签署者',
  '印章',
  '证照类型',
  '证照标识',
  '持证主体',
  '有效期',
]
const EN_LABELS = [
  'Province',
  'Vouched for by',
  'Signer',
  'Seal',
  'Licence type',
  'Licence identifier',
  'Holder',
  'Valid',
]

describe('the recognised licence block', () => {
  for (const s of SAMPLES) {
    it(`shows every field for ${s.file} in zh and en`, async () => {
      const json = JSON.parse((await runCli([...verifyArgs(s.file), '--json'])).out) as Verdict
      expect(json.status).toBe('recognized')
      const id = json.licence?.identifier ?? ''
      expect(id).toMatch(/^1\.2\.156\.3005\.2\./)
      for (const lang of ['zh', 'en'] as const) {
        const r = await runCli([...verifyArgs(s.file), '--lang', lang])
        expect(r.code).toBe(0)
        const [first, ...block] = r.out.split('\n')
        // The status line stays exactly as other systems parse it.
        const label = lang === 'zh' ? '予以互认' : 'RECOGNIZED'
        const where = `${json.province?.name} ${json.province?.code}`
        expect(first).toBe(`${label} (recognized)  ${join(FIXTURES, s.file)}  ${where}`)
        expect(block.every((l) => l.startsWith('  '))).toBe(true)
        const text = block.join('\n')
        const labels = lang === 'zh' ? ZH_LABELS : EN_LABELS
        for (const l of labels) expect(block.some((b) => b.trimStart().startsWith(l))).toBe(true)
        for (const value of s[lang]) expect(text).toContain(value)
        expect(text).toContain(s.seal[lang])
        expect(text).toContain(
          lang === 'zh'
            ? '营业执照（11100000MB00001741001）'
            : 'Business licence (11100000MB00001741001)',
        )
        expect(text).toContain(id)
        expect(text).toContain(s.holder)
        expect(text).toContain(json.licence?.holderId ?? 'no holder ID')
        expect(text).toContain(
          lang === 'zh' ? '2025-12-15 至 2045-12-14' : '2025-12-15 to 2045-12-14',
        )
        if (lang === 'en') expect(text).not.toMatch(/省份|签署者|有效期|证照/)
        if (lang === 'zh') expect(text).not.toMatch(/Province|Signer|Valid|Shanghai|Jiangsu/)
      }
    })
  }

  it('is not printed with -q or --json, nor for a rejected licence', async () => {
    const quiet = await runCli([...verifyArgs('pdf/310000-licence-rsa.pdf'), '-q'])
    expect(quiet.out).toBe('')
    const json = await runCli([...verifyArgs('pdf/310000-licence-rsa.pdf'), '--json'])
    expect(() => JSON.parse(json.out) as unknown).not.toThrow()
    const rejected = await runCli([...verifyArgs('licences/licence-expired.jws'), '--lang', 'en'])
    expect(rejected.code).toBe(1)
    expect(rejected.out.split('\n')).toHaveLength(1)
    expect(rejected.out).toMatch(/^REJECTED \(rejected\) .* The licence expired on 2026-06-30/)
  })

  it("names the seal's own failure, not its summary, as the reason", async () => {
    const r = await runCli([...verifyArgs('ofd/broken-maker-signature.ofd'), '--lang', 'en'])
    expect(r.out).toMatch(/SIG_CRYPTO_FAILURE {2}\S/)
    expect(r.out).not.toMatch(/SIG_CRYPTO_FAILURE {2}.*: SIG_CRYPTO_FAILURE$/)
  })

  it('shows the same block in the HTML report, in both languages', async () => {
    const report = join(mkdtempSync(join(tmpdir(), 'yrd-block-')), 'r.html')
    await runCli([...verifyArgs('ofd/320000-licence-v4.ofd'), '--html', report])
    const html = readFileSync(report, 'utf8')
    expect(html).toContain('予以互认 Recognised')
    for (const text of ['担保服务 Vouched for by', '江苏省（320000）', 'Jiangsu (320000)'])
      expect(html).toContain(text)
    expect(html).toContain('valid 2025-06-01 to 2030-12-31')
  })
})

describe('the block itself', () => {
  const detail = {
    province: { code: '310000', zh: '上海市', en: 'Shanghai' },
    via: 'signature',
    services: [{ id: 's', type: 'licence-issuer', name: { zh: '某CA', en: 'A CA' } }],
    signer: '某局',
    seal: null,
    licenceType: { code: '11100000000000099', zh: '某许可证', en: null },
    validity: { from: '2026-01-01', to: null, openEnded: true },
  }
  const verdict: Verdict = {
    kind: 'jws',
    status: 'recognized',
    indication: 'TOTAL_PASSED',
    subIndication: null,
    province: { code: '310000', name: '上海市' },
    signatures: [],
    seals: [],
    certificates: [],
    licence: {
      identifier: '1.2.156.3005.2.x',
      type: '某许可证',
      holder: '张三',
      issuer: '某局',
      issuedOn: '2026-01-01',
      validFrom: '2026-01-01',
      validTo: null,
      holderId: '11010519491231002X',
    },
    checks: [{ code: 'policy.recognised', status: 'passed', message: 'm', detail }],
    validationTime: '2026-12-03T00:00:00.000Z',
    registry: { id: 'test', sequence: 1, sha256: '00', test: true },
  }

  it('gives a type without an English name as its Chinese name and code', () => {
    const value = (key: string) => recognisedRows(verdict, 'en')?.find((r) => r.key === key)
    expect(value('type')?.value).toBe('某许可证 (11100000000000099)')
    expect(value('validity')?.value).toBe('from 2026-01-01, no end date')
    const zh = recognisedRows(verdict, 'zh')?.find((r) => r.key === 'validity')
    expect(zh?.value).toBe('2026-01-01 起长期有效')
  })

  it('masks a citizen ID holder unless --unmask', () => {
    const lines: string[] = []
    const out = mapOutput(
      { out: (l) => lines.push(l), err: () => undefined, color: pc.createColors(false) },
      maskPersonal,
    )
    renderVerdict(out, verdict, 'zh', false)
    expect(lines.join('\n')).toContain('张三（110***********002X）')
    expect(lines.join('\n')).not.toContain('11010519491231002X')
  })

  it('is absent without a passed policy.recognised check, and aligns labels', () => {
    expect(recognisedRows({ ...verdict, checks: [] }, 'zh')).toBeNull()
    expect(recognisedRows({ ...verdict, status: 'rejected' }, 'en')).toBeNull()
    expect(displayWidth('省份：')).toBe(6)
    expect(beijingDate('2025-12-31T16:00:00.000Z')).toBe('2026-01-01')
  })
})
