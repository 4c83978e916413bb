import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { chromium, type BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES, ROOT, runCli } from './helpers.js'

const ARTIFACTS = join(ROOT, 'test/artifacts')
const INVOICE = join(ROOT, '../shared/samples/ofd/zj-tax-invoice-v4.ofd')
const dir = mkdtempSync(join(tmpdir(), 'yrd-html-'))
let browser: BrowserContext

beforeAll(async () => {
  // A fresh profile every run (Playwright passes it as --user-data-dir).
  browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'yrd-chromium-')), {
    viewport: { width: 1200, height: 900 },
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

/** Opens a report offline and returns the page, failing on any network request. */
async function open(file: string) {
  const context = { close: async () => page.close() }
  const requests: string[] = []
  browser.on('request', (r) => {
    if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url())
  })
  const page = await browser.newPage()
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' })
  return { page, requests, context }
}

describe('the HTML report in headless Chromium', () => {
  it('verify --html: both languages, chain, province, seal pictures side by side', async () => {
    const report = join(dir, 'verify.html')
    const licence = join(FIXTURES, 'ofd/310000-licence-v4.ofd')
    const seal = join(FIXTURES, 'seals/310000-seal-v4.esl')
    const pdf = join(FIXTURES, 'pdf/330000-licence-seal.pdf')
    const r = await runCli(['verify', licence, seal, INVOICE, pdf, '--html', report, '--jobs', '1'])
    expect(r.code).toBe(2)
    const html = readFileSync(report, 'utf8')
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">/)
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/i)
    const { page, requests, context } = await open(report)
    const text = await page.innerText('body')
    for (const expected of [
      '验证报告 · Verification report',
      '310000-licence-v4.ofd',
      '无法确定 · Indeterminate',
      '上海市',
      '证书链 chain',
      '33010600000001',
      '显示的外观 displayed',
      '签名的印章 signed',
      'OFD vector seal drawing, not drawn here',
    ]) {
      expect(text).toContain(expected)
    }
    // The reasons appear in Chinese and in English.
    expect(text).toMatch(/[\u4e00-\u9fff]{4,}/)
    expect(text).toMatch(/\b(revocation|certificate|trust|registry)\b/i)
    const widths = await page.$$eval('img', (imgs) =>
      imgs.map((i) => (i as HTMLImageElement).naturalWidth),
    )
    expect(widths.length).toBeGreaterThanOrEqual(5)
    for (const w of widths) expect(w).toBeGreaterThan(0)
    // The licence's signature shows its displayed and signed picture next to each other.
    const pairs = await page.$$eval('.pics', (els) =>
      els.map((e) => e.querySelectorAll('img').length),
    )
    expect(pairs.filter((n) => n === 2).length).toBeGreaterThanOrEqual(2)
    expect(text).toContain('330000-licence-seal.pdf')
    expect(requests).toEqual([])
    await context.close()
  }, 120_000)

  it('audit --html: every fixture, expected and actual, a summary, a screenshot', async () => {
    const report = join(dir, 'audit.html')
    const r = await runCli(['audit', FIXTURES, '--html', report])
    // The report states exactly what the audit printed (its own test demands 0 failed).
    const [, passed, failed] = /^(\d+) passed, (\d+) failed$/.exec(r.out.split('\n').at(-1)!)!
    expect(r.code).toBe(failed === '0' ? 0 : 1)
    const manifest = JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
      fixtures: { file: string }[]
    }
    const { page, requests, context } = await open(report)
    const n = manifest.fixtures.length
    expect(Number(passed) + Number(failed)).toBe(n)
    expect(await page.innerText('#audit-total')).toBe(
      `${passed} 通过 passed, ${failed} 未通过 failed`,
    )
    expect(await page.locator('section.doc span.fail').count()).toBe(Number(failed))
    expect(await page.locator('section.doc').count()).toBe(n)
    const text = await page.innerText('body')
    for (const f of manifest.fixtures) expect(text).toContain(f.file)
    expect(text.match(/预期 expected/g)).toHaveLength(n)
    const widths = await page.$$eval('img', (imgs) =>
      imgs.map((i) => (i as HTMLImageElement).naturalWidth),
    )
    expect(widths.length).toBeGreaterThan(0)
    for (const w of widths) expect(w).toBeGreaterThan(0)
    expect(requests).toEqual([])
    mkdirSync(ARTIFACTS, { recursive: true })
    const shot = join(ARTIFACTS, 'report.png')
    await page.screenshot({ path: shot, fullPage: false })
    expect(statSync(shot).size).toBeGreaterThan(10_000)
    const pictures = page.locator('.pics:has(img)').first()
    await pictures.scrollIntoViewIfNeeded()
    await pictures.screenshot({ path: join(ARTIFACTS, 'report-pictures.png') })
    await context.close()
  }, 180_000)
})
