#!/usr/bin/env node
/**
 * The `yrd-verify` executable.
 */
import { installNodeCrypto } from './node.js'
import { main } from './cli/main.js'

installNodeCrypto()
// A reader that leaves early (`yrd-verify inspect FILE | head`) ends the output, not the run:
// the exit code still says what was verified.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e
  })
}
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`yrd-verify: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 3
  },
)
