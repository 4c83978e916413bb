/**
 * The watchdog's worker thread (Node-only test code): runs one task at a time — `verify()` on
 * some bytes, or one reader — and posts back what happened, including any exception's class,
 * code and stack, so that the main thread can judge it and stop a task that hangs.
 */
import { parentPort } from 'node:worker_threads'
import { YrdError } from '../../src/errors.js'
import { installNodeCrypto, verify } from '../../src/node.js'
import { READERS } from './readers.js'
import type { Outcome, Task } from './watchdog.js'

installNodeCrypto()

function thrown(e: unknown): Outcome {
  const error = e instanceof Error ? e : new Error(String(e))
  return {
    kind: 'threw',
    yrd: e instanceof YrdError,
    name: error.name,
    code: e instanceof YrdError ? e.code : null,
    message: error.message,
    stack: error.stack ?? '',
  }
}

async function run(task: Task): Promise<Outcome> {
  try {
    if (task.op === 'verify') {
      const v = await verify(task.bytes, {
        crls: task.crls,
        ocspResponses: task.ocspResponses,
        time: new Date(task.time),
        ...(task.password === undefined ? {} : { password: task.password }),
      })
      return { kind: 'verdict', status: v.status, subIndication: v.subIndication }
    }
    if (task.op === 'spin') for (;;) task.op.toString()
    const reader = READERS[task.reader]
    if (!reader) throw new Error(`no reader ${task.reader}`)
    await reader(task.bytes, task.password)
    return { kind: 'returned' }
  } catch (e) {
    return thrown(e)
  }
}

parentPort?.on('message', (message: { id: number; task: Task }) => {
  void run(message.task).then((outcome) => parentPort?.postMessage({ id: message.id, outcome }))
})
