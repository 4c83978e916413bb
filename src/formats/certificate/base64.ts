/**
 * Strict base64 decoding (RFC 4648 §4) for PEM bodies: standard alphabet only, padding only at
 * the end, no stray characters, and unused trailing bits must be zero.
 */
import { FormatError } from '../../errors.js'

const VALUES = (() => {
  const table = new Int16Array(128).fill(-1)
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i
  return table
})()

/**
 * Decodes base64 text in which only ASCII whitespace may appear between characters.
 * Throws FormatError `code` with `what` in the message on any deviation.
 */
export function decodeBase64Strict(text: string, code: string, what: string): Uint8Array {
  const fail = (why: string): never => {
    throw new FormatError(code, `${what}: bad base64 (${why}) / ${what}：base64 编码错误（${why}）`)
  }
  const symbols = new Uint8Array(text.length)
  let n = 0
  let padding = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue
    if (c === 0x3d) {
      padding++
      if (padding > 2) fail('too much padding')
      continue
    }
    const v = c < 128 ? VALUES[c]! : -1
    if (v < 0) fail(`character 0x${c.toString(16)} at ${i}`)
    if (padding > 0) fail('data after padding')
    symbols[n++] = v
  }
  if (n === 0) fail('empty')
  if ((n + padding) % 4 !== 0) fail('length is not a multiple of 4')
  const rem = n % 4
  if (rem === 1 || (rem === 0 && padding !== 0) || (rem !== 0 && rem + padding !== 4)) {
    fail('bad padding')
  }
  const out = new Uint8Array(Math.floor((n * 6) / 8))
  let o = 0
  let i = 0
  for (; i + 4 <= n; i += 4) {
    const x =
      (symbols[i]! << 18) | (symbols[i + 1]! << 12) | (symbols[i + 2]! << 6) | symbols[i + 3]!
    out[o++] = x >> 16
    out[o++] = (x >> 8) & 0xff
    out[o++] = x & 0xff
  }
  if (rem === 2) {
    const a = symbols[i]!
    const b = symbols[i + 1]!
    if ((b & 0x0f) !== 0) fail('non-zero trailing bits')
    out[o++] = (a << 2) | (b >> 4)
  } else if (rem === 3) {
    const a = symbols[i]!
    const b = symbols[i + 1]!
    const c = symbols[i + 2]!
    if ((c & 0x03) !== 0) fail('non-zero trailing bits')
    out[o++] = (a << 2) | (b >> 4)
    out[o++] = ((b & 0x0f) << 4) | (c >> 2)
  }
  return out
}
