/**
 * The payload of a signed JSON licence: one JSON object whose members are GB/T 36903 keys
 * with string (or number) values, read into key/value pairs for {@link readLicenceFields}.
 */
import { decodeUtf8, parseJsonObject } from './json-text.js'
import { MAX_METADATA_PAIRS } from './metadata.js'

/** The key/value pairs of a JSON licence; members that are not scalars are skipped. */
export function licenceJsonPairs(payload: Uint8Array): { name: string; value: string }[] {
  const object = parseJsonObject(decodeUtf8(payload, 'licence payload'), 'licence payload')
  const pairs: { name: string; value: string }[] = []
  for (const [name, value] of Object.entries(object)) {
    if (pairs.length >= MAX_METADATA_PAIRS) break
    if (typeof value === 'string') pairs.push({ name, value })
    else if (typeof value === 'number' && Number.isFinite(value)) {
      pairs.push({ name, value: String(value) })
    }
  }
  return pairs
}
