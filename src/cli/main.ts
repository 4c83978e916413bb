/**
 * The command dispatcher: `verify`, `audit`, `inspect`, `registry`; `--help` and `--version`
 * on stdout with exit 0,
 * usage errors and unreadable inputs on stderr with exit 3, never a stack trace unless --debug.
 */
import { AUDIT_HELP, runAudit } from './commands/audit.js'
import { INSPECT_HELP, runInspect } from './commands/inspect.js'
import { REGISTRY_HELP, runRegistry } from './commands/registry.js'
import { runVerify, VERIFY_HELP } from './commands/verify.js'
import { CliError, processOutput, UsageError, type Output } from './output.js'
import { VERSION } from './version.js'

export const HELP = `yrd-verify ${VERSION} — 长三角电子证照、电子印章、电子签名互认验证
Verifier for Yangtze River Delta electronic licences, seals and signatures.

Usage:
  yrd-verify verify FILE|DIR... [options]  verify certificates and signed documents
                                           (-r folders, --jobs N, --html REPORT.html)
  yrd-verify inspect FILE [--extract DIR]  show the structure: certificates, seals, signatures
  yrd-verify registry show [FILE]          show a trust registry (default: built-in TEST)
  yrd-verify registry check FILE           check a registry's signature and validity
  yrd-verify audit [DIR]                   check every fixture against DIR/manifest.json
  yrd-verify --help | --version

Run "yrd-verify COMMAND --help" for the options of a command.
Exit codes: 0 all recognised, 1 any rejected, 2 any indeterminate, 3 usage or unreadable.`

/** Runs the CLI on `argv` (without node and script) and resolves to the exit code. */
export async function main(
  argv: string[],
  out: Output = processOutput(argv.includes('--no-color')),
): Promise<number> {
  const debug = argv.includes('--debug')
  const args = argv.filter((a) => a !== '--debug')
  const [command, ...rest] = args
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      out.out(HELP)
      return command === undefined ? 3 : 0
    }
    if (command === '--version' || command === '-V') {
      out.out(VERSION)
      return 0
    }
    if (command === 'verify') return await runVerify(rest, out)
    if (command === 'registry') return await runRegistry(rest, out)
    if (command === 'audit') return await runAudit(rest, out)
    if (command === 'inspect') return await runInspect(rest, out)
    throw new UsageError(`unknown command "${command}" / 未知命令`)
  } catch (e) {
    if (e instanceof CliError) {
      out.err(`yrd-verify: ${e.message}`)
      if (e instanceof UsageError) out.err(shortUsage(command))
      return 3
    }
    out.err(`yrd-verify: internal error / 内部错误: ${e instanceof Error ? e.message : String(e)}`)
    if (debug && e instanceof Error && e.stack) out.err(e.stack)
    return 3
  }
}

const COMMAND_HELP: Readonly<Record<string, string>> = {
  verify: VERIFY_HELP,
  audit: AUDIT_HELP,
  inspect: INSPECT_HELP,
  registry: REGISTRY_HELP,
}

/** The usage lines of a command (or the command list) and where the full help is. */
function shortUsage(command: string | undefined): string {
  const help = command !== undefined ? COMMAND_HELP[command] : undefined
  if (help === undefined) {
    return 'usage: yrd-verify verify|inspect|audit|registry ...  (yrd-verify --help)'
  }
  const lines = help.split('\n')
  const end = lines.findIndex((l) => l.trim() === '')
  const usage = lines.slice(0, end < 0 ? 1 : end).join('\n')
  return `${usage.replace(/^Usage:/, 'usage:')}\n(yrd-verify ${command} --help)`
}
