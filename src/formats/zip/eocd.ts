/**
 * Locates the End of Central Directory record (and its ZIP64 form) with a bounded search.
 */
import type { LeReader } from './bytes.js'
import { zipFormat } from './errors.js'

const EOCD_SIG = 0x06054b50
const ZIP64_LOCATOR_SIG = 0x07064b50
const ZIP64_EOCD_SIG = 0x06064b50
const EOCD_SIZE = 22
const MAX_COMMENT = 0xffff

/** Where the central directory is and how many entries it declares. */
export interface CentralDirectoryLocation {
  readonly entryCount: number
  readonly offset: number
  readonly size: number
  /** Offset of the first byte after the central directory's trailing records begin. */
  readonly end: number
}

/**
 * Finds the EOCD record, searching at most the last 22 + 65 535 bytes, and requires its
 * comment to end exactly at the end of the file. A second record that would also fit (one
 * forged inside the comment, read differently by other tools) is refused. Follows the ZIP64
 * locator when present.
 */
export function findCentralDirectory(r: LeReader): CentralDirectoryLocation {
  const length = r.bytes.length
  if (length < EOCD_SIZE) {
    throw zipFormat('no-eocd', 'not a zip archive (too short)', '不是 zip 压缩包（过短）')
  }
  const lowest = Math.max(0, length - EOCD_SIZE - MAX_COMMENT)
  const candidates: number[] = []
  for (let p = length - EOCD_SIZE; p >= lowest && candidates.length < 2; p--) {
    if (r.u32(p) === EOCD_SIG && p + EOCD_SIZE + r.u16(p + 20) === length) candidates.push(p)
  }
  const pos = candidates[0]
  if (pos === undefined) {
    throw zipFormat('no-eocd', 'end of central directory not found', '未找到中央目录结束记录')
  }
  if (candidates.length > 1) {
    throw zipFormat(
      'ambiguous-eocd',
      'more than one plausible end of central directory record',
      '存在多个可能的中央目录结束记录',
    )
  }
  const disk = r.u16(pos + 4)
  const cdDisk = r.u16(pos + 6)
  const entriesHere = r.u16(pos + 8)
  let entryCount = r.u16(pos + 10)
  let size = r.u32(pos + 12)
  let offset = r.u32(pos + 16)
  let end = pos
  if (disk !== 0 || cdDisk !== 0 || entriesHere !== entryCount) {
    throw zipFormat('multi-disk', 'multi-volume archives are not supported', '不支持分卷压缩包')
  }
  const hasLocator = pos >= 20 && r.u32(pos - 20) === ZIP64_LOCATOR_SIG
  const needs64 = entryCount === 0xffff || size === 0xffffffff || offset === 0xffffffff
  if (hasLocator) {
    const z = r.u64(pos - 20 + 8)
    if (r.u32(pos - 20 + 4) !== 0 || r.u32(pos - 20 + 16) > 1) {
      throw zipFormat('multi-disk', 'multi-volume archives are not supported', '不支持分卷压缩包')
    }
    r.need(z, 56, 'ZIP64 end of central directory')
    if (r.u32(z) !== ZIP64_EOCD_SIG || z + 56 > pos - 20) {
      throw zipFormat('zip64', 'bad ZIP64 end of central directory', 'ZIP64 中央目录结束记录错误')
    }
    if (r.u32(z + 16) !== 0 || r.u32(z + 20) !== 0 || r.u64(z + 24) !== r.u64(z + 32)) {
      throw zipFormat('multi-disk', 'multi-volume archives are not supported', '不支持分卷压缩包')
    }
    entryCount = r.u64(z + 32)
    size = r.u64(z + 40)
    offset = r.u64(z + 48)
    end = z
  } else if (needs64) {
    throw zipFormat('zip64', 'ZIP64 locator missing', '缺少 ZIP64 定位记录')
  }
  if (offset + size !== end) {
    throw zipFormat(
      'cd-position',
      'central directory does not end where its end record begins',
      '中央目录的位置与结束记录不符',
    )
  }
  return { entryCount, offset, size, end }
}
