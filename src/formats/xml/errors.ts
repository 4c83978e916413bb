/**
 * Typed errors of the XML parser, carrying the 1-based line and column of the problem.
 */
import { FormatError, LimitError } from '../../errors.js'

/** Malformed or refused XML (`format.xml.*`), with its position. */
export class XmlFormatError extends FormatError {
  readonly line: number
  readonly column: number

  constructor(code: string, message: string, line: number, column: number) {
    super(`format.xml.${code}`, `${message} (line ${line}, column ${column})`)
    this.line = line
    this.column = column
  }
}

/** An XML bound was exceeded (`limit.xml.*`), with its position. */
export class XmlLimitError extends LimitError {
  readonly line: number
  readonly column: number

  constructor(code: string, message: string, line: number, column: number) {
    super(`limit.xml.${code}`, `${message} (line ${line}, column ${column})`)
    this.line = line
    this.column = column
  }
}
