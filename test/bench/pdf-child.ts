/**
 * Child process of the PDF benchmark and the large-file tests (Node-only): reads one file,
 * runs `verify()` on its bytes, optionally hashes the same bytes with SHA-256, and prints one
 * JSON line with the verdict, the times and the peak resident memory of this process, so the
 * memory figure belongs to one verification alone.
 *
 * Usage: node --import tsx test/bench/pdf-child.ts FILE [--sha] [--crl CRL]... [--at ISO]
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
  readonly readSeconds: number
  readonly verifySeconds: number
  readonly shaSeconds: number | null
  readonly maxRssMB: number
}

interface Flat {
  readonly status?: unknown
  readonly code?: unknown
  readonly checks?: readonly Flat[]
  readonly signatures?: readonly Flat[]
}

function failedCodes(v: Flat, out: string[]): string[] {
  for (const c of v.checks ?? []) {
    if (c.status !== 'passed' && typeof c.code === 'string' && out.length < 10) out.push(c.code)
  }
  for (const s of v.signatures ?? []) failedCodes(s, out)
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
  const t0 = performance.now()
  const bytes = new Uint8Array(readFileSync(file))
  const t1 = performance.now()
  const verdict = await verify(bytes, { crls, ...(at ? { time: new Date(at) } : {}) })
  const t2 = performance.now()
  let shaSeconds: number | null = null
  if (args.includes('--sha')) {
    createHash('sha256').update(bytes).digest()
    shaSeconds = (performance.now() - t2) / 1000
  }
  const v = verdict as unknown as Flat & { subIndication?: string | null }
  const result: ChildResult = {
    bytes: bytes.length,
    status: String(verdict.status),
    subIndication: v.subIndication ?? null,
    failed: failedCodes(v, []),
    readSeconds: (t1 - t0) / 1000,
    verifySeconds: (t2 - t1) / 1000,
    shaSeconds,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

await main()
