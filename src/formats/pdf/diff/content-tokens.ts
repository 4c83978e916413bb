/**
 * The operators of a content stream (ISO 32000-1 §7.8.2) with their operands, in order.
 * Operands are read by the reader's object lexer; inline images (`BI … ID … EI`) come out as
 * one `BI` operator whose data is skipped. Malformed syntax throws the lexer's typed error.
 */
import { isBoundary, isWhite } from '../chars.js'
import { PdfLexer } from '../lexer.js'
import type { PdfObject } from '../types.js'

/** One operator and the operands before it. */
export interface ContentOp {
  readonly op: string
  readonly operands: readonly PdfObject[]
}

/** Operands kept before an operator; a longer run keeps its last ones (the ones used). */
const MAX_OPERANDS = 64
/** Deepest array/dictionary nesting of an operand. */
const MAX_OPERAND_DEPTH = 32
/** Longest operator token read. */
const MAX_OP_LENGTH = 32

const isOperandStart = (c: number): boolean =>
  c === 0x2f ||
  c === 0x28 ||
  c === 0x3c ||
  c === 0x5b ||
  (c >= 0x30 && c <= 0x39) ||
  c === 0x2b ||
  c === 0x2d ||
  c === 0x2e

/** Index just past the `EI` that ends inline image data starting at `i`, or the end. */
function skipInlineData(d: Uint8Array, i: number): number {
  for (let j = i + 1; j + 1 < d.length; j++) {
    if (d[j] === 0x45 && d[j + 1] === 0x49 && isWhite(d[j - 1])) {
      if (j + 2 >= d.length || isBoundary(d[j + 2])) return j + 2
    }
  }
  return d.length
}

function readWord(data: Uint8Array, lex: PdfLexer): string {
  const start = lex.pos
  let end = start
  while (end < data.length && !isBoundary(data[end])) end++
  lex.pos = end
  let s = ''
  for (let i = start; i < end && i - start < MAX_OP_LENGTH; i++) s += String.fromCharCode(data[i]!)
  return s
}

/**
 * Calls `visit` for every operator of `data`, in order; stops early when `visit` returns
 * false. Stray closing delimiters are skipped, as viewers do.
 * @example
 * const ops: string[] = []
 * forEachOp(bytes('1 0 0 1 5 5 cm'), (o) => ops.push(o.op) > 0) // ops: ['cm']
 */
export function forEachOp(data: Uint8Array, visit: (op: ContentOp) => boolean): void {
  const lex = new PdfLexer(data, -1, MAX_OPERAND_DEPTH)
  let operands: PdfObject[] = []
  for (;;) {
    lex.skipWs()
    const c = data[lex.pos]
    if (c === undefined) return
    if (isOperandStart(c)) {
      operands.push(lex.parseObject())
      if (operands.length > MAX_OPERANDS) operands = operands.slice(-MAX_OPERANDS / 2)
      continue
    }
    if (isBoundary(c)) {
      lex.pos++
      continue
    }
    const word = readWord(data, lex)
    if (word === 'true' || word === 'false') {
      operands.push({ kind: 'bool', value: word === 'true' })
      continue
    }
    if (word === 'null') {
      operands.push({ kind: 'null' })
      continue
    }
    if (word === 'BI') {
      skipInlineDict(data, lex)
      lex.pos = skipInlineData(data, lex.pos)
    }
    if (!visit({ op: word, operands })) return
    operands = []
  }
}

/** Skips the key/value pairs of an inline image up to and including `ID`. */
function skipInlineDict(data: Uint8Array, lex: PdfLexer): void {
  for (;;) {
    lex.skipWs()
    const c = data[lex.pos]
    if (c === undefined) return
    if (isOperandStart(c)) {
      lex.parseObject()
      continue
    }
    if (isBoundary(c)) {
      lex.pos++
      continue
    }
    if (readWord(data, lex) === 'ID') return
  }
}
