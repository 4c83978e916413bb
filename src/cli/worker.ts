/**
 * The batch worker thread (Node-only): builds the verify options once from the run's values,
 * then verifies each file it is sent and posts the result back.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { installNodeCrypto } from '../node.js'
import { createVerifier } from '../verifier.js'
import type { WorkerAnswer, WorkerSetup, WorkerTask } from './batch.js'
import { verifyFile } from './verify-file.js'
import { verifyOptionsFrom } from './verify-options.js'

installNodeCrypto()
const setup = workerData as WorkerSetup
const options = verifyOptionsFrom(setup.values)
// A rejected promise here is reported with the first task rather than crashing the thread.
options.catch(() => undefined)
// One verifier per thread: its caches serve every file this thread is given.
const verifier = createVerifier()

const ready = () => parentPort?.postMessage({ ready: true } satisfies WorkerAnswer)
options.then(ready, ready)

async function answer(task: WorkerTask): Promise<WorkerAnswer> {
  try {
    const result = await verifyFile(task.file, await options, setup.details, verifier)
    return { index: task.index, result }
  } catch (e) {
    return { index: task.index, fatal: e instanceof Error ? e.message : String(e) }
  }
}

// Tasks arrive ahead of need (see IN_FLIGHT in batch.ts) and are verified one at a time, so
// that a worker holds one file's memory at once, as the main thread does.
const queue: WorkerTask[] = []
let busy = false
parentPort?.on('message', (task: WorkerTask) => {
  queue.push(task)
  if (busy) return
  busy = true
  void (async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      parentPort?.postMessage(await answer(next))
    }
    busy = false
  })()
})
