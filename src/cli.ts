#!/usr/bin/env node
/**
 * The `yrd-verify` executable.
 */
import { installNodeCrypto } from './node.js'
import { main } from './cli/main.js'

installNodeCrypto()
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (e: unknown) => {
    process.stderr.write(`yrd-verify: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exitCode = 3
  },
)
