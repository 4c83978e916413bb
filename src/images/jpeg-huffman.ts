/**
 * Entropy decoding of baseline JPEG (ITU-T T.81 Annex F): the bit reader over entropy-coded
 * data (byte stuffing, restart markers) and canonical Huffman tables.
 */
import { imageFormat } from './errors.js'

/** A canonical Huffman table: code lengths 1–16 and their symbols. */
export interface HuffmanTable {
  /** For length L (1..16): the largest code of that length, or -1. */
  readonly maxCode: Int32Array
  /** For length L: index in `symbols` of the first code of that length minus that code. */
  readonly offset: Int32Array
  readonly symbols: Uint8Array
}

/** Builds a table from the 16 counts and the symbols of a DHT segment. */
export function buildHuffman(counts: Uint8Array, symbols: Uint8Array): HuffmanTable {
  const maxCode = new Int32Array(18).fill(-1)
  const offset = new Int32Array(18)
  let code = 0
  let k = 0
  for (let len = 1; len <= 16; len++) {
    const n = counts[len - 1]!
    offset[len] = k - code
    if (n > 0) {
      code += n
      k += n
      maxCode[len] = code - 1
    }
    if (code > 1 << len) throw imageFormat('jpeg', 'over-subscribed Huffman table')
    code <<= 1
  }
  if (k > symbols.length) throw imageFormat('jpeg', 'Huffman table shorter than its counts')
  return { maxCode, offset, symbols: symbols.subarray(0, k) }
}

/** Reads bits from entropy-coded data, MSB first, undoing 0xFF00 stuffing. */
export class BitReader {
  private bits = 0
  private count = 0
  /** Set when a marker (other than stuffing) was reached; zero bits are supplied after it. */
  marker = -1

  constructor(
    private readonly data: Uint8Array,
    public pos: number,
  ) {}

  private fill(): void {
    while (this.count <= 24) {
      let byte = 0
      if (this.marker < 0 && this.pos < this.data.length) {
        byte = this.data[this.pos]!
        if (byte === 0xff) {
          const next = this.data[this.pos + 1] ?? 0
          if (next === 0x00) this.pos += 2
          else {
            this.marker = next
            byte = 0
          }
        } else this.pos++
      }
      this.bits = (this.bits << 8) | byte
      this.count += 8
    }
  }

  /** Reads `n` (0..16) bits as an unsigned number. */
  read(n: number): number {
    if (n === 0) return 0
    this.fill()
    this.count -= n
    return (this.bits >>> this.count) & ((1 << n) - 1)
  }

  /** Decodes one Huffman symbol. */
  decode(table: HuffmanTable): number {
    let code = 0
    for (let len = 1; len <= 16; len++) {
      code = (code << 1) | this.read(1)
      if (code <= table.maxCode[len]!) {
        const s = table.symbols[code + table.offset[len]!]
        if (s === undefined) break
        return s
      }
    }
    throw imageFormat('jpeg', 'bad Huffman code in entropy-coded data')
  }

  /** Reads `n` bits and sign-extends them as JPEG magnitude categories do. */
  receiveExtend(n: number): number {
    if (n === 0) return 0
    const v = this.read(n)
    return v < 1 << (n - 1) ? v - (1 << n) + 1 : v
  }

  /** Skips to the restart marker expected next and resets the bit buffer. */
  restart(): void {
    this.bits = 0
    this.count = 0
    if (this.marker < 0) {
      while (this.pos + 1 < this.data.length) {
        if (
          this.data[this.pos] === 0xff &&
          this.data[this.pos + 1]! >= 0xd0 &&
          this.data[this.pos + 1]! <= 0xd7
        )
          break
        this.pos++
      }
    }
    if (this.pos + 1 < this.data.length && this.data[this.pos] === 0xff) this.pos += 2
    this.marker = -1
  }
}
