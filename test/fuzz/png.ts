/**
 * PNG-aware mutation for the picture fuzzing: the change goes into the decompressed image
 * data or a chunk body, and the file is put back together with valid zlib data and chunk
 * CRCs, so that the decoder's deeper layers (filters, dimensions, palettes) see it.
 */
import { unzlibSync, zlibSync } from 'fflate'
import { crc32 } from '../../src/formats/zip/crc32.js'
import { applyMutations, type Mutation } from './mutate.js'

interface Chunk {
  readonly type: string
  data: Uint8Array
}

function chunks(png: Uint8Array): Chunk[] {
  const out: Chunk[] = []
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  for (let at = 8; at + 12 <= png.length && out.length < 10_000;) {
    const length = view.getUint32(at)
    const type = new TextDecoder('latin1').decode(png.subarray(at + 4, at + 8))
    out.push({ type, data: png.slice(at + 8, at + 8 + length) })
    at += 12 + length
  }
  return out
}

function assemble(list: readonly Chunk[]): Uint8Array {
  const parts: Uint8Array[] = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]
  for (const c of list) {
    const head = new Uint8Array(8)
    new DataView(head.buffer).setUint32(0, c.data.length)
    head.set(new TextEncoder().encode(c.type), 4)
    const typed = new Uint8Array([...head.subarray(4), ...c.data])
    const crc = new Uint8Array(4)
    new DataView(crc.buffer).setUint32(0, crc32(typed) >>> 0)
    parts.push(head, c.data, crc)
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}

/**
 * Mutates a PNG behind its checksums: `target` picks the decompressed image data (0) or the
 * body of one chunk (others, modulo the count). Returns the input unchanged when it is not a
 * PNG whose image data inflates.
 */
export function mutatePng(
  png: Uint8Array,
  target: number,
  mutations: readonly Mutation[],
): Uint8Array {
  const list = chunks(png)
  const idat = list.filter((c) => c.type === 'IDAT')
  if (target % (list.length + 1) === 0 && idat.length > 0) {
    let raw: Uint8Array
    try {
      raw = unzlibSync(new Uint8Array(idat.flatMap((c) => [...c.data])))
    } catch {
      return png
    }
    const data = zlibSync(applyMutations(raw, mutations))
    const first = list.indexOf(idat[0]!)
    const rest = list.filter((c) => c.type !== 'IDAT')
    rest.splice(first, 0, { type: 'IDAT', data })
    return assemble(rest)
  }
  const chosen = list[(target % (list.length + 1)) - 1] ?? list[0]
  if (!chosen) return png
  chosen.data = applyMutations(chosen.data, mutations)
  return assemble(list)
}
