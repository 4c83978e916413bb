/**
 * Small accessors over parsed PDF objects used by the change analysis, and a bounded
 * structural comparison of two objects as two revisions see them.
 */
import { sameBytes } from '../../../crypto/bytes.js'
import { decodeTextString } from '../text.js'
import type { PdfFile, PdfObject, PdfRef } from '../types.js'

/** A dictionary's entries, whether the object is a dictionary or a stream. */
export function entriesOf(obj: PdfObject | undefined): ReadonlyMap<string, PdfObject> | undefined {
  if (!obj) return undefined
  if (obj.kind === 'dict') return obj.entries
  if (obj.kind === 'stream') return obj.dict
  return undefined
}

/** The name value of `obj`, or undefined. */
export function nameOf(obj: PdfObject | undefined): string | undefined {
  return obj?.kind === 'name' ? obj.value : undefined
}

/** The reference held by `obj`, or undefined. */
export function refOf(obj: PdfObject | undefined): PdfRef | undefined {
  return obj?.kind === 'ref' ? obj.ref : undefined
}

/** The numbers of an array of numbers; undefined when any item is not a number. */
export function numbersOf(obj: PdfObject | undefined): number[] | undefined {
  if (obj?.kind !== 'array') return undefined
  const out: number[] = []
  for (const item of obj.items) {
    if (item.kind !== 'number') return undefined
    out.push(item.value)
  }
  return out
}

/** The text of a PDF text string, decoded as every other reader decodes it. */
export function textOf(obj: PdfObject | undefined): string | undefined {
  return obj?.kind === 'string' ? decodeTextString(obj.bytes) : undefined
}

function sameEntries(
  pdf: PdfFile,
  a: ReadonlyMap<string, PdfObject>,
  b: ReadonlyMap<string, PdfObject>,
  depth: number,
): boolean {
  if (a.size !== b.size) return false
  for (const [k, v] of a) {
    const w = b.get(k)
    if (!w || !samePdfObject(pdf, v, w, depth + 1)) return false
  }
  return true
}

/** Deepest nesting compared; deeper structures count as different (fail closed). */
export const MAX_COMPARE_DEPTH = 64

/**
 * Whether two direct objects are the same: references are compared by number and
 * generation (not followed), strings by bytes, streams by dictionary and encoded bytes.
 */
export function samePdfObject(pdf: PdfFile, a: PdfObject, b: PdfObject, depth = 0): boolean {
  if (depth > MAX_COMPARE_DEPTH) return false
  switch (a.kind) {
    case 'null':
      return b.kind === 'null'
    case 'bool':
    case 'number':
    case 'name':
      return b.kind === a.kind && b.value === a.value
    case 'string':
      return b.kind === 'string' && sameBytes(a.bytes, b.bytes)
    case 'ref':
      return b.kind === 'ref' && a.ref.num === b.ref.num && a.ref.gen === b.ref.gen
    case 'array':
      if (b.kind !== 'array' || a.items.length !== b.items.length) return false
      return a.items.every((x, i) => samePdfObject(pdf, x, b.items[i]!, depth + 1))
    case 'dict':
      return b.kind === 'dict' && sameEntries(pdf, a.entries, b.entries, depth)
    case 'stream':
      if (b.kind !== 'stream' || !sameEntries(pdf, a.dict, b.dict, depth)) return false
      if (a.dataStart === b.dataStart && a.dataEnd === b.dataEnd) return true
      pdf.ensure(a.dataStart, a.dataEnd)
      pdf.ensure(b.dataStart, b.dataEnd)
      return sameBytes(
        pdf.bytes.subarray(a.dataStart, a.dataEnd),
        pdf.bytes.subarray(b.dataStart, b.dataEnd),
      )
  }
}

/** Keys whose values differ between two dictionaries (absent on one side counts). */
export function changedKeys(
  pdf: PdfFile,
  a: ReadonlyMap<string, PdfObject> | undefined,
  b: ReadonlyMap<string, PdfObject> | undefined,
): string[] {
  const keys = new Set([...(a?.keys() ?? []), ...(b?.keys() ?? [])])
  const out: string[] = []
  for (const k of keys) {
    const x = a?.get(k)
    const y = b?.get(k)
    if (!x || !y || !samePdfObject(pdf, x, y)) out.push(k)
  }
  return out.sort()
}

/** Object `num` as revision `rev` defines it, whatever its generation. */
export function objectAt(pdf: PdfFile, num: number, rev: number): PdfObject | undefined {
  const at = pdf.locate(num, rev)
  if (!at || at.entry.type === 'free') return undefined
  return pdf.resolve({ num, gen: at.entry.type === 'offset' ? at.entry.gen : 0 }, rev)
}
