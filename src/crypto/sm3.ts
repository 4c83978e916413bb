/**
 * SM3 (GB/T 32905-2016) in portable TypeScript, streaming. Used when the platform offers no
 * native SM3 (browsers) and as a cross-check of the native one.
 */

const IV = [
  0x7380166f, 0x4914b2b9, 0x172442d7, 0xda8a0600, 0xa96f30bc, 0x163138aa, 0xe38dee4d, 0xb0fb0e4e,
]

/** T_j rotated left by j (mod 32), precomputed for the 64 rounds. */
const TJ_ROT = new Int32Array(64)
for (let j = 0; j < 64; j++) {
  const t = j < 16 ? 0x79cc4519 : 0x7a879d8a
  const r = j % 32
  TJ_ROT[j] = r === 0 ? t : (t << r) | (t >>> (32 - r))
}

const rotl = (x: number, n: number): number => (x << n) | (x >>> (32 - n))

/** Size of an SM3 block in bytes. */
export const SM3_BLOCK_LENGTH = 64
/** Length of an SM3 digest in bytes. */
export const SM3_OUTPUT_LENGTH = 32

/** Incremental SM3 hasher. After `digest()` the instance must not be used again. */
export class Sm3 {
  private readonly state = new Int32Array(IV)
  private readonly block = new Uint8Array(64)
  private readonly w = new Int32Array(68)
  private blockUsed = 0
  private totalBytes = 0
  private finished = false

  /** Absorbs more data. */
  update(data: Uint8Array): this {
    if (this.finished) throw new Error('SM3 hasher already finalised')
    let offset = 0
    const len = data.length
    this.totalBytes += len
    if (this.blockUsed > 0) {
      const take = Math.min(64 - this.blockUsed, len)
      this.block.set(data.subarray(0, take), this.blockUsed)
      this.blockUsed += take
      offset = take
      if (this.blockUsed < 64) return this
      this.compress(this.block, 0)
      this.blockUsed = 0
    }
    while (len - offset >= 64) {
      this.compress(data, offset)
      offset += 64
    }
    if (offset < len) {
      this.block.set(data.subarray(offset), 0)
      this.blockUsed = len - offset
    }
    return this
  }

  /** Finishes the hash and returns the 32-byte digest. */
  digest(): Uint8Array {
    if (this.finished) throw new Error('SM3 hasher already finalised')
    this.finished = true
    const bitLength = this.totalBytes * 8
    const block = this.block
    block[this.blockUsed] = 0x80
    block.fill(0, this.blockUsed + 1)
    if (this.blockUsed + 1 > 56) {
      this.compress(block, 0)
      block.fill(0)
    }
    const view = new DataView(block.buffer, block.byteOffset, 64)
    view.setUint32(56, Math.floor(bitLength / 0x100000000))
    view.setUint32(60, bitLength >>> 0)
    this.compress(block, 0)
    const out = new Uint8Array(32)
    const outView = new DataView(out.buffer)
    for (let i = 0; i < 8; i++) outView.setInt32(i * 4, this.state[i] ?? 0)
    return out
  }

  private compress(data: Uint8Array, offset: number): void {
    const w = this.w
    for (let i = 0; i < 16; i++) {
      const o = offset + i * 4
      w[i] =
        ((data[o] ?? 0) << 24) |
        ((data[o + 1] ?? 0) << 16) |
        ((data[o + 2] ?? 0) << 8) |
        (data[o + 3] ?? 0)
    }
    for (let j = 16; j < 68; j++) {
      const x = (w[j - 16] ?? 0) ^ (w[j - 9] ?? 0) ^ rotl(w[j - 3] ?? 0, 15)
      w[j] = x ^ rotl(x, 15) ^ rotl(x, 23) ^ rotl(w[j - 13] ?? 0, 7) ^ (w[j - 6] ?? 0)
    }
    const s = this.state
    let a = s[0] ?? 0
    let b = s[1] ?? 0
    let c = s[2] ?? 0
    let d = s[3] ?? 0
    let e = s[4] ?? 0
    let f = s[5] ?? 0
    let g = s[6] ?? 0
    let h = s[7] ?? 0
    for (let j = 0; j < 64; j++) {
      const a12 = rotl(a, 12)
      const ss1 = rotl((a12 + e + (TJ_ROT[j] ?? 0)) | 0, 7)
      const ss2 = ss1 ^ a12
      const wj = w[j] ?? 0
      const wj4 = w[j + 4] ?? 0
      let ff: number
      let gg: number
      if (j < 16) {
        ff = a ^ b ^ c
        gg = e ^ f ^ g
      } else {
        ff = (a & b) | (a & c) | (b & c)
        gg = (e & f) | (~e & g)
      }
      const tt1 = (ff + d + ss2 + (wj ^ wj4)) | 0
      const tt2 = (gg + h + ss1 + wj) | 0
      d = c
      c = rotl(b, 9)
      b = a
      a = tt1
      h = g
      g = rotl(f, 19)
      f = e
      e = tt2 ^ rotl(tt2, 9) ^ rotl(tt2, 17)
    }
    s[0] = (s[0] ?? 0) ^ a
    s[1] = (s[1] ?? 0) ^ b
    s[2] = (s[2] ?? 0) ^ c
    s[3] = (s[3] ?? 0) ^ d
    s[4] = (s[4] ?? 0) ^ e
    s[5] = (s[5] ?? 0) ^ f
    s[6] = (s[6] ?? 0) ^ g
    s[7] = (s[7] ?? 0) ^ h
  }
}

/** One-shot SM3 of `data` in pure TypeScript. */
export function sm3(data: Uint8Array): Uint8Array {
  return new Sm3().update(data).digest()
}
