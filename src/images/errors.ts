/**
 * Errors of the picture decoders: `format.image.*` for malformed data (a FormatError) and
 * `limit.image.*` for data over a configured bound (a LimitError).
 */
import { FormatError, LimitError } from '../errors.js'

/** A malformed picture: `format.image.<what>`. */
export function imageFormat(what: string, message: string): FormatError {
  return new FormatError(`format.image.${what}`, message)
}

/** A picture over a bound: `limit.image.<what>`. */
export function imageLimit(what: string, message: string): LimitError {
  return new LimitError(`limit.image.${what}`, message)
}
