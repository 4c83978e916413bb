/**
 * Turning reader output into plain JSON-able data for `inspect`: bytes as hex (shortened when
 * long), dates as ISO text, names as their RFC 4514 text, sets as arrays. Bounded in depth
 * and breadth so hostile structures cannot blow up the dump.
 */

/** Deepest nesting and most array items kept. */
export const MAX_DEPTH = 12
export const MAX_ITEMS = 200
/** Bytes shown in full up to this length; longer values show a prefix and the length. */
export const MAX_HEX_BYTES = 64

/** Lower-case hex, shortened past {@link MAX_HEX_BYTES} bytes. */
export function hex(bytes: Uint8Array): string {
  let s = ''
  const n = Math.min(bytes.length, MAX_HEX_BYTES)
  for (let i = 0; i < n; i++) s += bytes[i]!.toString(16).padStart(2, '0')
  return bytes.length > n ? `${s}… (${bytes.length} bytes)` : s
}

/** Converts any reader value to plain data. */
export function plain(value: unknown, depth = 0): unknown {
  if (value === null || value === undefined) return null
  if (depth > MAX_DEPTH) return '…'
  if (typeof value === 'bigint') return value.toString()
  if (typeof value !== 'object') return value
  if (value instanceof Uint8Array) return hex(value)
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString()
  if (value instanceof Set) return plain([...value], depth)
  if (Array.isArray(value)) {
    const items = value.slice(0, MAX_ITEMS).map((v) => plain(v, depth + 1))
    return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items
  }
  const o = value as Record<string, unknown>
  // A parsed distinguished name: its text says it all.
  if (typeof o.text === 'string' && o.der instanceof Uint8Array && 'rdns' in o) return o.text
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(o)) {
    if (k === 'raw' || k === 'der' || k === 'tbs' || k === 'bytes' || k === 'signedBytes') continue
    out[k] = plain(v, depth + 1)
  }
  return out
}
