/**
 * Test helper: writes zip archives by hand so that every header field can be set wrong on
 * purpose (names, sizes, CRCs, offsets, flags, ZIP64).
 */
import { deflateSync } from 'fflate'
import { crc32 } from 'node:zlib'

/** One entry to write; overrides apply to both headers unless `central`/`local` say. */
export interface BuildEntry {
  name: string
  data?: Uint8Array
  method?: 0 | 8 | 12
  flags?: number
  crc?: number
  /** Declared uncompressed size in both headers. */
  size?: number
  /** Payload written as the entry's compressed data (defaults from data and method). */
  payload?: Uint8Array
  /** Different name in the local header. */
  localName?: string
  /** Offset written in the central header instead of the real one. */
  offset?: number
  /** Unix mode for the external attributes (made-by = Unix). */
  unixMode?: number
  /** Write the entry with ZIP64 sizes and offset. */
  zip64?: boolean
}

const enc = new TextEncoder()

class Out {
  parts: Uint8Array[] = []
  length = 0
  push(b: Uint8Array): void {
    this.parts.push(b)
    this.length += b.length
  }
  concat(): Uint8Array {
    const out = new Uint8Array(this.length)
    let p = 0
    for (const part of this.parts) {
      out.set(part, p)
      p += part.length
    }
    return out
  }
}

function le(values: [number, 2 | 4 | 8][]): Uint8Array {
  const size = values.reduce((n, [, w]) => n + w, 0)
  const b = new Uint8Array(size)
  const v = new DataView(b.buffer)
  let p = 0
  for (const [x, w] of values) {
    if (w === 2) v.setUint16(p, x, true)
    else if (w === 4) v.setUint32(p, x >>> 0, true)
    else v.setBigUint64(p, BigInt(x), true)
    p += w
  }
  return b
}

/** Options for the archive as a whole. */
export interface BuildOptions {
  /** Force the ZIP64 end records. */
  zip64End?: boolean
  /** Bytes appended after the EOCD comment. */
  trailing?: Uint8Array
  comment?: string
}

/** Builds an archive from `entries`. */
export function buildZip(entries: BuildEntry[], options: BuildOptions = {}): Uint8Array {
  const out = new Out()
  const central = new Out()
  for (const e of entries) {
    const data = e.data ?? new Uint8Array(0)
    const method = e.method ?? 0
    const payload = e.payload ?? (method === 8 ? deflateSync(data) : data)
    const crc = e.crc ?? crc32(data)
    const size = e.size ?? data.length
    const flags = (e.flags ?? 0) | 0x0800
    const name = enc.encode(e.name)
    const localName = enc.encode(e.localName ?? e.name)
    const offset = out.length
    const z = e.zip64 === true
    // prettier-ignore
    const extra = z ? le([[1, 2], [24, 2], [size, 8], [payload.length, 8], [offset, 8]]) : null
    // prettier-ignore
    const localExtra = z ? le([[1, 2], [16, 2], [size, 8], [payload.length, 8]]) : null
    const s32 = z ? 0xffffffff : size
    const c32 = z ? 0xffffffff : payload.length
    // prettier-ignore
    out.push(
      le([
        [0x04034b50, 4], [z ? 45 : 20, 2], [flags, 2], [method, 2], [0, 2], [0x21, 2],
        [crc, 4], [c32, 4], [s32, 4], [localName.length, 2], [localExtra?.length ?? 0, 2],
      ]),
    )
    out.push(localName)
    if (localExtra) out.push(localExtra)
    out.push(payload)
    const madeBy = e.unixMode === undefined ? 20 : (3 << 8) | 20
    const external = e.unixMode === undefined ? 0 : e.unixMode * 0x10000
    // prettier-ignore
    central.push(
      le([
        [0x02014b50, 4], [madeBy, 2], [z ? 45 : 20, 2], [flags, 2], [method, 2], [0, 2],
        [0x21, 2], [crc, 4], [c32, 4], [s32, 4], [name.length, 2], [extra?.length ?? 0, 2],
        [0, 2], [0, 2], [0, 2], [external, 4], [z ? 0xffffffff : (e.offset ?? offset), 4],
      ]),
    )
    central.push(name)
    if (extra) central.push(extra)
  }
  const cdOffset = out.length
  const cd = central.concat()
  out.push(cd)
  const count = entries.length
  const z = options.zip64End === true || count > 0xfffe
  if (z) {
    const eocd64 = out.length
    // prettier-ignore
    out.push(
      le([
        [0x06064b50, 4], [44, 8], [45, 2], [45, 2], [0, 4], [0, 4], [count, 8], [count, 8],
        [cd.length, 8], [cdOffset, 8],
      ]),
    )
    out.push(
      le([
        [0x07064b50, 4],
        [0, 4],
        [eocd64, 8],
        [1, 4],
      ]),
    )
  }
  const comment = enc.encode(options.comment ?? '')
  // prettier-ignore
  out.push(
    le([
      [0x06054b50, 4], [0, 2], [0, 2], [z ? 0xffff : count, 2], [z ? 0xffff : count, 2],
      [z ? 0xffffffff : cd.length, 4], [z ? 0xffffffff : cdOffset, 4], [comment.length, 2],
    ]),
  )
  out.push(comment)
  if (options.trailing) out.push(options.trailing)
  return out.concat()
}
