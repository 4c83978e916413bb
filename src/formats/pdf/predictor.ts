/**
 * PNG (10–15) and TIFF (2) predictors of the Flate and LZW filters (ISO 32000-1 §7.4.4.4).
 */
import { BoundedOutput, type DecodeBudget } from './output.js'
import { pdfFormat } from './errors.js'
import { unfilterRow } from '../../images/predictors.js'

/** Predictor parameters, already read from /DecodeParms. */
export interface PredictorParams {
  readonly predictor: number
  readonly colors: number
  readonly bitsPerComponent: number
  readonly columns: number
}

function bad(what: string): Error {
  return pdfFormat('predictor', `bad predictor data: ${what}`, `预测器数据错误：${what}`)
}

/** Undoes the predictor; returns the input unchanged for predictor 1. */
export function unpredict(data: Uint8Array, p: PredictorParams, budget: DecodeBudget): Uint8Array {
  if (p.predictor === 1) return data
  const { colors, bitsPerComponent: bpc, columns } = p
  if (colors < 1 || colors > 32 || ![1, 2, 4, 8, 16].includes(bpc) || columns < 1) {
    throw bad('parameters')
  }
  if (columns > 1 << 24) throw bad('columns')
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8))
  const rowLen = Math.ceil((colors * bpc * columns) / 8)
  if (p.predictor === 2) return tiff(data, colors, bpc, rowLen, budget)
  if (p.predictor < 10 || p.predictor > 15) throw bad(`predictor ${p.predictor}`)
  const out = new BoundedOutput(budget, data.length)
  let prev = new Uint8Array(rowLen)
  let cur = new Uint8Array(rowLen)
  for (let pos = 0; pos < data.length; pos += rowLen + 1) {
    const type = data[pos]!
    const row = data.subarray(pos + 1, Math.min(pos + 1 + rowLen, data.length))
    if (!unfilterRow(type, row, prev, cur, bpp)) throw bad(`row filter ${type}`)
    out.append(cur.subarray(0, row.length))
    const t = prev
    prev = cur
    cur = t
  }
  return out.finish()
}

function tiff(
  data: Uint8Array,
  colors: number,
  bpc: number,
  rowLen: number,
  budget: DecodeBudget,
): Uint8Array {
  if (bpc !== 8) throw bad(`TIFF predictor with ${bpc} bits`)
  const out = new BoundedOutput(budget, data.length)
  const row = new Uint8Array(rowLen)
  for (let pos = 0; pos < data.length; pos += rowLen) {
    const n = Math.min(rowLen, data.length - pos)
    for (let i = 0; i < n; i++) {
      row[i] = (data[pos + i]! + (i >= colors ? row[i - colors]! : 0)) & 0xff
    }
    out.append(row.subarray(0, n))
  }
  return out.finish()
}
