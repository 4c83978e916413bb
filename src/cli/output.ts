/**
 * Where the CLI writes: results to stdout, diagnostics to stderr, colour only where wanted.
 */
import pc from 'picocolors'

export interface Output {
  out(line: string): void
  err(line: string): void
  /** Colour functions for stdout. */
  readonly color: ReturnType<typeof pc.createColors>
  /**
   * Redraws a one-line progress indicator on stderr; present only when stderr is a terminal.
   * An empty text clears the line.
   */
  readonly progress?: (text: string) => void
}

/** Colour is on when the stream is a terminal, NO_COLOR is unset, and not switched off. */
export function colorEnabled(stream: NodeJS.WriteStream, noColorFlag: boolean): boolean {
  if (noColorFlag || 'NO_COLOR' in process.env) return false
  if (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0') return true
  return Boolean(stream.isTTY)
}

/** The real process streams. */
export function processOutput(noColor: boolean): Output {
  return {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
    color: pc.createColors(colorEnabled(process.stdout, noColor)),
    ...(process.stderr.isTTY
      ? { progress: (text: string) => process.stderr.write(`\r\x1b[K${text}`) }
      : {}),
  }
}

/** The same output with `transform` applied to every line (used to mask personal data). */
export function mapOutput(out: Output, transform: (line: string) => string): Output {
  return {
    out: (line) => out.out(transform(line)),
    err: (line) => out.err(transform(line)),
    color: out.color,
    ...(out.progress ? { progress: out.progress } : {}),
  }
}

/** Thrown for a usage error or an unreadable input: the CLI prints it and exits with 3. */
export class CliError extends Error {}

/** A wrong invocation (unknown option, bad value, missing argument): printed with a usage. */
export class UsageError extends CliError {}
