/**
 * A minimal scanner of content streams (ISO 32000-1 §7.8.2): it finds the XObjects drawn by
 * `/Name Do`, in order, skipping strings, comments, dictionaries and inline image data so
 * that their bytes are never mistaken for operators. It interprets nothing else.
 */

const WHITE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20])
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25])

const isRegular = (b: number | undefined) => b !== undefined && !WHITE.has(b) && !DELIM.has(b)

/** Decodes a name token's `#xx` escapes; the name is read as Latin-1 text. */
function nameText(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!
    if (b === 0x23 && i + 2 < bytes.length) {
      const v = Number.parseInt(String.fromCharCode(bytes[i + 1]!, bytes[i + 2]!), 16)
      if (!Number.isNaN(v)) {
        out += String.fromCharCode(v)
        i += 2
        continue
      }
    }
    out += String.fromCharCode(b)
  }
  return out
}

/** Index just past the literal string starting at `i` (on its '('). */
function skipLiteral(d: Uint8Array, i: number): number {
  let depth = 0
  for (; i < d.length; i++) {
    const b = d[i]!
    if (b === 0x5c) i++
    else if (b === 0x28) depth++
    else if (b === 0x29 && --depth === 0) return i + 1
  }
  return d.length
}

/** Index just past the `EI` that ends inline image data starting at `i` (after `ID`). */
function skipInlineData(d: Uint8Array, i: number): number {
  for (let j = i + 1; j + 1 < d.length; j++) {
    if (d[j] === 0x45 && d[j + 1] === 0x49 && WHITE.has(d[j - 1]!)) {
      const after = d[j + 2]
      if (after === undefined || WHITE.has(after)) return j + 2
    }
  }
  return d.length
}

/**
 * Names of the XObjects a content stream draws with `Do`, in drawing order, at most `max`.
 * @example
 * xobjectNamesDrawn(new TextEncoder().encode('q 10 0 0 10 0 0 cm /Im0 Do Q')) // ['Im0']
 */
export function xobjectNamesDrawn(data: Uint8Array, max = 10_000): string[] {
  const out: string[] = []
  let lastName: string | null = null
  let i = 0
  while (i < data.length && out.length < max) {
    const b = data[i]!
    if (WHITE.has(b)) {
      i++
    } else if (b === 0x25) {
      while (i < data.length && data[i] !== 0x0a && data[i] !== 0x0d) i++
    } else if (b === 0x28) {
      i = skipLiteral(data, i)
      lastName = null
    } else if (b === 0x2f) {
      let j = i + 1
      while (isRegular(data[j])) j++
      lastName = nameText(data.subarray(i + 1, j))
      i = j
    } else if (b === 0x3c || b === 0x3e || b === 0x5b || b === 0x5d || b === 0x7b || b === 0x7d) {
      if (b === 0x3c && data[i + 1] !== 0x3c) {
        while (i < data.length && data[i] !== 0x3e) i++
      }
      i++
      lastName = null
    } else {
      let j = i
      while (isRegular(data[j])) j++
      if (j === i) j++
      const op = String.fromCharCode(...data.subarray(i, Math.min(j, i + 3)))
      const len = j - i
      if (len === 2 && op === 'Do' && lastName !== null) out.push(lastName)
      if (len === 2 && op === 'ID') j = skipInlineData(data, j)
      lastName = null
      i = j
    }
  }
  return out
}
