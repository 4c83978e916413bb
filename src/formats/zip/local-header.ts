/**
 * Checks each local file header against its central-directory record and that entries'
 * byte ranges lie before the central directory and do not overlap.
 */
import { sameBytes } from '../../crypto/bytes.js'
import type { LeReader } from './bytes.js'
import type { CentralEntry } from './central-directory.js'
import { zipFormat } from './errors.js'

const LFH_SIG = 0x04034b50
const LFH_SIZE = 30

/** Where an entry's compressed bytes are. */
export interface EntryData {
  readonly start: number
  readonly end: number
}

/**
 * Validates every local header and returns each entry's data range, in the order of
 * `entries`. `limit` is the offset of the central directory.
 */
export function checkLocalHeaders(
  r: LeReader,
  entries: readonly CentralEntry[],
  limit: number,
): EntryData[] {
  const ranges: { begin: number; end: number; name: string }[] = []
  const data = entries.map((e) => {
    const p = e.localOffset
    const bad = (what: string, zh: string): never => {
      throw zipFormat(
        'local-header',
        `local header of "${e.name}" disagrees: ${what}`,
        `条目“${e.name}”的本地文件头不一致：${zh}`,
      )
    }
    if (p + LFH_SIZE > limit) bad('outside the entry area', '超出条目区域')
    if (r.u32(p) !== LFH_SIG) bad('bad signature', '签名错误')
    const flags = r.u16(p + 6)
    const method = r.u16(p + 8)
    const nameLen = r.u16(p + 26)
    const extraLen = r.u16(p + 28)
    if ((flags & 0x0009) !== (e.flags & 0x0009)) bad('flags', '标志位')
    if (method !== (e.method === 'stored' ? 0 : 8)) bad('method', '压缩方法')
    const name = r.slice(p + LFH_SIZE, nameLen, 'local name')
    if (!sameBytes(name, e.rawName)) bad('name', '名称')
    if ((flags & 0x0008) === 0) {
      if (r.u32(p + 14) !== e.crc32) bad('CRC-32', 'CRC-32')
      const cs = r.u32(p + 18)
      const us = r.u32(p + 22)
      if (cs !== 0xffffffff && cs !== e.compressedSize) bad('compressed size', '压缩大小')
      if (us !== 0xffffffff && us !== e.uncompressedSize) bad('size', '原始大小')
    }
    const start = p + LFH_SIZE + nameLen + extraLen
    const end = start + e.compressedSize
    if (end > limit) bad('data runs into the central directory', '数据越过中央目录')
    ranges.push({ begin: p, end, name: e.name })
    return { start, end }
  })
  ranges.sort((a, b) => a.begin - b.begin)
  for (let i = 1; i < ranges.length; i++) {
    const prev = ranges[i - 1]!
    const cur = ranges[i]!
    if (cur.begin < prev.end) {
      throw zipFormat(
        'overlap',
        `entries "${prev.name}" and "${cur.name}" overlap`,
        `条目“${prev.name}”与“${cur.name}”重叠`,
      )
    }
  }
  return data
}
