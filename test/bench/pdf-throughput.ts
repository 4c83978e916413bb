/**
 * Large signed PDFs (Node-only): generates a ~50 MB and a ~500 MB signed licence into a
 * temporary folder and measures, on the same bytes, our `verify()` throughput and peak memory
 * (in a child process with a heap cap and a timeout), SHA-256 throughput with node:crypto, and
 * the peers `pdfsig` (poppler) and `mutool sign -v` (mupdf) by wall time.
 */
import { join } from 'node:path'
import { LARGE_SIGNER, writeLargeSignedPdf } from './pdf-large.js'
import { timed, verifyInChild, type Timed } from './pdf-run.js'
import type { BenchRow } from './types.js'

const MB = 1024 * 1024
/** A small signed licence verified once in the child before the timed run. */
const WARM = 'fixtures/pdf/310000-licence-rsa.pdf'

/** Sizes of the generated files: name, payload bytes, child timeout. */
const SIZES = [
  { label: '50 MB', payload: 50 * MB, timeoutMs: 120_000 },
  { label: '500 MB', payload: 500 * MB, timeoutMs: 300_000 },
] as const

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
    const out = verifyInChild(file, {
      crls: [LARGE_SIGNER.crl],
      sha: true,
      warm: WARM,
      timeoutMs: size.timeoutMs,
      heapMB: 2048,
    })
    const bytes = made.size
    const sizeNote = `${(bytes / MB).toFixed(1)} MB written in ${genSeconds.toFixed(1)} s`
    if (!out.ok) {
      const note = `no verdict: ${out.reason} (heap cap 2048 MB)`
      rows.push({ group, name: 'verify() of the bytes', value: 0, unit: 'MB/s', note })
      rows.push(...peerRows(group, file, bytes, have))
      continue
    }
    const r = out.result
    const sha = r.shaSeconds === null ? Number.NaN : mbps(bytes, r.shaSeconds)
    const ours = mbps(bytes, r.verifySeconds)
    rows.push({
      group,
      name: 'SHA-256 (node:crypto), same bytes',
      value: sha,
      unit: 'MB/s',
      note: `raw hashing limit; ${sizeNote}`,
    })
    rows.push({
      group,
      name: 'verify() of the bytes',
      value: ours,
      unit: 'MB/s',
      note:
        `${((ours / sha) * 100).toFixed(1)}% of SHA-256 (goal >= 50%); ` +
        `${r.verifySeconds.toFixed(2)} s after a warm-up verification ` +
        `(${(r.warmSeconds ?? 0).toFixed(2)} s cold on ${WARM.split('/').pop()}); ` +
        `verdict ${r.status}`,
    })
    rows.push({
      group,
      name: 'verify() peak resident memory',
      value: r.maxRssMB,
      unit: 'MB',
      note:
        `child maxRSS, includes the ${(bytes / MB).toFixed(0)} MB read into memory ` +
        `(file read ${r.readSeconds.toFixed(2)} s)`,
    })
    rows.push(...peerRows(group, file, bytes, have))
  }
  return rows
}
