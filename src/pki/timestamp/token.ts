/**
 * RFC 3161 time-stamp tokens: a TimeStampToken (CMS SignedData over TSTInfo) or a whole
 * TimeStampResp, parsed into the pieces verification needs.
 */
import {
  children,
  expectUniversal,
  isUniversal,
  readSingle,
  readSmallInt,
  TAG,
} from '../../asn1/der.js'
import { FormatError, LimitError, YrdError } from '../../errors.js'
import { parseSignedData, type SignedData, type SignerInfo } from '../cms/signed-data.js'
import { parseTstInfo, TST_INFO_OID, type TstInfo } from './tst-info.js'

/** Largest token or response accepted (bytes). */
export const MAX_TIMESTAMP_BYTES = 1 << 20

/** A parsed time-stamp token. */
export interface TimestampToken {
  /** DER of the token (ContentInfo), also when the input was a TimeStampResp. */
  readonly der: Uint8Array
  readonly signedData: SignedData
  /** The single SignerInfo of the token. */
  readonly signer: SignerInfo
  /** The TSTInfo bytes exactly as encapsulated (what messageDigest covers). */
  readonly tstInfoDer: Uint8Array
  readonly tstInfo: TstInfo
}

function fail(message: string): never {
  throw new FormatError('format.timestamp', `time-stamp: ${message} / 时间戳格式错误`)
}

/** Unwraps a TimeStampResp (granted or grantedWithMods) to its token; passes a token through. */
function tokenBytes(der: Uint8Array): Uint8Array {
  const parts = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'time-stamp'))
  if (parts[0] && isUniversal(parts[0], TAG.OID)) return der
  const statusParts = children(expectUniversal(parts[0], TAG.SEQUENCE, 'PKIStatusInfo'))
  const status = readSmallInt(statusParts[0], 'PKIStatus')
  if (status !== 0 && status !== 1) fail(`the TSA refused the request (status ${status})`)
  if (!parts[1] || parts.length !== 2) fail('TimeStampResp without a token')
  return expectUniversal(parts[1], TAG.SEQUENCE, 'TimeStampToken').raw
}

/**
 * Parses a DER TimeStampToken or TimeStampResp. Throws FormatError ('format.timestamp',
 * 'format.cms', 'format.der') or LimitError on malformed or oversized input.
 * @example
 * const genTime = parseTimestampToken(der).tstInfo.genTime
 */
export function parseTimestampToken(input: Uint8Array): TimestampToken {
  if (input.length > MAX_TIMESTAMP_BYTES) {
    throw new LimitError('limit.timestamp', 'time-stamp too large / 时间戳过大')
  }
  try {
    const der = tokenBytes(input)
    const signedData = parseSignedData(der)
    if (signedData.eContentType !== TST_INFO_OID) fail('content is not TSTInfo')
    if (!signedData.eContent) fail('no encapsulated TSTInfo')
    if (signedData.signers.length !== 1) fail('a token needs exactly one signer')
    return {
      der,
      signedData,
      signer: signedData.signers[0]!,
      tstInfoDer: signedData.eContent,
      tstInfo: parseTstInfo(signedData.eContent),
    }
  } catch (e) {
    if (e instanceof YrdError) throw e
    throw new FormatError('format.timestamp', 'malformed time-stamp / 时间戳格式错误', { cause: e })
  }
}
