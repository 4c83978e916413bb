/**
 * Test helper: a baseline JPEG encoder (ITU-T T.81 Annex K tables, float DCT), written
 * independently of the library's decoder so that its tests have real JPEG files to read.
 */
import type { Raster } from '../../src/images/raster.js'

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
  13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
  45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
]
// Annex K.1 tables (natural order)
const LUMA_Q = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56,
  14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113,
  92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
]
const CHROMA_Q = [
  17,
  18,
  24,
  47,
  99,
  99,
  99,
  99,
  18,
  21,
  26,
  66,
  99,
  99,
  99,
  99,
  24,
  26,
  56,
  99,
  99,
  99,
  99,
  99,
  47,
  66,
  99,
  99,
  99,
  99,
  99,
  99,
  ...new Array<number>(32).fill(99),
]
// Annex K.3 Huffman tables: counts for lengths 1..16, then symbols
const DC_L = {
  counts: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0],
  symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
}
const DC_C = {
  counts: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0],
  symbols: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
}
const AC_L_SYMBOLS =
  '01020300041105122131410613516107227114328191a1082342b1c11552d1f02433627282090a161718191a25' +
  '262728292a3435363738393a434445464748494a535455565758595a636465666768696a737475767778797a83' +
  '8485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9cad2d3' +
  'd4d5d6d7d8d9dae1e2e3e4e5e6e7e8e9eaf1f2f3f4f5f6f7f8f9fa'
const AC_C_SYMBOLS =
  '000102031104052131061241510761711322328108144291a1b1c109233352f0156272d10a162434e125f11718' +
  '191a262728292a35363738393a434445464748494a535455565758595a636465666768696a737475767778797a' +
  '82838485868788898a92939495969798999aa2a3a4a5a6a7a8a9aab2b3b4b5b6b7b8b9bac2c3c4c5c6c7c8c9ca' +
  'd2d3d4d5d6d7d8d9dae2e3e4e5e6e7e8e9eaf2f3f4f5f6f7f8f9fa'
const hex = (s: string) => s.match(/../g)!.map((h) => Number.parseInt(h, 16))
const AC_L = {
  counts: [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d],
  symbols: hex(AC_L_SYMBOLS),
}
const AC_C = {
  counts: [0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 0x77],
  symbols: hex(AC_C_SYMBOLS),
}

type Table = { counts: number[]; symbols: number[] }

function codes(t: Table): Map<number, [number, number]> {
  const out = new Map<number, [number, number]>()
  let code = 0
  let k = 0
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < t.counts[len - 1]!; i++) out.set(t.symbols[k++]!, [code++, len])
    code <<= 1
  }
  return out
}

class BitWriter {
  readonly bytes: number[] = []
  private acc = 0
  private n = 0
  write(value: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1)
      if (++this.n === 8) {
        this.bytes.push(this.acc)
        if (this.acc === 0xff) this.bytes.push(0)
        this.acc = 0
        this.n = 0
      }
    }
  }
  flush(): void {
    while (this.n !== 0) this.write(1, 1)
  }
}

export interface JpegOptions {
  readonly quality?: number
  /** 1 = 4:4:4, 2 = 4:2:0 (luma sampled 2×2). */
  readonly subsample?: 1 | 2
  readonly grey?: boolean
  /** Restart interval in MCUs (0 = none). */
  readonly restart?: number
}

/** Encodes an RGBA raster as a baseline JPEG, transparency flattened over white. */
export function writeJpeg(r: Raster, o: JpegOptions = {}): Uint8Array {
  const q = o.quality ?? 90
  const scale = q < 50 ? 5000 / q : 200 - 2 * q
  const qt = (base: number[]) =>
    base.map((v) => Math.min(255, Math.max(1, Math.floor((v * scale + 50) / 100))))
  const ql = qt(LUMA_Q)
  const qc = qt(CHROMA_Q)
  const s = o.grey ? 1 : (o.subsample ?? 1)
  const ncomp = o.grey ? 1 : 3
  const plane = (c: number) => (x: number, y: number) => {
    const xi = Math.min(r.width - 1, x)
    const yi = Math.min(r.height - 1, y)
    const i = (yi * r.width + xi) * 4
    const a = r.rgba[i + 3]! / 255
    const [R, G, B] = [0, 1, 2].map((k) => r.rgba[i + k]! * a + 255 * (1 - a)) as [
      number,
      number,
      number,
    ]
    if (c === 0) return 0.299 * R + 0.587 * G + 0.114 * B
    if (c === 1) return -0.168736 * R - 0.331264 * G + 0.5 * B + 128
    return 0.5 * R - 0.418688 * G - 0.081312 * B + 128
  }
  const out: number[] = [0xff, 0xd8]
  const seg = (marker: number, body: number[]) =>
    out.push(0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255, ...body)
  seg(0xdb, [0, ...ZIGZAG.map((z) => ql[z]!), 1, ...ZIGZAG.map((z) => qc[z]!)])
  const comps = ncomp === 1 ? [1, 0x11, 0] : [1, (s << 4) | s, 0, 2, 0x11, 1, 3, 0x11, 1]
  seg(0xc0, [8, r.height >> 8, r.height & 255, r.width >> 8, r.width & 255, ncomp, ...comps])
  for (const [cls, t] of [
    [0x00, DC_L],
    [0x10, AC_L],
    [0x01, DC_C],
    [0x11, AC_C],
  ] as const) {
    seg(0xc4, [cls, ...t.counts, ...t.symbols])
  }
  if (o.restart) seg(0xdd, [o.restart >> 8, o.restart & 255])
  seg(0xda, ncomp === 1 ? [1, 1, 0x00, 0, 63, 0] : [3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0])
  const huff = [codes(DC_L), codes(AC_L), codes(DC_C), codes(AC_C)]
  const w = new BitWriter()
  const pred = [0, 0, 0]
  const emit = (v: number, table: Map<number, [number, number]>, run: number) => {
    const mag = Math.abs(v)
    const size = mag === 0 ? 0 : Math.floor(Math.log2(mag)) + 1
    const [code, len] = table.get((run << 4) | size)!
    w.write(code, len)
    if (size > 0) w.write(v < 0 ? v + (1 << size) - 1 : v, size)
  }
  const block = (
    get: (x: number, y: number) => number,
    x0: number,
    y0: number,
    step: number,
    c: number,
  ) => {
    const qtab = c === 0 ? ql : qc
    const coef: number[] = []
    for (let v = 0; v < 8; v++) {
      for (let u = 0; u < 8; u++) {
        let sum = 0
        for (let y = 0; y < 8; y++) {
          for (let x = 0; x < 8; x++) {
            let val = 0
            for (let dy = 0; dy < step; dy++)
              for (let dx = 0; dx < step; dx++) val += get(x0 + x * step + dx, y0 + y * step + dy)
            sum +=
              (val / (step * step) - 128) *
              Math.cos(((2 * x + 1) * u * Math.PI) / 16) *
              Math.cos(((2 * y + 1) * v * Math.PI) / 16)
          }
        }
        const cu = u === 0 ? Math.SQRT1_2 : 1
        const cv = v === 0 ? Math.SQRT1_2 : 1
        coef[v * 8 + u] = Math.round((0.25 * cu * cv * sum) / qtab[v * 8 + u]!)
      }
    }
    const zz = ZIGZAG.map((z) => coef[z]!)
    emit(zz[0]! - pred[c]!, huff[c === 0 ? 0 : 2]!, 0)
    pred[c] = zz[0]!
    let run = 0
    for (let k = 1; k < 64; k++) {
      if (zz[k] === 0) {
        run++
        continue
      }
      while (run > 15) {
        emit(0, huff[c === 0 ? 1 : 3]!, 15)
        run -= 16
      }
      emit(zz[k]!, huff[c === 0 ? 1 : 3]!, run)
      run = 0
    }
    if (run > 0) emit(0, huff[c === 0 ? 1 : 3]!, 0)
  }
  const mcu = 8 * s
  let count = 0
  let rst = 0
  for (let my = 0; my < Math.ceil(r.height / mcu); my++) {
    for (let mx = 0; mx < Math.ceil(r.width / mcu); mx++) {
      if (o.restart && count > 0 && count % o.restart === 0) {
        w.flush()
        w.bytes.push(0xff, 0xd0 + (rst++ % 8))
        pred.fill(0)
      }
      count++
      for (let by = 0; by < s; by++)
        for (let bx = 0; bx < s; bx++) block(plane(0), mx * mcu + bx * 8, my * mcu + by * 8, 1, 0)
      if (ncomp === 3) {
        block(plane(1), mx * mcu, my * mcu, s, 1)
        block(plane(2), mx * mcu, my * mcu, s, 2)
      }
    }
  }
  w.flush()
  out.push(...w.bytes, 0xff, 0xd9)
  return new Uint8Array(out)
}
