/**
 * A growable byte sink that refuses to grow past the per-stream and whole-file budgets.
 */
import { pdfLimit } from './errors.js'

/** Remaining decode budget shared by every stream of one file. */
export interface DecodeBudget {
  /** Largest output of one stream, in bytes. */
  readonly perStream: number
  /** Bytes still allowed across the whole file (decremented as streams decode). */
  remaining: number
}

function totalOutputError(): Error {
  return pdfLimit(
    'total-output',
    'the streams of this file decode to more than the total budget',
    '本文件各流解码总量超过上限',
  )
}

/** Counts `bytes` of output already produced against the file's total budget. */
export function chargeBudget(budget: DecodeBudget, bytes: number): void {
  if (!Number.isSafeInteger(bytes) || bytes < 0 || bytes > budget.remaining) {
    throw totalOutputError()
  }
  budget.remaining -= bytes
}

/**
 * The error for output outgrowing the budget: the per-stream bound when it is the tighter one
 * (the byte count reaches it first), else the file's total.
 */
export function outputLimitError(budget: DecodeBudget): Error {
  return budget.perStream <= budget.remaining ? streamOutputError(budget) : totalOutputError()
}

function streamOutputError(budget: DecodeBudget): Error {
  return pdfLimit(
    'stream-output',
    `a stream decodes to more than ${budget.perStream} bytes`,
    `流解码后超过 ${budget.perStream} 字节`,
  )
}

/** Collects output bytes under a budget. */
export class BoundedOutput {
  private buf: Uint8Array
  length = 0

  constructor(
    private readonly budget: DecodeBudget,
    hint = 1024,
  ) {
    this.buf = new Uint8Array(Math.max(16, Math.min(hint, budget.perStream, 1 << 24)))
  }

  private ensure(extra: number): void {
    const need = this.length + extra
    // The bound named is the one the byte count reaches first, whatever the chunk sizes.
    if (need > this.budget.perStream || need > this.budget.remaining) {
      throw outputLimitError(this.budget)
    }
    if (need <= this.buf.length) return
    let size = this.buf.length * 2
    while (size < need) size *= 2
    const next = new Uint8Array(Math.min(size, Math.max(need, this.budget.perStream)))
    next.set(this.buf.subarray(0, this.length))
    this.buf = next
  }

  /** Appends one byte. */
  push(byte: number): void {
    if (this.length >= this.buf.length) this.ensure(1)
    else if (this.length + 1 > this.budget.perStream || this.length + 1 > this.budget.remaining) {
      this.ensure(1)
    }
    this.buf[this.length++] = byte
  }

  /** Appends bytes. */
  append(bytes: Uint8Array): void {
    this.ensure(bytes.length)
    this.buf.set(bytes, this.length)
    this.length += bytes.length
  }

  /** The bytes collected; charges them to the file budget. */
  finish(): Uint8Array {
    this.budget.remaining -= this.length
    return this.buf.slice(0, this.length)
  }
}
