/**
 * Reading the files named on the command line. Anything that cannot be read is a CliError
 * (exit code 3) with one clear line; what can be read is always handed to the verifier.
 */
import { readFileSync, statSync } from 'node:fs'
import { readdir, readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { DEFAULT_PAGED_THRESHOLD, readForVerify, type VerifyInput } from '../node.js'
import { CliError } from './output.js'

function cannotRead(path: string, e: unknown): CliError {
  if (e instanceof CliError) return e
  const code = (e as NodeJS.ErrnoException).code
  const why =
    code === 'ENOENT'
      ? 'no such file / 文件不存在'
      : code === 'EACCES'
        ? 'permission denied / 无权读取'
        : `cannot read (${code ?? 'error'}) / 无法读取`
  return new CliError(`${path}: ${why}`)
}

async function notADirectory(path: string): Promise<void> {
  const s = await stat(path)
  if (s.isDirectory()) throw new CliError(`${path}: is a directory / 是目录，不是文件`)
}

/** Reads a whole file, refusing folders and unreadable paths with one line. */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    await notADirectory(path)
    return new Uint8Array(await readFile(path))
  } catch (e) {
    throw cannotRead(path, e)
  }
}

/**
 * Opens a document to verify: a large PDF is read on demand (see `readForVerify`), anything
 * else whole. The caller closes it when the verdict is made.
 */
export async function openDocument(path: string): Promise<VerifyInput> {
  try {
    const s = statSync(path)
    if (s.isDirectory()) throw new CliError(`${path}: is a directory / 是目录，不是文件`)
    // A file read whole is read synchronously: files are verified one after another, and a
    // round trip through the thread pool per call costs more than the read itself.
    if (s.size <= DEFAULT_PAGED_THRESHOLD) {
      return { bytes: new Uint8Array(readFileSync(path)), paged: false, close: () => undefined }
    }
    return await readForVerify(path)
  } catch (e) {
    throw cannotRead(path, e)
  }
}

/** Deepest folder level and most files a recursive walk visits. */
export const MAX_WALK_DEPTH = 32
export const MAX_WALK_FILES = 100_000

/**
 * Expands the inputs of a run: with `recursive`, a folder becomes its files (sorted by name at
 * every level, hidden entries and symbolic links skipped); anything else is kept as given, so
 * a folder without -r still reports "is a directory".
 */
export async function expandInputs(paths: readonly string[], recursive: boolean) {
  const out: string[] = []
  for (const path of paths) {
    const isDir = recursive && (await stat(path).catch(() => undefined))?.isDirectory()
    if (isDir) await walk(path, 0, out)
    else out.push(path)
    if (out.length > MAX_WALK_FILES) {
      throw new CliError(`more than ${MAX_WALK_FILES} files / 文件数超过 ${MAX_WALK_FILES}`)
    }
  }
  return out
}

async function walk(dir: string, depth: number, out: string[]): Promise<void> {
  if (depth > MAX_WALK_DEPTH) throw new CliError(`${dir}: folders nested too deep / 目录层级过深`)
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) await walk(path, depth + 1, out)
    else if (entry.isFile()) out.push(path)
    if (out.length > MAX_WALK_FILES) return
  }
}
