/**
 * Verifying many files: in process with one job, otherwise across worker threads. Results come
 * back in input order whatever order the workers finish in.
 */
import { createRequire } from 'node:module'
import { availableParallelism } from 'node:os'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { VerifyOptions } from '../verify.js'
import type { VerifyValues } from './verify-options.js'
import { verifyFile, type FileResult } from './verify-file.js'

/** How a batch runs. */
export interface BatchOptions {
  /** Worker threads to use; 1 verifies in this thread. */
  readonly jobs: number
  /** Verify in both languages and keep the pictures (for the HTML report). */
  readonly details: boolean
  /** Called after each file, with the count done so far and that file. */
  readonly onDone?: (done: number, file: string) => void
}

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

/** The default number of jobs: the machine's parallelism. */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism())
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

/**
 * Verifies `files` and resolves to their results in the same order. `values` must carry the
 * resolved validation time (`at`) so that every worker judges at the same instant.
 */
export async function runBatch(
  files: readonly string[],
  values: VerifyValues,
  options: VerifyOptions,
  batch: BatchOptions,
): Promise<FileResult[]> {
  const jobs = Math.min(Math.max(1, Math.floor(batch.jobs)), files.length)
  if (jobs <= 1) {
    const results: FileResult[] = []
    for (const file of files) {
      results.push(await verifyFile(file, options, batch.details))
      batch.onDone?.(results.length, file)
    }
    return results
  }
  return inWorkers(files, { values, details: batch.details }, jobs, batch.onDone)
}

function inWorkers(
  files: readonly string[],
  setup: WorkerSetup,
  jobs: number,
  onDone: BatchOptions['onDone'],
): Promise<FileResult[]> {
  const results = new Array<FileResult | undefined>(files.length)
  const workers: Worker[] = []
  let next = 0
  let done = 0
  return new Promise<FileResult[]>((resolve, reject) => {
    let settled = false
    const finish = (error?: Error) => {
      if (settled) return
      settled = true
      for (const w of workers) void w.terminate()
      if (error) reject(error)
      else resolve(results.map((r, i) => r ?? { file: files[i]!, error: 'no result' }))
    }
    const feed = (w: Worker) => {
      if (next >= files.length) return
      const task: WorkerTask = { index: next, file: files[next]! }
      next++
      w.postMessage(task)
    }
    for (let i = 0; i < jobs; i++) {
      const w = startWorker(setup)
      workers.push(w)
      w.on('message', (answer: WorkerAnswer) => {
        if ('fatal' in answer) return finish(new Error(answer.fatal))
        results[answer.index] = answer.result
        done++
        onDone?.(done, answer.result.file)
        if (done === files.length) finish()
        else feed(w)
      })
      w.on('error', (e) => finish(e))
      w.on('exit', (code) => {
        if (!settled && code !== 0) finish(new Error(`worker stopped with code ${code}`))
      })
      feed(w)
    }
  })
}
