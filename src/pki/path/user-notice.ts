/**
 * Decoding of the UserNotice policy qualifier (RFC 5280 §4.2.1.4): its explicitText is the
 * text a relying party should display for a certificate policy.
 */
import { children, readSingle, TAG } from '../../asn1/der.js'
import { decodeString } from '../../asn1/strings.js'

/** id-qt-unotice. */
export const USER_NOTICE_OID = '1.3.6.1.5.5.7.2.2'

const MAX_TEXT = 1000

/** The explicitText of a DER UserNotice, or undefined when absent or malformed. */
export function userNoticeText(der: Uint8Array): string | undefined {
  try {
    const seq = readSingle(der)
    if (seq.cls !== 0 || seq.tag !== TAG.SEQUENCE) return undefined
    for (const part of children(seq)) {
      if (part.cls === 0 && part.tag === TAG.SEQUENCE) continue
      const text = decodeString(part)
      return text === undefined ? undefined : text.slice(0, MAX_TEXT)
    }
  } catch {
    return undefined
  }
  return undefined
}
