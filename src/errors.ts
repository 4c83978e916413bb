/**
 * Error classes shared by every part of the library. Each error carries a stable, dotted,
 * lower-case `code` that callers and the verdict can rely on; messages are for people.
 */

/** Base class of every error the library throws on purpose. */
export class YrdError extends Error {
  readonly code: string

  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.code = code
    this.name = new.target.name
  }
}

/** The input is not a well-formed instance of the format it claims or appears to be. */
export class FormatError extends YrdError {}

/** A configured bound (size, depth, count, work) was exceeded while reading an input. */
export class LimitError extends YrdError {}
