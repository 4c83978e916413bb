/**
 * A watchdog for fuzzing (Node-only test code): tasks run in a worker thread; one that has not
 * answered within the time bound is reported as `timeout` and its worker is terminated and
 * replaced, so a hang fails the property instead of freezing the suite.
 */
import { Worker } from 'node:worker_threads'

/** Time bound of one task, in milliseconds. */
export const TASK_BOUND_MS = 5_000

/** What the worker is asked to do. */
export type Task =
  | {
      readonly op: 'verify'
      readonly bytes: Uint8Array
      readonly crls: Uint8Array[]
      readonly ocspResponses: Uint8Array[]
      readonly password?: string
      readonly time: string
    }
  | {
      readonly op: 'read'
      readonly reader: string
      readonly bytes: Uint8Array
      readonly password?: string
    }
  /** Never ends: shows that the watchdog stops a hang (its own test). */
  | { readonly op: 'spin' }

/** What came of a task. */
export type Outcome =
  | { readonly kind: 'verdict'; readonly status: string; readonly subIndication: string | null }
  | { readonly kind: 'returned' }
  | {
      readonly kind: 'threw'
      readonly yrd: boolean
      readonly name: string
      readonly code: string | null
      readonly message: string
      readonly stack: string
    }
  | { readonly kind: 'timeout'; readonly ms: number }
  | { readonly kind: 'crashed'; readonly message: string }

// Workers do not inherit tsx from a vitest worker: register it, then load the TS entry.
const BOOT = `import('tsx/esm/api').then((tsx) => {
  tsx.register()
  return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)})
})`

interface Pending {
  readonly worker: Worker
  readonly resolve: (o: Outcome) => void
  readonly timer: NodeJS.Timeout
}

/** One worker thread and the task it is running. */
export class Watchdog {
  private worker: Worker | undefined
  private next = 0
  private pending = new Map<number, Pending>()

  constructor(private readonly boundMs = TASK_BOUND_MS) {}

  private spawn(): Worker {
    const w = new Worker(BOOT, { eval: true })
    w.on('message', (m: { id: number; outcome: Outcome }) => this.settle(m.id, m.outcome))
    w.on('error', (e) => this.failAll(w, `worker error: ${e.stack ?? e.message}`))
    w.on('exit', (code) => {
      if (this.worker === w) this.worker = undefined
      this.failAll(w, `worker exited with code ${code}`)
    })
    this.worker = w
    return w
  }

  private settle(id: number, outcome: Outcome): void {
    const p = this.pending.get(id)
    if (!p) return
    clearTimeout(p.timer)
    this.pending.delete(id)
    p.resolve(outcome)
  }

  /** Settles the tasks of a worker that died (not those of its replacement). */
  private failAll(w: Worker, message: string): void {
    for (const [id, p] of [...this.pending]) {
      if (p.worker === w) this.settle(id, { kind: 'crashed', message })
    }
  }

  /** Runs a task; resolves to its outcome, `timeout` past the bound, `crashed` on worker death. */
  run(task: Task, boundMs = this.boundMs): Promise<Outcome> {
    const w = this.worker ?? this.spawn()
    const id = this.next++
    return new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id)
        resolve({ kind: 'timeout', ms: boundMs })
        this.worker = undefined
        void w.terminate()
      }, boundMs)
      this.pending.set(id, { worker: w, resolve, timer })
      w.postMessage({ id, task })
    })
  }

  /**
   * Starts the worker and loads the library in it (compiling it through tsx takes seconds),
   * so that the time bound of the first real task measures that task only.
   */
  async warmUp(): Promise<void> {
    const outcome = await this.run(
      { op: 'read', reader: 'parseCertificate', bytes: new Uint8Array([0x30, 0x00]) },
      120_000,
    )
    if (outcome.kind === 'timeout' || outcome.kind === 'crashed') {
      throw new Error(`fuzz worker did not start: ${JSON.stringify(outcome)}`)
    }
  }

  /** Stops the worker. */
  async close(): Promise<void> {
    const w = this.worker
    this.worker = undefined
    if (w) await w.terminate()
  }
}
