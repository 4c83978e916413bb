/**
 * A cursor over XML text: names, quoted values, references, and errors with positions.
 */
import { XmlFormatError, XmlLimitError } from './errors.js'

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF' +
  '\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD' +
  '\\u{10000}-\\u{EFFFF}'
const NAME_CHAR = NAME_START + '\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040'
const NAME = new RegExp(`[${NAME_START}][${NAME_CHAR}]{0,255}`, 'uy')
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/u
/** With the `u` flag a surrogate class matches only unpaired surrogates. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u

/** Name characters below 128: 1 for a start character, 2 for one that may only follow. */
const ASCII_NAME = new Uint8Array(128)
for (let c = 0; c < 128; c++) {
  const ch = String.fromCharCode(c)
  if (/[:A-Z_a-z]/.test(ch)) ASCII_NAME[c] = 1
  else if (/[-.0-9]/.test(ch)) ASCII_NAME[c] = 2
}

/** True when `s` has no unpaired surrogate (native where the runtime has isWellFormed). */
function wellFormed(s: string): boolean {
  const native = (s as { isWellFormed?: () => boolean }).isWellFormed
  return typeof native === 'function' ? native.call(s) : !LONE_SURROGATE.test(s)
}

const PREDEFINED: Readonly<Record<string, string>> = {
  lt: '<',
  gt: '>',
  amp: '&',
  apos: "'",
  quot: '"',
}

/** Reads XML text left to right. */
export class Scanner {
  readonly src: string
  pos = 0
  private lineStarts: number[] | undefined
  /** Index in lineStarts of the line last found. */
  private lastLine = 0

  constructor(src: string) {
    this.src = src
  }

  /**
   * Throws unless the whole text consists of XML 1.0 characters. `fromUtf8`: the text was
   * decoded strictly from UTF-8, which never yields an unpaired surrogate.
   */
  checkCharacters(fromUtf8 = false): void {
    const bad =
      FORBIDDEN_CHAR.exec(this.src) ??
      (fromUtf8 || wellFormed(this.src) ? null : LONE_SURROGATE.exec(this.src))
    if (bad) {
      this.pos = bad.index
      throw this.fail('char', 'character not allowed in XML / XML 中不允许的字符')
    }
  }

  /** A format error at the current position. */
  fail(code: string, message: string): XmlFormatError {
    const [line, column] = this.position()
    return new XmlFormatError(code, message, line, column)
  }

  /** A limit error at the current position. */
  limit(code: string, message: string): XmlLimitError {
    const [line, column] = this.position()
    return new XmlLimitError(code, message, line, column)
  }

  /** The 1-based line and column of the cursor. */
  position(): [number, number] {
    const line = this.line()
    return [line, this.pos - this.lineStarts![line - 1]! + 1]
  }

  /** The 1-based line of the cursor. */
  line(): number {
    if (!this.lineStarts) {
      const starts = [0]
      for (let i = this.src.indexOf('\n'); i >= 0; i = this.src.indexOf('\n', i + 1)) {
        starts.push(i + 1)
      }
      this.lineStarts = starts
    }
    const starts = this.lineStarts
    const pos = this.pos
    let lo = this.lastLine
    // The cursor mostly moves forward: step on from the last line found.
    if (starts[lo]! <= pos) {
      while (lo + 1 < starts.length && starts[lo + 1]! <= pos) lo++
    } else {
      let hi = lo - 1
      lo = 0
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1
        if (starts[mid]! <= pos) lo = mid
        else hi = mid - 1
      }
    }
    this.lastLine = lo
    return lo + 1
  }

  /** The 1-based column of the cursor on `line` (from {@link line}). */
  column(line: number): number {
    return this.pos - this.lineStarts![line - 1]! + 1
  }

  atEnd(): boolean {
    return this.pos >= this.src.length
  }

  startsWith(s: string): boolean {
    return this.src.startsWith(s, this.pos)
  }

  /** Consumes `s` or throws. */
  expect(s: string, what: string): void {
    if (!this.startsWith(s)) throw this.fail('syntax', `expected ${what} / 应为 ${what}`)
    this.pos += s.length
  }

  /** Skips XML white space; returns whether any was skipped. */
  skipSpace(): boolean {
    const start = this.pos
    while (this.pos < this.src.length) {
      const c = this.src.charCodeAt(this.pos)
      if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break
      this.pos++
    }
    return this.pos > start
  }

  /** Reads an XML Name (at most 256 characters) or throws. */
  name(): string {
    const src = this.src
    const start = this.pos
    let p = start
    // ASCII names (nearly all of them) without the Unicode expression.
    if (p < src.length && ASCII_NAME[src.charCodeAt(p)] === 1) {
      const max = Math.min(src.length, start + 256)
      for (p++; p < max; p++) {
        const c = src.charCodeAt(p)
        if (c >= 128 || ASCII_NAME[c] === 0) break
      }
      const next = p < src.length ? src.charCodeAt(p) : 0
      if (next < 128 || p === max) {
        this.pos = p
        return src.slice(start, p)
      }
    }
    NAME.lastIndex = this.pos
    const m = NAME.exec(this.src)
    if (!m) throw this.fail('name', 'expected a name / 应为名称')
    this.pos += m[0].length
    return m[0]
  }

  /** Consumes text up to `end` (exclusive) and the `end` marker; throws if unterminated. */
  until(end: string, what: string): string {
    const at = this.src.indexOf(end, this.pos)
    if (at < 0) throw this.fail('unterminated', `unterminated ${what} / ${what} 未结束`)
    const text = this.src.slice(this.pos, at)
    this.pos = at + end.length
    return text
  }

  /** Reads a quoted attribute value, resolving references and normalising white space. */
  quoted(): string {
    const q = this.src[this.pos]
    if (q !== '"' && q !== "'") throw this.fail('syntax', 'expected a quote / 应为引号')
    this.pos++
    const src = this.src
    const quote = q === '"' ? 0x22 : 0x27
    let out = ''
    let run = this.pos
    for (;;) {
      if (this.pos >= src.length) {
        throw this.fail('unterminated', 'unterminated value / 属性值未结束')
      }
      const c = src.charCodeAt(this.pos)
      if (c === quote) {
        out += src.slice(run, this.pos)
        this.pos++
        return out
      }
      if (c === 0x3c) throw this.fail('syntax', '"<" in attribute value / 属性值中含有“<”')
      if (c === 0x26) {
        out += src.slice(run, this.pos) + this.reference()
        run = this.pos
      } else if (c === 0x09 || c === 0x0a) {
        out += src.slice(run, this.pos) + ' '
        run = ++this.pos
      } else this.pos++
    }
  }

  /** Reads `&…;` at the cursor: the five predefined entities or a character reference. */
  reference(): string {
    const start = this.pos
    const end = this.src.indexOf(';', start)
    if (end < 0 || end - start > 12) {
      throw this.fail('entity', 'malformed reference / 引用格式错误')
    }
    const body = this.src.slice(start + 1, end)
    let value: string | undefined
    if (/^#[0-9]{1,7}$/.test(body)) value = charFromCode(Number.parseInt(body.slice(1), 10))
    else if (/^#x[0-9A-Fa-f]{1,6}$/.test(body)) {
      value = charFromCode(Number.parseInt(body.slice(2), 16))
    } else if (Object.hasOwn(PREDEFINED, body)) value = PREDEFINED[body]
    if (value === undefined) {
      throw this.fail('entity', `unknown or invalid reference &${body}; / 未知或无效的引用`)
    }
    this.pos = end + 1
    return value
  }
}

function charFromCode(code: number): string | undefined {
  const ok =
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  return ok ? String.fromCodePoint(code) : undefined
}
