/**
 * RFC 3161 §2.4.2 TSTInfo parsing.
 */
import {
  children,
  expectUniversal,
  isUniversal,
  readOid,
  readSingle,
  readSmallInt,
  readTime,
  TAG,
  toHex,
  type Tlv,
} from '../../asn1/der.js'
import { FormatError, YrdError } from '../../errors.js'
import { parseAlgorithmIdentifier, type AlgorithmIdentifier } from '../certificate.js'
import { parseGeneralName, type GeneralName } from '../general-name.js'
import { PLAIN } from '../../shape.js'

/** id-ct-TSTInfo. */
export const TST_INFO_OID = '1.2.840.113549.1.9.16.1.4'

/** The accuracy of genTime (RFC 3161): absent parts are zero. */
export interface Accuracy {
  readonly seconds: number
  readonly millis: number
  readonly micros: number
}

/** A parsed TSTInfo. */
export interface TstInfo {
  readonly policy: string
  readonly hashAlgorithm: AlgorithmIdentifier
  readonly hashedMessage: Uint8Array
  /** serialNumber as lower-case hex (without redundant leading zeros). */
  readonly serial: string
  readonly genTime: Date
  readonly accuracy?: Accuracy
  readonly ordering: boolean
  /** nonce as lower-case hex. */
  readonly nonce?: string
  readonly tsa?: GeneralName
  /** OIDs of critical extensions (none is understood). */
  readonly criticalExtensions: readonly string[]
}

function fail(message: string): never {
  throw new FormatError('format.timestamp', `TSTInfo: ${message} / 时间戳信息格式错误`)
}

function integerHex(tlv: Tlv | undefined, what: string): string {
  const v = expectUniversal(tlv, TAG.INTEGER, what).value
  if (v.length === 0 || v.length > 160 || (v[0]! & 0x80) !== 0) fail(`bad ${what}`)
  let i = 0
  while (i < v.length - 1 && v[i] === 0) i++
  return toHex(v.subarray(i))
}

function implicitInt(tlv: Tlv, limit: number): number {
  const n = readSmallInt({ ...PLAIN, ...tlv, cls: 0, tag: TAG.INTEGER })
  if (n < 1 || n > limit) fail('accuracy out of range')
  return n
}

function parseAccuracy(tlv: Tlv): Accuracy {
  let seconds = 0
  let millis = 0
  let micros = 0
  for (const part of children(tlv)) {
    if (isUniversal(part, TAG.INTEGER)) seconds = readSmallInt(part, 'seconds')
    else if (part.cls === 2 && part.tag === 0) millis = implicitInt(part, 999)
    else if (part.cls === 2 && part.tag === 1) micros = implicitInt(part, 999)
    else fail('bad accuracy field')
  }
  return { seconds, millis, micros }
}

function parseTstInfoInner(der: Uint8Array): TstInfo {
  const p = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'TSTInfo'))
  if (readSmallInt(p[0], 'version') !== 1) fail('unsupported version')
  const policy = readOid(p[1], 'policy')
  const [algTlv, hashTlv, extra] = children(expectUniversal(p[2], TAG.SEQUENCE, 'MessageImprint'))
  if (extra) fail('MessageImprint: extra fields')
  const hashAlgorithm = parseAlgorithmIdentifier(algTlv)
  const hashedMessage = expectUniversal(hashTlv, TAG.OCTET_STRING, 'hashedMessage').value
  const serial = integerHex(p[3], 'serialNumber')
  if (!p[4] || !isUniversal(p[4], TAG.GENERALIZED_TIME)) fail('genTime must be GeneralizedTime')
  const genTime = readTime(p[4], 'genTime')
  let i = 5
  let accuracy: Accuracy | undefined
  let ordering = false
  let nonce: string | undefined
  let tsa: GeneralName | undefined
  const criticalExtensions: string[] = []
  if (p[i] && isUniversal(p[i]!, TAG.SEQUENCE)) accuracy = parseAccuracy(p[i++]!)
  if (p[i] && isUniversal(p[i]!, TAG.BOOLEAN)) ordering = p[i++]!.value[0] !== 0
  if (p[i] && isUniversal(p[i]!, TAG.INTEGER)) nonce = integerHex(p[i++], 'nonce')
  if (p[i] && p[i]!.cls === 2 && p[i]!.tag === 0) {
    const [name, more] = children(p[i++]!)
    if (!name || more) fail('bad tsa field')
    tsa = parseGeneralName(name)
  }
  if (p[i] && p[i]!.cls === 2 && p[i]!.tag === 1) {
    for (const e of children(p[i++]!)) {
      const parts = children(expectUniversal(e, TAG.SEQUENCE, 'Extension'))
      const oid = readOid(parts[0], 'extnID')
      if (parts[1] && isUniversal(parts[1], TAG.BOOLEAN) && parts[1].value[0] !== 0) {
        criticalExtensions.push(oid)
      }
    }
  }
  if (i !== p.length) fail('extra fields')
  return {
    policy,
    hashAlgorithm,
    hashedMessage,
    serial,
    genTime,
    ordering,
    criticalExtensions,
    ...(accuracy ? { accuracy } : {}),
    ...(nonce !== undefined ? { nonce } : {}),
    ...(tsa ? { tsa } : {}),
  }
}

/** Parses DER TSTInfo. Throws FormatError ('format.timestamp') on malformed input. */
export function parseTstInfo(der: Uint8Array): TstInfo {
  try {
    return parseTstInfoInner(der)
  } catch (e) {
    if (e instanceof YrdError) throw e
    throw new FormatError('format.timestamp', 'malformed TSTInfo / 时间戳信息格式错误', {
      cause: e,
    })
  }
}
