/**
 * Object streams (ISO 32000-1 §7.5.7): the header of N (number, offset) pairs after which
 * the objects follow from /First.
 */
import type { PdfObject } from './types.js'
import { PdfLexer } from './lexer.js'
import { pdfFormat } from './errors.js'

/** A decoded object stream with its parsed header. */
export interface ObjectStream {
  readonly data: Uint8Array
  readonly first: number
  readonly pairs: readonly { num: number; offset: number }[]
}

/** Parses the header of a decoded object stream whose dictionary is `dict`. */
export function readObjectStream(
  dict: ReadonlyMap<string, PdfObject>,
  data: Uint8Array,
  maxObjects: number,
): ObjectStream {
  const type = dict.get('Type')
  const n = dict.get('N')
  const first = dict.get('First')
  if (
    type?.kind !== 'name' ||
    type.value !== 'ObjStm' ||
    n?.kind !== 'number' ||
    first?.kind !== 'number' ||
    !Number.isSafeInteger(n.value) ||
    !Number.isSafeInteger(first.value) ||
    n.value < 0 ||
    n.value > maxObjects ||
    first.value < 0 ||
    first.value > data.length
  ) {
    throw pdfFormat('bad-objstm', 'malformed object stream dictionary', '对象流字典格式错误')
  }
  const lx = new PdfLexer(data, -1, 1, 0)
  const pairs: { num: number; offset: number }[] = []
  for (let i = 0; i < n.value; i++) {
    const num = lx.readUint()
    const offset = num === null ? null : lx.readUint()
    if (num === null || offset === null || lx.pos > first.value) {
      throw pdfFormat('bad-objstm', 'malformed object stream header', '对象流头部格式错误')
    }
    pairs.push({ num, offset })
  }
  return { data, first: first.value, pairs }
}

/** Parses the `index`-th object of `stm`, which must be object number `num`. */
export function objectAt(
  stm: ObjectStream,
  index: number,
  num: number,
  maxDepth: number,
): PdfObject {
  const pair = stm.pairs[index]
  if (pair === undefined || pair.num !== num) {
    throw pdfFormat(
      'objstm-mismatch',
      `object stream slot ${index} does not hold object ${num}`,
      `对象流第 ${index} 项不是对象 ${num}`,
    )
  }
  const at = stm.first + pair.offset
  if (at >= stm.data.length) {
    throw pdfFormat('bad-objstm', 'object offset outside the object stream', '对象偏移超出对象流')
  }
  return new PdfLexer(stm.data, -1, maxDepth, at).parseObject()
}
