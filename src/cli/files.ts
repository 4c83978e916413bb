/**
 * Reading the files named on the command line. Anything that cannot be read is a CliError
 * (exit code 3) with one clear line; what can be read is always handed to the verifier.
 */
import { readFile, stat } from 'node:fs/promises'
import { CliError } from './output.js'

/** Reads a whole file, refusing folders and unreadable paths with one line. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    const s = await stat(path)
    if (s.isDirectory()) throw new CliError(`${path}: is a directory / 是目录，不是文件`)
    return new Uint8Array(await readFile(path))
  } catch (e) {
    if (e instanceof CliError) throw e
    const code = (e as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'no such file / 文件不存在'
        : code === 'EACCES'
          ? 'permission denied / 无权读取'
          : `cannot read (${code ?? 'error'}) / 无法读取`
    throw new CliError(`${path}: ${why}`)
  }
}
