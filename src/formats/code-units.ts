/**
 * Strings made from bytes taken one per character (Latin-1) or two per character (UTF-16BE),
 * in one allocation. Appending characters one by one builds a chain of string pieces, one per
 * character past the first dozen, which the engine joins later; a licence's metadata and
 * certificate names are read on every verification, so they are made whole here, with exactly
 * the characters the one-by-one loop gives.
 */

/** Below this length a string is built directly (the engine copies short strings anyway). */
const SHORT = 16
/** Most arguments handed to String.fromCharCode at once. */
const CHUNK = 4096

/** WHATWG's 'latin1' is windows-1252, which agrees with Latin-1 on every byte below 0x80. */
const ASCII = new TextDecoder('latin1')
/** Agrees with the code units taken two bytes at a time as long as none is a surrogate (a
 *  leading U+FEFF is kept, as a character of the text). */
const UTF16BE = new TextDecoder('utf-16be', { ignoreBOM: true })

function isAscii(b: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (b[i]! >= 0x80) return false
  return true
}

/** The bytes [start, end) of `b` as characters U+0000–U+00FF, one per byte. */
export function latin1Text(b: Uint8Array, start = 0, end = b.length): string {
  if (end - start < SHORT) {
    let s = ''
    for (let i = start; i < end; i++) s += String.fromCharCode(b[i]!)
    return s
  }
  if (isAscii(b, start, end)) return ASCII.decode(b.subarray(start, end))
  let s = ''
  for (let i = start; i < end; i += CHUNK) {
    const part = b.subarray(i, Math.min(end, i + CHUNK))
    s += String.fromCharCode.apply(null, part as unknown as number[])
  }
  return s
}

/**
 * The bytes [start, end) of `b` as UTF-16BE code units, two bytes each; an odd last byte is
 * ignored and lone surrogates are kept as they are (not replaced by U+FFFD).
 */
export function utf16beText(b: Uint8Array, start = 0, end = b.length): string {
  const stop = start + ((end - start) & ~1)
  let plain = true
  for (let i = start; i < stop && plain; i += 2) plain = (b[i]! & 0xf8) !== 0xd8
  if (plain && stop - start >= 2 * SHORT) return UTF16BE.decode(b.subarray(start, stop))
  let s = ''
  for (let i = start; i < stop; i += 2) s += String.fromCharCode((b[i]! << 8) | b[i + 1]!)
  return s
}
