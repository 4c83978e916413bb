/**
 * Decoding of ASN.1 character strings into JavaScript strings.
 */
import { FormatError } from '../errors.js'
import { latin1Text, utf16beText } from '../formats/code-units.js'
import { TAG, type Tlv } from './der.js'

const utf8 = new TextDecoder('utf-8', { fatal: true })

function utf16be(bytes: Uint8Array): string {
  if (bytes.length % 2 !== 0) throw new FormatError('format.der', 'DER: odd BMPString length')
  return utf16beText(bytes)
}

function utf32be(bytes: Uint8Array): string {
  if (bytes.length % 4 !== 0) throw new FormatError('format.der', 'DER: bad UniversalString length')
  let s = ''
  for (let i = 0; i < bytes.length; i += 4) {
    const cp =
      ((bytes[i]! << 24) | (bytes[i + 1]! << 16) | (bytes[i + 2]! << 8) | bytes[i + 3]!) >>> 0
    if (cp > 0x10ffff) throw new FormatError('format.der', 'DER: bad UniversalString character')
    s += String.fromCodePoint(cp)
  }
  return s
}

/** The string tags this module decodes. */
export const STRING_TAGS: ReadonlySet<number> = new Set([
  TAG.UTF8_STRING,
  TAG.PRINTABLE_STRING,
  TAG.T61_STRING,
  TAG.IA5_STRING,
  TAG.VISIBLE_STRING,
  TAG.UNIVERSAL_STRING,
  TAG.BMP_STRING,
  25, // GraphicString
  27, // GeneralString
  18, // NumericString
])

/** Decodes a universal character-string element, or returns undefined for other elements. */
export function decodeString(tlv: Tlv): string | undefined {
  if (tlv.cls !== 0 || !STRING_TAGS.has(tlv.tag)) return undefined
  try {
    switch (tlv.tag) {
      case TAG.UTF8_STRING:
        return utf8.decode(tlv.value)
      case TAG.BMP_STRING:
        return utf16be(tlv.value)
      case TAG.UNIVERSAL_STRING:
        return utf32be(tlv.value)
      case TAG.T61_STRING: {
        // Many issuers put UTF-8 into TeletexString; accept it when it decodes as UTF-8.
        try {
          return utf8.decode(tlv.value)
        } catch {
          return latin1Text(tlv.value)
        }
      }
      default:
        return latin1Text(tlv.value)
    }
  } catch (e) {
    if (e instanceof FormatError) throw e
    throw new FormatError('format.der', 'DER: string is not valid UTF-8 / 字符串不是有效的 UTF-8')
  }
}
