/**
 * Byte-level PDF object syntax (ISO 32000-1 §7.2–7.3): whitespace, comments, numbers,
 * strings, names, arrays, dictionaries and references. Bounded by the buffer and a depth cap.
 */
import type { PdfObject } from './types.js'
import { pdfFormat, pdfLimit } from './errors.js'
import { hexValue, isBoundary, isDigit, WS_TABLE } from './chars.js'
import { latin1Text } from '../code-units.js'
import { decodeHexDigits, decodeHexString, hexEnd } from './hex-digits.js'
import { internedName, NAME_BYTE } from './names.js'

/** The bytes that `\n`, `\r`, `\t`, `\b` and `\f` stand for in literal strings. */
const ESCAPES: Readonly<Record<number, number>> = { 110: 10, 114: 13, 116: 9, 98: 8, 102: 12 }

/** A cursor over bytes that reads PDF tokens and objects. */
export class PdfLexer {
  pos: number

  /**
   * @param buf the bytes to read
   * @param fileBase offset of `buf[0]` in the file, or -1 when `buf` is not file bytes
   * @param maxDepth deepest array/dictionary nesting accepted
   */
  constructor(
    readonly buf: Uint8Array,
    readonly fileBase: number,
    readonly maxDepth: number,
    start = 0,
  ) {
    this.pos = start
  }

  /** A `format.pdf.syntax` error at the current position. */
  fail(what: string): Error {
    const at = this.fileBase >= 0 ? this.fileBase + this.pos : this.pos
    return pdfFormat('syntax', `${what} at offset ${at}`, `语法错误：${what}（偏移 ${at}）`)
  }

  /** Skips whitespace and comments. */
  skipWs(): void {
    const b = this.buf
    for (;;) {
      const c = b[this.pos]
      if (c === undefined) return
      if (WS_TABLE[c] === 1) {
        this.pos++
      } else if (c === 37) {
        while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++
      } else {
        return
      }
    }
  }

  /** Reads a regular token (keyword or number text) without consuming on failure. */
  peekRegular(): string {
    const b = this.buf
    let end = this.pos
    while (end < b.length && !isBoundary(b[end])) end++
    let s = ''
    for (let i = this.pos; i < end && i - this.pos < 64; i++) s += String.fromCharCode(b[i]!)
    return s
  }

  /** Consumes `word` if it is the next token; returns whether it did. */
  keyword(word: string): boolean {
    this.skipWs()
    const b = this.buf
    for (let i = 0; i < word.length; i++) {
      if (b[this.pos + i] !== word.charCodeAt(i)) return false
    }
    if (!isBoundary(b[this.pos + word.length])) return false
    this.pos += word.length
    return true
  }

  /** Reads an unsigned integer token, or returns null without moving. */
  readUint(): number | null {
    this.skipWs()
    const b = this.buf
    let p = this.pos
    let v = 0
    while (isDigit(b[p])) {
      v = v * 10 + (b[p]! - 48)
      p++
      if (p - this.pos > 15) return null
    }
    if (p === this.pos || !isBoundary(b[p])) return null
    this.pos = p
    return v
  }

  /** Reads one object; `n g R` becomes a reference. */
  parseObject(depth = 0): PdfObject {
    if (depth >= this.maxDepth) {
      throw pdfLimit('depth', 'objects nested too deeply', '对象嵌套过深')
    }
    this.skipWs()
    const b = this.buf
    const c = b[this.pos]
    if (c === undefined) throw this.fail('unexpected end of data')
    if (c === 47) return { kind: 'name', value: this.readName() }
    if (c === 40) return this.readLiteral()
    if (c === 60) {
      if (b[this.pos + 1] === 60) return this.readDict(depth)
      return this.readHex()
    }
    if (c === 91) {
      this.pos++
      const items: PdfObject[] = []
      for (;;) {
        this.skipWs()
        if (b[this.pos] === 93) {
          this.pos++
          return { kind: 'array', items }
        }
        items.push(this.parseObject(depth + 1))
      }
    }
    if (isDigit(c) || c === 43 || c === 45 || c === 46) return this.readNumberOrRef()
    const word = this.peekRegular()
    if (word === 'true' || word === 'false') {
      this.pos += word.length
      return { kind: 'bool', value: word === 'true' }
    }
    if (word === 'null') {
      this.pos += 4
      return { kind: 'null' }
    }
    throw this.fail(word ? `unexpected token "${word}"` : `unexpected byte 0x${c.toString(16)}`)
  }

  /** Reads `<< ... >>` and returns its entries; keys are names without the slash. */
  readDictEntries(depth: number): Map<string, PdfObject> {
    const b = this.buf
    this.pos += 2
    const entries = new Map<string, PdfObject>()
    for (;;) {
      this.skipWs()
      const c = b[this.pos]
      if (c === 62 && b[this.pos + 1] === 62) {
        this.pos += 2
        return entries
      }
      if (c !== 47) throw this.fail('dictionary key is not a name')
      const key = this.readName()
      this.skipWs()
      if (b[this.pos] === 62 && b[this.pos + 1] === 62)
        throw this.fail('dictionary key lacks value')
      entries.set(key, this.parseObject(depth + 1))
    }
  }

  private readDict(depth: number): PdfObject {
    return { kind: 'dict', entries: this.readDictEntries(depth) }
  }

  private readName(): string {
    const b = this.buf
    const start = ++this.pos
    let p = start
    let h = 0
    // One pass: the end, whether any `#` escape occurs, and the hash of the bytes.
    let kind = 0
    while (p < b.length && (kind = NAME_BYTE[b[p]!]!) === 1) {
      h = (Math.imul(h, 31) + b[p]!) | 0
      p++
    }
    if (kind !== 2) {
      this.pos = p
      return internedName(b, start, p, h)
    }
    while (p < b.length && !isBoundary(b[p])) p++
    let s = ''
    while (this.pos < p) {
      const c = b[this.pos]!
      if (c === 35) {
        const hi = hexValue(b[this.pos + 1])
        const lo = hexValue(b[this.pos + 2])
        // An escape reaching past the token's end is not one (the end is a boundary byte).
        if (hi >= 0 && lo >= 0) {
          s += String.fromCharCode(hi * 16 + lo)
          this.pos += 3
          continue
        }
      }
      s += String.fromCharCode(c)
      this.pos++
    }
    return s
  }

  private readNumberOrRef(): PdfObject {
    const b = this.buf
    const start = this.pos
    let p = this.pos
    const signed = b[p] === 43 || b[p] === 45
    if (signed) p++
    let digits = 0
    let dot = false
    // Plain integers are summed as they are read; anything else goes through Number().
    let whole = 0
    while (p < b.length) {
      const c = b[p]!
      if (isDigit(c)) {
        digits++
        whole = whole * 10 + (c - 48)
      } else if (c === 46 && !dot) dot = true
      else break
      p++
    }
    if (digits === 0 || !isBoundary(b[p])) {
      this.pos = start
      throw this.fail('malformed number')
    }
    const plain = !signed && !dot && digits <= 15
    const value = plain ? whole : Number(latin1Text(b, start, p))
    if (!Number.isFinite(value)) throw this.fail('malformed number')
    this.pos = p
    if (!dot && !signed && Number.isSafeInteger(value)) {
      const save = this.pos
      const gen = this.readUint()
      if (gen !== null && this.keyword('R')) return { kind: 'ref', ref: { num: value, gen } }
      this.pos = save
    }
    return { kind: 'number', value }
  }

  private fileOffset(p: number): number {
    return this.fileBase >= 0 ? this.fileBase + p : -1
  }

  private readLiteral(): PdfObject {
    const b = this.buf
    const start = this.pos
    this.pos++
    // Most strings hold no escape, nested parenthesis or CR: their bytes are taken as they are.
    for (let p = this.pos; p < b.length; p++) {
      const c = b[p]
      if (c === 41) {
        this.pos = p + 1
        return {
          kind: 'string',
          bytes: b.slice(start + 1, p),
          hex: false,
          start: this.fileOffset(start),
          end: this.fileOffset(this.pos),
        }
      }
      if (c === 92 || c === 40 || c === 13) break
    }
    const out: number[] = []
    let nest = 1
    for (;;) {
      const c = b[this.pos]
      if (c === undefined) throw this.fail('unterminated string')
      this.pos++
      if (c === 40) nest++
      else if (c === 41 && --nest === 0) break
      if (c === 92) {
        const e = b[this.pos]
        if (e === undefined) throw this.fail('unterminated string')
        this.pos++
        const mapped = ESCAPES[e]
        if (mapped !== undefined) out.push(mapped)
        else if (e >= 48 && e <= 55) {
          let v = e - 48
          for (let k = 0; k < 2 && (b[this.pos] ?? 0) >= 48 && (b[this.pos] ?? 0) <= 55; k++) {
            v = v * 8 + (b[this.pos++]! - 48)
          }
          out.push(v & 0xff)
        } else if (e === 13) {
          if (b[this.pos] === 10) this.pos++
        } else if (e !== 10) out.push(e)
        continue
      }
      if (c === 13) {
        if (b[this.pos] === 10) this.pos++
        out.push(10)
        continue
      }
      out.push(c)
    }
    return {
      kind: 'string',
      bytes: Uint8Array.from(out),
      hex: false,
      start: this.fileOffset(start),
      end: this.fileOffset(this.pos),
    }
  }

  private readHex(): PdfObject {
    const b = this.buf
    const start = this.pos
    this.pos++
    const end = hexEnd(b, this.pos)
    if (end < 0) throw this.fail('unterminated hex string')
    if (((end - this.pos) & 1) === 0) {
      const digits = decodeHexDigits(b, this.pos, end)
      if (digits !== undefined) {
        this.pos = end + 1
        return {
          kind: 'string',
          bytes: digits,
          hex: true,
          compact: true,
          start: this.fileOffset(start),
          end: this.fileOffset(this.pos),
        }
      }
    }
    const bytes = decodeHexString(b, this.pos, end)
    if (typeof bytes === 'number') {
      this.pos = bytes
      throw this.fail('invalid hex digit')
    }
    this.pos = end + 1
    return {
      kind: 'string',
      bytes,
      hex: true,
      start: this.fileOffset(start),
      end: this.fileOffset(this.pos),
    }
  }
}
