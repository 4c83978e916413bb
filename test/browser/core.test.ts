/**
 * The core in a browser: `src/index.ts` bundled by esbuild for the browser (no Node built-in
 * may be reached), served from 127.0.0.1, loaded in headless Chromium, and `verify()` called
 * in the page on fixtures — RSA, ECDSA and SM2 signers, a revoked one, OFD licences (SM2 and
 * SM3 in pure JS), a tampered OFD, a standalone seal, a signed PDF — with each verdict's
 * status and subIndication compared with the manifest.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FIXTURES, FUZZ_TIME, loadSeeds } from '../fuzz/fixtures.js'
import { bundleForBrowser, type Bundle } from './bundle.js'
import { serve, type TestServer } from './server.js'

const CASES = [
  'certificates/310000-rsa-signer.pem',
  'certificates/310000-ecdsa-signer.pem',
  'certificates/310000-sm2-signer.pem',
  'certificates/310000-sm2-signer-revoked.pem',
  'ofd/310000-licence-v4.ofd',
  'ofd/320000-sign-gbt35275.ofd',
  'ofd/tampered-page.ofd',
  'seals/310000-seal-v4.esl',
  'pdf/310000-licence-sm2.pdf',
]

interface ManifestEntry {
  readonly file: string
  readonly args?: readonly string[]
}

const ARGS = new Map(
  (
    JSON.parse(readFileSync(join(FIXTURES, 'manifest.json'), 'utf8')) as {
      fixtures: ManifestEntry[]
    }
  ).fixtures.map((f) => [f.file, f.args ?? []]),
)

/** The CRL paths among a fixture's manifest arguments. */
function crlPaths(args: readonly string[]): string[] {
  return args.flatMap((a, i) => (args[i - 1] === '--crl' ? [a] : []))
}

describe('browser: the bundled core verifies fixtures in headless Chromium', () => {
  let bundle: Bundle
  let server: TestServer
  let context: BrowserContext
  let page: Page
  const profile = mkdtempSync(join(tmpdir(), 'yrd-browser-'))
  const outside: string[] = []

  beforeAll(async () => {
    bundle = await bundleForBrowser()
    server = await serve(bundle.code)
    context = await chromium.launchPersistentContext(profile, {
      executablePath: '/usr/bin/chromium',
      headless: true,
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
    context.on('request', (r) => {
      if (!r.url().startsWith(server.origin)) outside.push(r.url())
    })
    page = context.pages()[0] ?? (await context.newPage())
    await page.goto(`${server.origin}/`)
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached', timeout: 60_000 })
  }, 120_000)

  afterAll(async () => {
    await context?.close()
    await server?.close()
    rmSync(profile, { recursive: true, force: true })
  })

  it('bundles without Node built-ins: the core runs on browser code only', () => {
    expect(bundle.bytes).toBeGreaterThan(100_000)
    expect(bundle.inputs.some((i) => i.startsWith('node:'))).toBe(false)
    expect(bundle.inputs).toContain('src/index.ts')
    expect(bundle.inputs).not.toContain('src/node.ts')
    expect(bundle.inputs).not.toContain('src/crypto/node-backend.ts')
  })

  it('refuses to bundle an entry that reaches a node: import, naming the chain', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'yrd-bundle-'))
    try {
      writeFileSync(
        join(dir, 'leaf.ts'),
        "import { readFileSync } from 'node:fs'\nexport const r = readFileSync\n",
      )
      writeFileSync(join(dir, 'entry.ts'), "export { r } from './leaf.ts'\n")
      const failure = await bundleForBrowser(join(dir, 'entry.ts')).then(
        () => 'bundled',
        (e: Error) => e.message,
      )
      expect(failure).toMatch(/Node built-in node:fs <- .*leaf\.ts <- .*entry\.ts/)
      writeFileSync(
        join(dir, 'leaf.ts'),
        "import { createHash } from 'crypto'\nexport const r = createHash\n",
      )
      const bare = await bundleForBrowser(join(dir, 'entry.ts')).then(
        () => 'bundled',
        (e: Error) => e.message,
      )
      expect(bare).toMatch(/Node built-in crypto <- .*leaf\.ts <- .*entry\.ts/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  const manifest = new Map(loadSeeds().map((s) => [s.file, s]))
  for (const file of CASES) {
    it(`${file}: the manifest verdict, in the page`, async () => {
      const seed = manifest.get(file)
      expect(seed, file).toBeDefined()
      const args = ARGS.get(file) ?? []
      const verdict = await page.evaluate(
        async ({ file, crls, time }) => {
          const get = async (p: string) => {
            const r = await fetch(`/fixtures/${p}`)
            if (!r.ok) throw new Error(`${p}: HTTP ${r.status}`)
            return new Uint8Array(await r.arrayBuffer())
          }
          const yrd = (window as unknown as { yrd: typeof import('../../src/index.js') }).yrd
          const v = await yrd.verify(await get(file), {
            crls: await Promise.all(crls.map(get)),
            time: new Date(time),
          })
          return { kind: v.kind, status: v.status, subIndication: v.subIndication }
        },
        { file, crls: crlPaths(args), time: FUZZ_TIME.toISOString() },
      )
      expect({ status: verdict.status, subIndication: verdict.subIndication }).toEqual(seed!.expect)
      expect(verdict.kind).toBe(seed!.kind)
      expect(outside).toEqual([])
    })
  }
})
