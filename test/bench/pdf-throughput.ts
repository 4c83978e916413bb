/**
 * Large signed PDFs (Node-only): generates a ~50 MB and a ~500 MB signed licence into a
 * temporary folder and measures, each in a child process (`pdf-large.ts --measure`) after a
 * warm-up: `verify()` of the bytes in memory (median of repeats) and `verifyFile(path)` with
 * on-demand reading (MB/s and peak resident memory, goal < 200 MB for 500 MB), each beside
 * SHA-256 over the same bytes in the same child, and the peers `pdfsig` (poppler) and
 * `mutool sign -v` (mupdf) by wall time.
 */
import { join } from 'node:path'
import { writeLargeSignedPdf, type LargeMeasure } from './pdf-large.js'
import { median, REPO, timed, type Timed } from './pdf-run.js'
import type { BenchRow } from './types.js'

const MB = 1024 * 1024
/** Peak resident memory goal of a 500 MB PDF verified from its path. */
const RSS_GOAL_MB = 200

/** Sizes of the generated files: name, payload bytes, repeats per mode, child timeout. */
const SIZES = [
  { label: '50 MB', payload: 50 * MB, repeat: 5, timeoutMs: 120_000 },
  { label: '500 MB', payload: 500 * MB, repeat: 2, timeoutMs: 300_000 },
] as const

/** Runs the measuring child; null with a reason when it gives no result. */
function measure(file: string, mode: 'bytes' | 'path', repeat: number, timeoutMs: number) {
  const script = join(REPO, 'test/bench/pdf-large.ts')
  const args = ['--max-old-space-size=2048', '--import', 'tsx', script, '--measure', file, mode]
  const t = timed(process.execPath, [...args, String(repeat)], timeoutMs)
  try {
    return {
      ok: true as const,
      m: JSON.parse(t.stdout.trim().split('\n').pop() ?? '') as LargeMeasure,
    }
  } catch {
    const why = t.timedOut ? 'timed out' : t.stderr.trim().split('\n').slice(-2).join(' | ')
    return { ok: false as const, reason: why.slice(0, 200) }
  }
}

function spread(m: LargeMeasure): string {
  const s = m.seconds.map((x) => x.toFixed(3)).join(', ')
  return `runs ${s} s; first ${((m.seconds[0] ?? 0) * 1000).toFixed(0)} ms`
}

/** Rows of one mode: throughput beside SHA-256 of the same child, and peak memory. */
function modeRows(group: string, mode: 'bytes' | 'path', m: LargeMeasure): BenchRow[] {
  const sha = mbps(m.bytes, m.shaSeconds)
  const ours = mbps(m.bytes, median(m.seconds))
  const name = mode === 'bytes' ? 'verify() of the bytes, in memory' : 'verifyFile(path), paged'
  const shaName =
    mode === 'bytes' ? 'SHA-256 (node:crypto), same bytes in memory' : 'SHA-256, same file streamed'
  const rows: BenchRow[] = [
    { group, name: shaName, value: sha, unit: 'MB/s', note: 'raw hashing limit, same child' },
    {
      group,
      name,
      value: ours,
      unit: 'MB/s',
      note: `${((ours / sha) * 100).toFixed(1)}% of SHA-256 (goal >= 50%); median; ${spread(m)}; verdict ${m.status}`,
    },
  ]
  const goal = mode === 'path' ? `goal < ${RSS_GOAL_MB} MB for 500 MB; ` : ''
  const what = mode === 'path' ? 'file read on demand' : 'includes the file read whole'
  rows.push({
    group,
    name: `${name}: peak resident memory`,
    value: m.maxRssMB,
    unit: 'MB',
    note: `${goal}child maxRSS, ${what}`,
  })
  return rows
}

function mbps(bytes: number, seconds: number): number {
  return bytes / MB / Math.max(seconds, 1e-9)
}

/** Peer rows (pdfsig, mutool) for one file, or a skip note when the tool is absent. */
function peerRows(group: string, file: string, bytes: number, have: Peers): BenchRow[] {
  const rows: BenchRow[] = []
  const peers = [
    { name: 'pdfsig (poppler), wall', cmd: 'pdfsig', args: [file], ok: have.pdfsig },
    {
      name: 'mutool sign -v (mupdf), wall',
      cmd: 'mutool',
      args: ['sign', '-v', file],
      ok: have.mutool,
    },
  ]
  for (const p of peers) {
    if (!p.ok) {
      rows.push({
        group,
        name: p.name,
        value: 0,
        unit: 'MB/s',
        note: `skipped: ${p.cmd} not installed`,
      })
      continue
    }
    const t = timed(p.cmd, p.args, 300_000)
    rows.push({
      group,
      name: p.name,
      value: mbps(bytes, t.seconds),
      unit: 'MB/s',
      note: peerNote(t),
    })
  }
  return rows
}

function peerNote(t: Timed): string {
  if (t.timedOut) return `timed out after ${t.seconds.toFixed(1)} s`
  const text = `${t.stdout}\n${t.stderr}`
  const verdict =
    /Signature is Valid/.test(text) || /unchanged since signing/.test(text)
      ? 'signature valid'
      : `exit ${t.code ?? 'signal'}, no valid signature reported`
  return `${t.seconds.toFixed(2)} s incl. start-up; ${verdict}`
}

/** Which peers are installed. */
export interface Peers {
  readonly pdfsig: boolean
  readonly mutool: boolean
}

/** Throughput rows of the 50 MB and 500 MB signed licences generated into `dir`. */
export function benchLargePdfs(dir: string, have: Peers): BenchRow[] {
  const rows: BenchRow[] = []
  for (const size of SIZES) {
    const group = `PDF: ${size.label} signed licence (entire file signed, RSA CMS)`
    const file = join(dir, `licence-${size.label.replace(' ', '')}.pdf`)
    const g0 = performance.now()
    const made = writeLargeSignedPdf(file, size.payload)
    const genSeconds = (performance.now() - g0) / 1000
    rows.push({
      group,
      name: 'file',
      value: made.size / MB,
      unit: 'MB',
      note: `generated in ${genSeconds.toFixed(1)} s`,
    })
    for (const mode of ['bytes', 'path'] as const) {
      const r = measure(file, mode, size.repeat, size.timeoutMs)
      if (r.ok) rows.push(...modeRows(group, mode, r.m))
      else rows.push({ group, name: `${mode}: no verdict`, value: 0, unit: 'MB/s', note: r.reason })
    }
    rows.push(...peerRows(group, file, made.size, have))
  }
  return rows
}
