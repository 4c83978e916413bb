/**
 * Typed error raised when a trust registry is refused. Every error carries a stable string
 * `code` and a message in Chinese and English.
 */
import { YrdError } from '../errors.js'

/** Stable codes of {@link RegistryError}. */
export type RegistryErrorCode =
  | 'registry.format'
  | 'registry.signature'
  | 'registry.sequence'
  | 'registry.expired'
  | 'registry.not-yet-valid'

/** A message in both languages used by the project. */
export interface RegistryMessage {
  readonly zh: string
  readonly en: string
}

/** Error raised by {@link loadRegistry} and the registry schema checks. */
export class RegistryError extends YrdError {
  /** Stable machine-readable code. */
  declare readonly code: RegistryErrorCode
  /** The message in Chinese and English; `message` holds the English text. */
  readonly messages: RegistryMessage
  /** JSON path of the offending member, when the error concerns one (e.g. `$.provinces[0]`). */
  readonly path: string | undefined

  constructor(
    code: RegistryErrorCode,
    messages: RegistryMessage,
    options?: { path?: string; cause?: unknown },
  ) {
    const where = options?.path === undefined ? '' : ` (${options.path})`
    super(
      code,
      messages.en + where,
      options?.cause === undefined ? undefined : { cause: options.cause },
    )
    this.messages = {
      zh: messages.zh + (options?.path === undefined ? '' : `（${options.path}）`),
      en: messages.en + where,
    }
    this.path = options?.path
  }
}

/** Shorthand for a `registry.format` error at a JSON path. */
export function formatError(path: string, zh: string, en: string): RegistryError {
  return new RegistryError('registry.format', { zh, en }, { path })
}
