/**
 * Bounds-checked little-endian reads over an archive's bytes.
 */
import { zipFormat } from './errors.js'

/** Little-endian reader that throws `format.zip.truncated` instead of reading past the end. */
export class LeReader {
  readonly bytes: Uint8Array
  private readonly view: DataView

  constructor(bytes: Uint8Array) {
    this.bytes = bytes
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  }

  /** Throws unless `length` bytes are available at `offset`. */
  need(offset: number, length: number, what: string): void {
    if (offset < 0 || length < 0 || offset + length > this.bytes.length) {
      throw zipFormat('truncated', `truncated archive: ${what}`, `压缩包不完整：${what}`)
    }
  }

  u16(offset: number): number {
    this.need(offset, 2, 'u16')
    return this.view.getUint16(offset, true)
  }

  u32(offset: number): number {
    this.need(offset, 4, 'u32')
    return this.view.getUint32(offset, true)
  }

  /** A 64-bit value that must fit in a safe integer (archives are far smaller). */
  u64(offset: number): number {
    this.need(offset, 8, 'u64')
    const low = this.view.getUint32(offset, true)
    const high = this.view.getUint32(offset + 4, true)
    if (high > 0x1fffff) {
      throw zipFormat('zip64-range', 'ZIP64 value out of range', 'ZIP64 数值超出范围')
    }
    return high * 0x1_0000_0000 + low
  }

  slice(offset: number, length: number, what: string): Uint8Array {
    this.need(offset, length, what)
    return this.bytes.subarray(offset, offset + length)
  }
}
