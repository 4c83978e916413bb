/**
 * PDF names as the lexer reads them: which bytes continue a name, and the recently read names
 * kept by a hash of their bytes, so that the same few names (/Type, /Length, /Filter…) that
 * fill every file are one shared string each.
 */
import { latin1Text } from '../code-units.js'
import { DELIM_TABLE, WS_TABLE } from './chars.js'

/** Recently read names, by a hash of their bytes. */
const NAME_SLOTS = 1024
const names: string[] = new Array<string>(NAME_SLOTS).fill('')
/** Longest name kept in {@link names}. */
const MAX_INTERNED = 32

/** 1 for bytes that continue a name as themselves, 2 for `#`; 0 for ends (see isBoundary). */
export const NAME_BYTE = new Uint8Array(256)
for (let c = 0; c < 256; c++) NAME_BYTE[c] = WS_TABLE[c] === 1 || DELIM_TABLE[c] === 1 ? 0 : 1
NAME_BYTE[35] = 2

/** The name whose bytes are [from, to) and hash `h` (no `#` escapes), shared with earlier reads. */
export function internedName(b: Uint8Array, from: number, to: number, h: number): string {
  if (to - from > MAX_INTERNED) return latin1Text(b, from, to)
  const slot = h & (NAME_SLOTS - 1)
  const known = names[slot]!
  if (known.length === to - from) {
    let same = true
    for (let i = 0; i < known.length && same; i++) same = known.charCodeAt(i) === b[from + i]
    if (same) return known
  }
  const s = latin1Text(b, from, to)
  names[slot] = s
  return s
}
