/**
 * Parses central-directory file headers into entry records, with ZIP64 extra fields.
 */
import type { LeReader } from './bytes.js'
import type { CentralDirectoryLocation } from './eocd.js'
import { zipFormat, zipLimit } from './errors.js'
import type { ZipLimits } from './limits.js'
import { checkEntryName, decodeEntryName } from './names.js'

const CDH_SIG = 0x02014b50
const CDH_SIZE = 46

/** Compression methods this reader extracts. */
export type ZipMethod = 'stored' | 'deflate'

/** One central-directory record, after the name checks. */
export interface CentralEntry {
  readonly name: string
  readonly isDirectory: boolean
  readonly method: ZipMethod
  readonly flags: number
  readonly crc32: number
  readonly compressedSize: number
  readonly uncompressedSize: number
  readonly localOffset: number
  /** Raw name bytes, compared byte for byte with the local header. */
  readonly rawName: Uint8Array
}

/**
 * Reads every central-directory header. The declared entry count is checked against the
 * limit and against the directory size before any header is read.
 */
export function readCentralDirectory(
  r: LeReader,
  loc: CentralDirectoryLocation,
  limits: ZipLimits,
): CentralEntry[] {
  if (loc.entryCount > limits.maxEntries) {
    throw zipLimit(
      'entry-count',
      `${loc.entryCount} entries, more than the limit of ${limits.maxEntries}`,
      `条目数 ${loc.entryCount} 超过上限 ${limits.maxEntries}`,
    )
  }
  if (loc.entryCount * CDH_SIZE > loc.size) {
    throw zipFormat('cd-size', 'central directory too small for its entries', '中央目录过小')
  }
  const entries: CentralEntry[] = []
  let p = loc.offset
  for (let i = 0; i < loc.entryCount; i++) {
    r.need(p, CDH_SIZE, 'central directory header')
    if (r.u32(p) !== CDH_SIG) {
      throw zipFormat('cd-header', 'bad central directory header', '中央目录文件头错误')
    }
    const madeBy = r.u16(p + 4)
    const flags = r.u16(p + 8)
    const methodCode = r.u16(p + 10)
    const nameLen = r.u16(p + 28)
    const extraLen = r.u16(p + 30)
    const commentLen = r.u16(p + 32)
    const diskStart = r.u16(p + 34)
    const external = r.u32(p + 38)
    const next = p + CDH_SIZE + nameLen + extraLen + commentLen
    if (next > loc.offset + loc.size) {
      throw zipFormat('cd-size', 'central directory header overruns', '中央目录文件头越界')
    }
    const rawName = r.slice(p + CDH_SIZE, nameLen, 'entry name')
    const name = decodeEntryName(rawName, limits)
    checkEntryName(name, limits)
    if (flags & 0x0041) {
      throw zipFormat('encrypted', `entry "${name}" is encrypted`, `条目“${name}”已加密`)
    }
    if (madeBy >> 8 === 3 && ((external >>> 16) & 0o170000) === 0o120000) {
      throw zipFormat('symlink', `entry "${name}" is a symbolic link`, `条目“${name}”是符号链接`)
    }
    let method: ZipMethod
    if (methodCode === 0) method = 'stored'
    else if (methodCode === 8) method = 'deflate'
    else {
      throw zipFormat(
        'method',
        `entry "${name}" uses unsupported compression method ${methodCode}`,
        `条目“${name}”使用不支持的压缩方法 ${methodCode}`,
      )
    }
    const sizes = {
      uncompressed: r.u32(p + 24),
      compressed: r.u32(p + 20),
      offset: r.u32(p + 42),
      disk: diskStart,
    }
    applyZip64Extra(r, p + CDH_SIZE + nameLen, extraLen, sizes)
    if (sizes.disk !== 0) {
      throw zipFormat('multi-disk', 'multi-volume archives are not supported', '不支持分卷压缩包')
    }
    const isDirectory = name.endsWith('/')
    if (isDirectory && sizes.uncompressed !== 0) {
      throw zipFormat(
        'directory',
        `folder entry "${name}" has content`,
        `目录条目“${name}”含有内容`,
      )
    }
    if (method === 'stored' && sizes.compressed !== sizes.uncompressed) {
      throw zipFormat('sizes', `stored entry "${name}" sizes differ`, `存储条目“${name}”大小不一致`)
    }
    entries.push({
      name,
      isDirectory,
      method,
      flags,
      crc32: r.u32(p + 16),
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      localOffset: sizes.offset,
      rawName,
    })
    p = next
  }
  if (p !== loc.offset + loc.size) {
    throw zipFormat(
      'cd-size',
      'central directory has bytes beyond its declared entries',
      '中央目录在声明的条目之外还有数据',
    )
  }
  return entries
}

interface MutableSizes {
  uncompressed: number
  compressed: number
  offset: number
  disk: number
}

/** Replaces saturated 32-bit fields with their ZIP64 extra-field values, in spec order. */
function applyZip64Extra(r: LeReader, start: number, length: number, s: MutableSizes): void {
  const need = [s.uncompressed, s.compressed, s.offset].some((v) => v === 0xffffffff)
  let q = start
  const end = start + length
  while (q + 4 <= end) {
    const id = r.u16(q)
    const size = r.u16(q + 2)
    if (q + 4 + size > end) {
      throw zipFormat('extra-field', 'extra field overruns', '扩展字段越界')
    }
    if (id === 0x0001) {
      let f = q + 4
      const take = (): number => {
        if (f + 8 > q + 4 + size) {
          throw zipFormat('zip64', 'ZIP64 extra field too short', 'ZIP64 扩展字段过短')
        }
        const v = r.u64(f)
        f += 8
        return v
      }
      if (s.uncompressed === 0xffffffff) s.uncompressed = take()
      if (s.compressed === 0xffffffff) s.compressed = take()
      if (s.offset === 0xffffffff) s.offset = take()
      if (s.disk === 0xffff && f + 4 <= q + 4 + size) s.disk = r.u32(f)
      return
    }
    q += 4 + size
  }
  if (need) throw zipFormat('zip64', 'ZIP64 extra field missing', '缺少 ZIP64 扩展字段')
}
