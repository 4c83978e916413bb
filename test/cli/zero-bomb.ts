/**
 * Deflate bombs for the hostile-file tests, built bit by bit rather than by compressing a
 * gigabyte: a prefix, any number of zeros, and a suffix after them.
 */

/**
 * A zlib stream of `prefix`, a zero byte, `runs` × 258 zero bytes and `suffix` (ASCII), in
 * one fixed-Huffman block: 8-bit literals, and each run of 258 zeros a 13-bit match at
 * distance 1. About 1 byte per 160 inflated, and a valid Adler-32, so that a strict decoder
 * takes it too.
 */
export function zeroBomb(prefix: string, runs: number, suffix: string): Uint8Array {
  const out: number[] = [0x78, 0x01]
  let acc = 0
  let n = 0
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i--) {
      acc |= ((value >> i) & 1) << n++
      if (n === 8) {
        out.push(acc)
        acc = 0
        n = 0
      }
    }
  }
  const literal = (c: number) => code(0x30 + c, 8)
  code(0b110, 3) // BFINAL = 1, BTYPE = 01 (fixed), written low bit first
  for (const ch of prefix) literal(ch.charCodeAt(0))
  literal(0)
  for (let i = 0; i < runs; i++) {
    code(0xc5, 8) // length 258
    code(0, 5) // distance 1
  }
  for (const ch of suffix) literal(ch.charCodeAt(0))
  code(0, 7)
  if (n > 0) out.push(acc)
  const adler = adler32(prefix, 1 + runs * 258, suffix)
  out.push(adler >>> 24, (adler >>> 16) & 255, (adler >>> 8) & 255, adler & 255)
  return Uint8Array.from(out)
}

/** Adler-32 of `prefix`, `zeros` zero bytes and `suffix`. */
function adler32(prefix: string, zeros: number, suffix: string): number {
  let a = 1
  let b = 0
  const add = (s: string) => {
    for (const ch of s) {
      a = (a + ch.charCodeAt(0)) % 65521
      b = (b + a) % 65521
    }
  }
  add(prefix)
  b = (b + zeros * a) % 65521 // zeros leave a as it is and add it to b each time
  add(suffix)
  return ((b << 16) | a) >>> 0
}
