/**
 * Verifying many files: in this thread with one verifier (its caches shared by every file),
 * and with `--jobs N` also in up to N-1 worker threads, started only once the files left would
 * take this thread longer than starting a worker costs, and then fed until the queue is empty.
 * Results come back in input order whatever order the threads finish in.
 */
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import { createVerifier, type Verifier } from '../verifier.js'
import type { VerifyOptions } from '../verify.js'
import type { VerifyValues } from './verify-options.js'
import { verifyFile, type FileResult } from './verify-file.js'

/** How a batch runs. */
export interface BatchOptions {
  /** Threads to verify in, this one included; 1 verifies in this thread only. */
  readonly jobs: number
  /** Verify in both languages and keep the pictures (for the HTML report). */
  readonly details: boolean
  /** Called after each file, with the count done so far and that file. */
  readonly onDone?: (done: number, file: string) => void
  /** The verifier of this thread (default: a new one for the batch). */
  readonly verifier?: Verifier
  /**
   * Start workers once the estimated work left in this thread exceeds this many ms (default
   * {@link WORKER_START_MS}; 0 starts them at once). The env `YRD_VERIFY_SPAWN_MS` sets it too.
   */
  readonly spawnAfterMs?: number
  /** Called when workers are started, with how many. */
  readonly onSpawn?: (count: number) => void
}

/**
 * About what a worker thread costs before it helps, in ms of this thread's work: loading the
 * bundle again and warming up its code take ~250 ms of CPU, taken from the same few cores.
 */
export const WORKER_START_MS = 500

/**
 * Tasks a worker holds at once: the next is already there when it posts an answer, which this
 * thread reads only between two of its own files.
 */
const IN_FLIGHT = 2

/** What a worker receives once, at start. */
export interface WorkerSetup {
  readonly values: VerifyValues
  readonly details: boolean
}

/** A task and its answer, as posted between the threads. */
export interface WorkerTask {
  readonly index: number
  readonly file: string
}
export type WorkerAnswer =
  | { readonly index: number; readonly result: FileResult }
  | { readonly index: number; readonly fatal: string }
  | { readonly ready: true }

/**
 * The default number of jobs on `cores` processors: one per 1.5 of them. A verifying thread
 * keeps more than one core busy, since V8 compiles its hot code and collects its garbage in
 * threads of its own (the CLI over 2,400 small PDFs: 3.8 s of CPU in 2.6 s). On 2 cores a
 * second thread therefore only competes with the first: 480 small files took 0.97 s with
 * `--jobs 2` against 0.76 s with `--jobs 1`, and 9,600 took 6.0 s either way.
 */
export function jobsForCores(cores: number): number {
  return Math.max(1, Math.floor(cores / 1.5))
}

/** The default number of jobs on this machine (see {@link jobsForCores}). */
export function defaultJobs(): number {
  return jobsForCores(availableParallelism())
}

/**
 * Starts one worker: the bundled `cli-worker.js` beside the built CLI, or, when running from
 * the TypeScript sources (tsx, vitest), `worker.ts` behind a small bootstrap that registers
 * tsx's loader inside the worker first (a loader registered in this thread does not reach it).
 */
function startWorker(setup: WorkerSetup): Worker {
  const here = import.meta.url
  if (!/\.[cm]?ts$/.test(here)) {
    return new Worker(new URL('./cli-worker.js', here), { workerData: setup })
  }
  const api = pathToFileURL(
    createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href
  const entry = new URL('./worker.ts', here).href
  const boot =
    `import(${JSON.stringify(api)}).then((m) => { m.register(); ` +
    `return import(${JSON.stringify(entry)}) })`
  return new Worker(boot, { eval: true, workerData: setup })
}

function spawnThreshold(batch: BatchOptions): number {
  if (batch.spawnAfterMs !== undefined) return batch.spawnAfterMs
  const env = process.env['YRD_VERIFY_SPAWN_MS']
  return env !== undefined && /^\d{1,7}$/.test(env) ? Number(env) : WORKER_START_MS
}

/**
 * Verifies `files` and resolves to their results in the same order. `values` must carry the
 * resolved validation time (`at`) so that every worker judges at the same instant.
 */
export function runBatch(
  files: readonly string[],
  values: VerifyValues,
  options: VerifyOptions,
  batch: BatchOptions,
): Promise<FileResult[]> {
  const verifier = batch.verifier ?? createVerifier()
  const jobs = Math.min(Math.max(1, Math.floor(batch.jobs)), files.length)
  const threshold = spawnThreshold(batch)
  const results = new Array<FileResult | undefined>(files.length)
  const workers: Worker[] = []
  const setup: WorkerSetup = { values, details: batch.details }
  let next = 0
  let done = 0
  let localDone = 0
  let spawned = false
  return new Promise<FileResult[]>((resolve, reject) => {
    let settled = false
    const finish = (error?: Error) => {
      if (settled) return
      settled = true
      for (const w of workers) void w.terminate()
      if (error) reject(error)
      else resolve(results.map((r, i) => r ?? { file: files[i]!, error: 'no result' }))
    }
    const record = (index: number, result: FileResult) => {
      results[index] = result
      done++
      batch.onDone?.(done, result.file)
      if (done === files.length) finish()
    }
    const feed = (w: Worker) => {
      if (settled || next >= files.length) return
      const task: WorkerTask = { index: next, file: files[next]! }
      next++
      w.postMessage(task)
    }
    const spawn = () => {
      spawned = true
      batch.onSpawn?.(jobs - 1)
      for (let i = 1; i < jobs; i++) {
        const w = startWorker(setup)
        workers.push(w)
        // A worker is fed once it has loaded and is ready, then after each answer.
        w.on('message', (answer: WorkerAnswer) => {
          if ('ready' in answer) {
            for (let k = 0; k < IN_FLIGHT; k++) feed(w)
            return
          }
          if ('fatal' in answer) return finish(new Error(answer.fatal))
          record(answer.index, answer.result)
          feed(w)
        })
        w.on('error', (e) => finish(e))
        w.on('exit', (code) => {
          if (!settled && code !== 0) finish(new Error(`worker stopped with code ${code}`))
        })
      }
    }
    // The estimate is the faster of the last two files' times: the first files run on cold
    // code and say little about the rest (24 small files take ~4 ms each once warm).
    let last = Number.POSITIVE_INFINITY
    let previous = Number.POSITIVE_INFINITY
    const maybeSpawn = () => {
      if (spawned || jobs <= 1) return
      if (threshold === 0) return spawn()
      if (localDone < 2) return
      if ((files.length - next) * Math.min(last, previous) > threshold) spawn()
    }
    const local = async () => {
      maybeSpawn()
      while (!settled && next < files.length) {
        // Files read whole are read and verified without a turn of the event loop: once
        // workers run, this loop yields one turn per file, or their answers (and the tasks
        // sent back) would wait for the end of this loop while the workers sit idle.
        if (spawned) await new Promise((resume) => setImmediate(resume))
        if (settled || next >= files.length) break
        const index = next++
        const t0 = performance.now()
        const result = await verifyFile(files[index]!, options, batch.details, verifier)
        previous = last
        last = performance.now() - t0
        localDone++
        record(index, result)
        maybeSpawn()
      }
    }
    local().catch((e: unknown) => finish(e instanceof Error ? e : new Error(String(e))))
  })
}
