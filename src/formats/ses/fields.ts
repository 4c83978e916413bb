/**
 * Field readers shared by the seal and signature parsers: typed errors, bounded strings,
 * times, headers, extensions and signature values.
 */
import {
  bitStringBytes,
  children,
  expectUniversal,
  isUniversal,
  readOid,
  readSmallInt,
  readTime,
  TAG,
  type Tlv,
} from '../../asn1/der.js'
import { decodeDerRs } from '../../crypto/rs-signature.js'
import { FormatError, YrdError } from '../../errors.js'
import type { SesExtension, SesHeader, SignatureEncoding } from './types.js'

const UTF8 = new TextDecoder('utf-8')

/** Largest SESeal or SES_Signature accepted, in bytes. */
export const MAX_SES_BYTES = 64 * 1024 * 1024
/** Most entries accepted in a certificate list. */
export const MAX_CERT_LIST = 256
/** Most ExtData entries accepted in one ExtensionDatas. */
export const MAX_EXTENSIONS = 64
/** Longest text field accepted, in bytes. */
export const MAX_TEXT_BYTES = 4096

/** A FormatError with a `format.ses.<what>` code and a bilingual message. */
export function sesError(what: string, en: string, zh: string): FormatError {
  return new FormatError(`format.ses.${what}`, `SES: ${en} / 电子印章：${zh}`)
}

/**
 * Runs a parser and turns every exception into a FormatError with a `format.ses.*` code,
 * so that bad input never escapes as anything else.
 */
export function guarded<T>(run: () => T): T {
  try {
    return run()
  } catch (e) {
    if (e instanceof YrdError && e.code.startsWith('format.ses.')) throw e
    const message = e instanceof Error ? e.message : String(e)
    throw new FormatError('format.ses.der', `SES: malformed DER (${message}) / 电子印章编码错误`, {
      cause: e,
    })
  }
}

/** Children of a SEQUENCE, with a bound on their number. */
export function sequence(tlv: Tlv | undefined, what: string, max = 16): Tlv[] {
  const seq = expectUniversal(tlv, TAG.SEQUENCE, what)
  const parts = children(seq)
  if (parts.length > max) {
    throw sesError('structure', `${what} has too many elements`, `${what} 元素过多`)
  }
  return parts
}

const TEXT_TAGS: readonly number[] = [
  TAG.IA5_STRING,
  TAG.UTF8_STRING,
  TAG.PRINTABLE_STRING,
  TAG.VISIBLE_STRING,
]

/** Reads a text field (IA5, UTF8, Printable or Visible string), decoded as UTF-8. */
export function readText(tlv: Tlv | undefined, what: string): string {
  if (!tlv || tlv.cls !== 0 || !TEXT_TAGS.includes(tlv.tag) || tlv.constructed) {
    throw sesError('structure', `expected text for ${what}`, `${what} 应为字符串`)
  }
  if (tlv.value.length > MAX_TEXT_BYTES) {
    throw sesError('limit', `${what} is too long`, `${what} 过长`)
  }
  return UTF8.decode(tlv.value)
}

/** Reads a small non-negative INTEGER. */
export function readInt(tlv: Tlv | undefined, what: string): number {
  return readSmallInt(tlv, what)
}

/** Reads UTCTime or GeneralizedTime. */
export function readDate(tlv: Tlv | undefined, what: string): Date {
  return readTime(tlv, what)
}

/** Reads an OCTET STRING's content. */
export function readOctets(tlv: Tlv | undefined, what: string): Uint8Array {
  const t = expectUniversal(tlv, TAG.OCTET_STRING, what)
  if (t.constructed) throw sesError('structure', `${what} is constructed`, `${what} 不应为构造类型`)
  return t.value
}

/** Reads a BIT STRING (0 unused bits) or, where tolerated, an OCTET STRING. */
export function readBitsOrOctets(tlv: Tlv | undefined, what: string, octets: boolean): Uint8Array {
  if (octets && tlv && isUniversal(tlv, TAG.OCTET_STRING)) return readOctets(tlv, what)
  return bitStringBytes(tlv, what)
}

/** SES_Header ::= SEQUENCE { id IA5String, version INTEGER, vid IA5String }. */
export function readHeader(tlv: Tlv | undefined): SesHeader {
  const parts = sequence(tlv, 'SES_Header', 3)
  if (parts.length !== 3) {
    throw sesError('header', 'SES_Header must have 3 elements', 'SES_Header 应有 3 个元素')
  }
  return {
    id: readText(parts[0], 'header.id'),
    version: readInt(parts[1], 'header.version'),
    vid: readText(parts[2], 'header.vid'),
  }
}

/** ExtensionDatas ::= SEQUENCE OF ExtData; `critical` may be absent. */
export function readExtensions(tlv: Tlv): SesExtension[] {
  const items = sequence(tlv, 'ExtensionDatas', MAX_EXTENSIONS)
  return items.map((item) => {
    const f = sequence(item, 'ExtData', 3)
    const oid = readOid(f[0], 'ExtData.extnID')
    let i = 1
    let critical = false
    if (f[i] && isUniversal(f[i]!, TAG.BOOLEAN)) {
      const v = f[i]!.value
      if (v.length !== 1) throw sesError('structure', 'bad BOOLEAN', '布尔值错误')
      critical = v[0] !== 0
      i++
    }
    const value = readOctets(f[i], 'ExtData.extnValue')
    if (f.length !== i + 1) {
      throw sesError('structure', 'ExtData has extra elements', 'ExtData 有多余元素')
    }
    return { oid, critical, value }
  })
}

/** Unwraps `[0] EXPLICIT x` (constructed context tag 0 holding exactly one element). */
export function unwrapExplicit0(tlv: Tlv): Tlv | undefined {
  if (tlv.cls !== 2 || tlv.tag !== 0 || !tlv.constructed) return undefined
  const inner = children(tlv)
  if (inner.length !== 1) {
    throw sesError('structure', '[0] must hold one element', '[0] 应只含一个元素')
  }
  return inner[0]
}

/**
 * Classifies a signature value: DER only if it starts with 0x30 and parses completely as two
 * INTEGERs; otherwise exactly 64 bytes is raw r || s; anything else is malformed.
 */
export function signatureEncoding(value: Uint8Array, what: string): SignatureEncoding {
  if (value[0] === 0x30 && decodeDerRs(value) !== undefined) return 'der'
  if (value.length === 64) return 'raw'
  throw sesError(
    'signature-value',
    `${what} is neither DER SEQUENCE{r,s} nor 64-byte r||s`,
    `${what} 既非 DER 编码也非 64 字节 r||s`,
  )
}
