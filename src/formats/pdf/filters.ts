/**
 * The filter chain of a stream: Flate (with predictors), LZW, ASCIIHex, ASCII85, RunLength;
 * image codecs (DCT, JPX, JBIG2, CCITT) end the chain and are returned raw with their name.
 */
import { Unzlib } from 'fflate'
import type { PdfObject } from './types.js'
import { YrdError } from '../../errors.js'
import { BoundedOutput, outputLimitError, type DecodeBudget } from './output.js'
import { ascii85Decode, asciiHexDecode, lzwDecode, runLengthDecode } from './filters-basic.js'
import { unpredict, type PredictorParams } from './predictor.js'
import { pdfFormat } from './errors.js'

/** Full names of the abbreviated filter names (inline images, ISO 32000-1 table 94). */
export const FILTER_ALIASES: Readonly<Record<string, string>> = {
  Fl: 'FlateDecode',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
  LZW: 'LZWDecode',
  RL: 'RunLengthDecode',
  DCT: 'DCTDecode',
  CCF: 'CCITTFaxDecode',
}
const IMAGE_FILTERS = new Set(['DCTDecode', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode'])
const PIECE = 4096

/** One filter with its (direct) parameters. */
export interface FilterStep {
  readonly name: string
  readonly parms: ReadonlyMap<string, PdfObject> | undefined
}

function num(parms: ReadonlyMap<string, PdfObject> | undefined, key: string, def: number): number {
  const v = parms?.get(key)
  return v?.kind === 'number' && Number.isSafeInteger(v.value) ? v.value : def
}

/**
 * A host's native zlib decoder: the whole output of a complete, checksum-valid zlib stream of
 * at most `maxOutput` bytes; 'too-large' when valid output outgrows `maxOutput` (the portable
 * decoder would reach the limit after the same bytes, so it is not run a second time); or
 * undefined for anything else (the portable decoder then decides, so the verdict never
 * depends on which one ran).
 */
export type NativeInflate = (
  input: Uint8Array,
  maxOutput: number,
) => Uint8Array | 'too-large' | undefined

let nativeInflate: NativeInflate | undefined

/** Installs a native zlib decoder for Flate streams (`undefined` removes it). */
export function setNativeInflate(next: NativeInflate | undefined): void {
  nativeInflate = next
}

/** Flate (zlib) decoding bounded by the budget. */
export function flateDecode(input: Uint8Array, budget: DecodeBudget): Uint8Array {
  const fast = nativeInflate?.(input, Math.min(budget.perStream, budget.remaining))
  if (fast === 'too-large') throw outputLimitError(budget)
  if (fast !== undefined) {
    budget.remaining -= fast.length
    return fast
  }
  const out = new BoundedOutput(budget, input.length * 4)
  const z = new Unzlib((chunk) => out.append(chunk))
  try {
    let p = 0
    do {
      const end = Math.min(p + PIECE, input.length)
      z.push(input.subarray(p, end), end === input.length)
      p = end
    } while (p < input.length)
  } catch (error) {
    if (error instanceof YrdError) throw error
    throw pdfFormat('flate', 'corrupt Flate data', 'Flate 压缩数据损坏')
  }
  return out.finish()
}

/** Applies `steps` in order to `data`. */
export function applyFilters(
  data: Uint8Array,
  steps: readonly FilterStep[],
  budget: DecodeBudget,
): { data: Uint8Array; rawFilter?: string } {
  let cur = data
  for (let i = 0; i < steps.length; i++) {
    const step = steps[i]!
    const name = FILTER_ALIASES[step.name] ?? step.name
    if (IMAGE_FILTERS.has(name)) {
      if (i !== steps.length - 1) {
        throw pdfFormat('filter', `${name} is not the last filter`, `${name} 不是最后一个过滤器`)
      }
      return { data: cur, rawFilter: name }
    }
    cur = applyOne(cur, name, step.parms, budget)
  }
  return { data: cur }
}

function applyOne(
  data: Uint8Array,
  name: string,
  parms: ReadonlyMap<string, PdfObject> | undefined,
  budget: DecodeBudget,
): Uint8Array {
  switch (name) {
    case 'FlateDecode':
      return unpredict(flateDecode(data, budget), predictorOf(parms), budget)
    case 'LZWDecode':
      return unpredict(
        lzwDecode(data, budget, num(parms, 'EarlyChange', 1)),
        predictorOf(parms),
        budget,
      )
    case 'ASCIIHexDecode':
      return asciiHexDecode(data, budget)
    case 'ASCII85Decode':
      return ascii85Decode(data, budget)
    case 'RunLengthDecode':
      return runLengthDecode(data, budget)
    case 'Crypt': {
      const n = parms?.get('Name')
      if (n === undefined || (n.kind === 'name' && n.value === 'Identity')) return data
      break
    }
  }
  throw pdfFormat('unsupported-filter', `unsupported filter ${name}`, `不支持的过滤器 ${name}`)
}

function predictorOf(parms: ReadonlyMap<string, PdfObject> | undefined): PredictorParams {
  return {
    predictor: num(parms, 'Predictor', 1),
    colors: num(parms, 'Colors', 1),
    bitsPerComponent: num(parms, 'BitsPerComponent', 8),
    columns: num(parms, 'Columns', 1),
  }
}
