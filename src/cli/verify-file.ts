/**
 * Verifying one named file for the CLI: the verdict, and for reports the verdict in the other
 * language and the pictures. An unreadable file is a result with an error line, not a throw.
 */
import { YrdError } from '../errors.js'
import type { Verdict } from '../verdict/types.js'
import type { Verifier } from '../verifier.js'
import { verifyDetailed, type VerdictPicture, type VerifyOptions } from '../verify.js'
import { openDocument } from './files.js'
import { CliError } from './output.js'
import { PLAIN } from '../shape.js'

/** What the CLI knows about one input after verifying it. */
export interface FileResult {
  readonly file: string
  /** The verdict in the requested language; absent when the file could not be read. */
  readonly verdict?: Verdict
  /** With `details`: the same verdict in the other language. */
  readonly other?: Verdict
  /** With `details`: the seal pictures and appearances. */
  readonly pictures?: VerdictPicture[]
  /** Why the file could not be read (exit code 3). */
  readonly error?: string
}

/**
 * Verifies the file at `file` (with `verifier`, whose caches the run's files share, or
 * without caches); with `details`, in both languages and with its pictures.
 */
export async function verifyFile(
  file: string,
  options: VerifyOptions,
  details: boolean,
  verifier: Pick<Verifier, 'verifyDetailed'> = { verifyDetailed },
): Promise<FileResult> {
  try {
    const input = await openDocument(file)
    try {
      const first = await verifier.verifyDetailed(input.bytes, options)
      const verdict: Verdict = { file, ...first.verdict }
      if (!details) return { file, verdict }
      const lang = options.lang === 'en' ? 'zh' : 'en'
      const second = await verifier.verifyDetailed(input.bytes, { ...PLAIN, ...options, lang })
      return { file, verdict, other: { file, ...second.verdict }, pictures: first.pictures }
    } finally {
      input.close()
    }
  } catch (e) {
    if (e instanceof CliError) return { file, error: e.message }
    if (e instanceof YrdError && e.code.startsWith('input.')) {
      return { file, error: `${file}: ${e.message}` }
    }
    throw e
  }
}
