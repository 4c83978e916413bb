/**
 * Child process of the PDF benchmark and the large-file tests (Node-only): reads one file,
 * runs `verify()` on its bytes, optionally hashes the same bytes with SHA-256, and prints one
 * JSON line with the verdict, the times and the peak resident memory of this process, so the
 * memory figure belongs to one verification alone.
 *
 * Usage: node --import tsx test/bench/pdf-child.ts FILE [--sha] [--warm SMALL] [--crl CRL]...
 * `--warm` verifies another (small) file first, so the timed run measures warm code, as in a
 * long-running service; the cold time is reported as well.
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { installNodeCrypto } from '../../src/node.js'
import { verify } from '../../src/verify.js'

/** The JSON line the child prints. */
export interface ChildResult {
  readonly bytes: number
  readonly status: string
  readonly subIndication: string | null
  /** Codes of the checks that did not pass (at most ten). */
  readonly failed: readonly string[]
  /** Their English messages, in the same order. */
  readonly messages: readonly string[]
  readonly readSeconds: number
  readonly verifySeconds: number
  /** Time of the warm-up verification of the small file, when asked. */
  readonly warmSeconds: number | null
  readonly shaSeconds: number | null
  readonly maxRssMB: number
}

interface Flat {
  readonly status?: unknown
  readonly code?: unknown
  readonly message?: unknown
  readonly checks?: readonly Flat[]
  readonly signatures?: readonly Flat[]
}

function failedChecks(v: Flat, out: Flat[]): Flat[] {
  for (const c of v.checks ?? []) if (c.status !== 'passed' && out.length < 10) out.push(c)
  for (const s of v.signatures ?? []) failedChecks(s, out)
  return out
}

async function main(): Promise<void> {
  installNodeCrypto()
  const args = process.argv.slice(2)
  const file = args[0]
  if (!file) throw new Error('usage: pdf-child.ts FILE [--sha] [--crl CRL]... [--at ISO]')
  const crls = args
    .filter((_, i) => args[i - 1] === '--crl')
    .map((p) => new Uint8Array(readFileSync(p)))
  const at = args.find((_, i) => args[i - 1] === '--at')
  const warm = args.find((_, i) => args[i - 1] === '--warm')
  let warmSeconds: number | null = null
  if (warm) {
    const w0 = performance.now()
    await verify(new Uint8Array(readFileSync(warm)))
    warmSeconds = (performance.now() - w0) / 1000
  }
  const t0 = performance.now()
  const buf = readFileSync(file)
  // A view, not a copy: the memory figure then holds the file once.
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length)
  const t1 = performance.now()
  const verdict = await verify(bytes, { crls, lang: 'en', ...(at ? { time: new Date(at) } : {}) })
  const t2 = performance.now()
  let shaSeconds: number | null = null
  if (args.includes('--sha')) {
    createHash('sha256').update(bytes).digest()
    shaSeconds = (performance.now() - t2) / 1000
  }
  const v = verdict as unknown as Flat & { subIndication?: string | null }
  const failed = failedChecks(v, [])
  const result: ChildResult = {
    bytes: bytes.length,
    status: String(verdict.status),
    subIndication: v.subIndication ?? null,
    failed: failed.map((c) => String(c.code)),
    messages: failed.map((c) => String(c.message)),
    readSeconds: (t1 - t0) / 1000,
    verifySeconds: (t2 - t1) / 1000,
    warmSeconds,
    shaSeconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

await main()
