/**
 * The simple PDF filters (ISO 32000-1 §7.4): ASCIIHex, ASCII85, RunLength and LZW.
 */
import { BoundedOutput, type DecodeBudget } from './output.js'
import { pdfFormat } from './errors.js'

function bad(filter: string): Error {
  return pdfFormat('filter', `corrupt ${filter} data`, `${filter} 数据损坏`)
}

/** ASCIIHexDecode. */
export function asciiHexDecode(input: Uint8Array, budget: DecodeBudget): Uint8Array {
  const out = new BoundedOutput(budget, input.length >> 1)
  let hi = -1
  for (const c of input) {
    if (c === 62) break
    if (c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32) continue
    let v = -1
    if (c >= 48 && c <= 57) v = c - 48
    else if (c >= 65 && c <= 70) v = c - 55
    else if (c >= 97 && c <= 102) v = c - 87
    if (v < 0) throw bad('ASCIIHex')
    if (hi < 0) hi = v
    else {
      out.push(hi * 16 + v)
      hi = -1
    }
  }
  if (hi >= 0) out.push(hi * 16)
  return out.finish()
}

/** ASCII85Decode. */
export function ascii85Decode(input: Uint8Array, budget: DecodeBudget): Uint8Array {
  const out = new BoundedOutput(budget, input.length)
  let p = 0
  if (input[0] === 60 && input[1] === 126) p = 2
  const group: number[] = []
  const flush = (n: number) => {
    let v = 0
    for (let i = 0; i < 5; i++) v = v * 85 + (group[i] ?? 84)
    if (v > 0xffffffff) throw bad('ASCII85')
    for (let i = 0; i < n - 1; i++) out.push((v >>> (24 - 8 * i)) & 0xff)
  }
  for (; p < input.length; p++) {
    const c = input[p]!
    if (c === 126) break
    if (c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32) continue
    if (c === 122 && group.length === 0) {
      for (let i = 0; i < 4; i++) out.push(0)
      continue
    }
    if (c < 33 || c > 117) throw bad('ASCII85')
    group.push(c - 33)
    if (group.length === 5) {
      flush(5)
      group.length = 0
    }
  }
  if (group.length === 1) throw bad('ASCII85')
  if (group.length > 0) flush(group.length)
  return out.finish()
}

/** RunLengthDecode. */
export function runLengthDecode(input: Uint8Array, budget: DecodeBudget): Uint8Array {
  const out = new BoundedOutput(budget, input.length * 2)
  let p = 0
  while (p < input.length) {
    const n = input[p++]!
    if (n === 128) break
    if (n < 128) {
      if (p + n + 1 > input.length) throw bad('RunLength')
      out.append(input.subarray(p, p + n + 1))
      p += n + 1
    } else {
      const v = input[p++]
      if (v === undefined) throw bad('RunLength')
      for (let i = 0; i < 257 - n; i++) out.push(v)
    }
  }
  return out.finish()
}

/** LZWDecode with the /EarlyChange parameter (default 1). */
export function lzwDecode(input: Uint8Array, budget: DecodeBudget, earlyChange = 1): Uint8Array {
  const out = new BoundedOutput(budget, input.length * 3)
  const prefix = new Int32Array(4096)
  const suffix = new Uint8Array(4096)
  const lengths = new Uint16Array(4096)
  for (let i = 0; i < 256; i++) {
    suffix[i] = i
    lengths[i] = 1
    prefix[i] = -1
  }
  const stack = new Uint8Array(4096)
  let next = 258
  let width = 9
  let prev = -1
  let bits = 0
  let acc = 0
  let p = 0
  const emit = (code: number): number => {
    let n = 0
    let c = code
    while (c >= 0) {
      stack[n++] = suffix[c]!
      c = prefix[c]!
    }
    for (let i = n - 1; i >= 0; i--) out.push(stack[i]!)
    return stack[n - 1]!
  }
  for (;;) {
    while (bits < width && p < input.length) {
      acc = ((acc << 8) | input[p++]!) >>> 0
      bits += 8
    }
    if (bits < width) break
    const code = (acc >>> (bits - width)) & ((1 << width) - 1)
    bits -= width
    acc &= (1 << bits) - 1
    if (code === 256) {
      next = 258
      width = 9
      prev = -1
      continue
    }
    if (code === 257) break
    if (prev < 0) {
      if (code > 255) throw bad('LZW')
      emit(code)
      prev = code
      continue
    }
    let first: number
    if (code < next) {
      first = emit(code)
    } else if (code === next) {
      first = emit(prev)
      out.push(first)
    } else {
      throw bad('LZW')
    }
    if (next < 4096) {
      prefix[next] = prev
      suffix[next] = first
      lengths[next] = Math.min(65535, lengths[prev]! + 1)
      next++
    }
    prev = code
    const limit = next + earlyChange
    if (limit >= 512 && width === 9) width = 10
    if (limit >= 1024 && width === 10) width = 11
    if (limit >= 2048 && width === 11) width = 12
  }
  return out.finish()
}
