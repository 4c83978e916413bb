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

parentPort?.on('message', (task: WorkerTask) => {
  void (async () => {
    let answer: WorkerAnswer
    try {
      answer = {
        index: task.index,
        result: await verifyFile(task.file, await options, setup.details, verifier),
      }
    } catch (e) {
      answer = { index: task.index, fatal: e instanceof Error ? e.message : String(e) }
    }
    parentPort?.postMessage(answer)
  })()
})
