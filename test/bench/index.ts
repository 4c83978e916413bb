/**
 * `npm run bench`: one run, one table. Each figure stands beside the raw crypto and hashing
 * cost it is bounded by, and beside peers measured on the same machine in the same run. The
 * rows are also written as JSON to test/bench/results/ for comparison over time.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import { installNodeCrypto } from '../../src/node.js'
import { benchCrypto } from './crypto.js'
import { benchLicences } from './licences.js'
import { benchPath } from './path.js'
import type { BenchRow } from './types.js'
import { benchVerify } from './verify.js'

function format(value: number): string {
  if (value >= 100) return Math.round(value).toLocaleString('en-US')
  return value.toFixed(value >= 10 ? 1 : 2)
}

function printTable(rows: readonly BenchRow[]): void {
  const width = Math.max(...rows.map((r) => r.name.length), 10)
  let group = ''
  for (const r of rows) {
    if (r.group !== group) {
      group = r.group
      console.log(`\n${group}`)
    }
    const value = `${format(r.value)} ${r.unit}`.padStart(20)
    console.log(`  ${r.name.padEnd(width)} ${value}  ${r.note ?? ''}`.trimEnd())
  }
}

async function main(): Promise<void> {
  installNodeCrypto()
  const started = Date.now()
  const rows: BenchRow[] = []
  for (const part of [benchCrypto, benchPath, benchVerify, benchLicences]) {
    rows.push(...(await part()))
  }
  rows.push(...(await (await import('./pdf.js')).benchPdf()))
  const peak = process.resourceUsage().maxRSS / 1024
  rows.push({ group: 'process', name: 'peak resident memory', value: peak, unit: 'MB' })
  printTable(rows)
  const dir = join(import.meta.dirname, 'results')
  mkdirSync(dir, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  const file = join(dir, `bench-${stamp}.json`)
  const machine = {
    node: process.version,
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    memoryGB: totalmem() / 2 ** 30,
  }
  writeFileSync(
    file,
    `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`,
  )
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  console.log(`\n${rows.length} figures in ${seconds} s; written to ${file}`)
}

await main()
