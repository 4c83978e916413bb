/**
 * Safe zip reading: the whole structure is checked when the archive is opened; each file is
 * extracted lazily, bounded, and checked against its CRC-32 when read.
 */
import { LeReader } from './bytes.js'
import { readCentralDirectory } from './central-directory.js'
import type { CentralEntry } from './central-directory.js'
import { crc32 } from './crc32.js'
import { findCentralDirectory } from './eocd.js'
import { zipFormat, zipLimit } from './errors.js'
import { inflateBounded } from './inflate.js'
import { resolveZipLimits } from './limits.js'
import type { ZipLimits } from './limits.js'
import { checkLocalHeaders } from './local-header.js'
import type { EntryData } from './local-header.js'
import { foldEntryName } from './names.js'

/** A file entry of an opened archive (folders are not listed). */
export interface ZipEntryInfo {
  readonly name: string
  readonly method: 'stored' | 'deflate'
  readonly compressedSize: number
  readonly size: number
  readonly crc32: number
}

/** An opened, structurally checked archive. */
export interface ZipArchive {
  /** File names in central-directory order. */
  readonly names: readonly string[]
  /** Entry details by name. */
  readonly entries: ReadonlyMap<string, ZipEntryInfo>
  /** Whether a file of that exact name exists. */
  has(name: string): boolean
  /**
   * Extracts a file (bounded, CRC-32 checked); throws `format.zip.not-found` when absent.
   * Results are not cached: each call decompresses again.
   */
  read(name: string): Uint8Array
}

/**
 * Opens a zip archive: locates the central directory, checks every header, name, size,
 * ratio and range, and refuses anything unsafe before decompressing a byte.
 * @throws FormatError `format.zip.*` for malformed or unsafe archives
 * @throws LimitError `limit.zip.*` when a bound of `limits` is exceeded
 * @example
 * const zip = readZip(bytes); const xml = zip.read('OFD.xml')
 */
export function readZip(bytes: Uint8Array, limits?: Partial<ZipLimits>): ZipArchive {
  const lim = resolveZipLimits(limits)
  const r = new LeReader(bytes)
  const loc = findCentralDirectory(r)
  const central = readCentralDirectory(r, loc, lim)
  checkNames(central)
  checkSizes(central, lim)
  const data = checkLocalHeaders(r, central, loc.offset)
  const files = new Map<string, { entry: CentralEntry; data: EntryData }>()
  const entries = new Map<string, ZipEntryInfo>()
  central.forEach((entry, i) => {
    if (entry.isDirectory) return
    files.set(entry.name, { entry, data: data[i]! })
    entries.set(entry.name, {
      name: entry.name,
      method: entry.method,
      compressedSize: entry.compressedSize,
      size: entry.uncompressedSize,
      crc32: entry.crc32,
    })
  })
  return {
    names: [...files.keys()],
    entries,
    has: (name) => files.has(name),
    read(name) {
      const found = files.get(name)
      if (!found) {
        throw zipFormat('not-found', `no entry "${name}"`, `压缩包中没有条目“${name}”`)
      }
      return extract(bytes, found.entry, found.data)
    },
  }
}

function extract(bytes: Uint8Array, e: CentralEntry, d: EntryData): Uint8Array {
  const raw = bytes.subarray(d.start, d.end)
  const out = e.method === 'stored' ? raw.slice() : inflateBounded(raw, e.uncompressedSize, e.name)
  if (crc32(out) !== e.crc32) {
    throw zipFormat('crc', `CRC-32 mismatch in entry "${e.name}"`, `条目“${e.name}”CRC-32 校验失败`)
  }
  return out
}

function checkNames(entries: readonly CentralEntry[]): void {
  const exact = new Set<string>()
  const folded = new Map<string, string>()
  for (const e of entries) {
    if (exact.has(e.name)) {
      throw zipFormat('duplicate-name', `duplicate entry "${e.name}"`, `条目“${e.name}”重复`)
    }
    exact.add(e.name)
    const key = foldEntryName(e.name)
    const other = folded.get(key)
    if (other !== undefined) {
      throw zipFormat(
        'colliding-name',
        `entries "${other}" and "${e.name}" collide after case and Unicode folding`,
        `条目“${other}”与“${e.name}”在忽略大小写和 Unicode 规范化后重名`,
      )
    }
    folded.set(key, e.name)
  }
}

function checkSizes(entries: readonly CentralEntry[], lim: ZipLimits): void {
  let total = 0
  for (const e of entries) {
    const size = e.uncompressedSize
    if (size > lim.maxEntrySize) {
      throw zipLimit(
        'entry-size',
        `entry "${e.name}" declares ${size} bytes, more than ${lim.maxEntrySize}`,
        `条目“${e.name}”声明 ${size} 字节，超过上限 ${lim.maxEntrySize}`,
      )
    }
    total += size
    if (total > lim.maxTotalSize) {
      throw zipLimit(
        'total-size',
        `archive declares more than ${lim.maxTotalSize} bytes in total`,
        `压缩包声明的总大小超过 ${lim.maxTotalSize} 字节`,
      )
    }
    if (size > lim.ratioThreshold && size > e.compressedSize * lim.maxRatio) {
      throw zipLimit(
        'ratio',
        `entry "${e.name}" compression ratio exceeds ${lim.maxRatio}:1`,
        `条目“${e.name}”压缩比超过 ${lim.maxRatio}:1`,
      )
    }
  }
}
