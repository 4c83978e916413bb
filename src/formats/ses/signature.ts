/**
 * SES_Signature parsing: v1 (GM/T 0031-2014, 2 elements, signer certificate inside TBS_Sign)
 * and v4/v5 (GB/T 38540-2020, 4 or 5 elements, optional [0] timeStamp). The signer signed
 * DER(TBS_Sign) exactly as encoded.
 */
import { isUniversal, readOid, readTlv, TAG, type Tlv } from '../../asn1/der.js'
import {
  guarded,
  MAX_SES_BYTES,
  readBitsOrOctets,
  readExtensions,
  readInt,
  readOctets,
  readText,
  sequence,
  sesError,
  signatureEncoding,
  unwrapExplicit0,
} from './fields.js'
import { parseSealElement } from './seal.js'
import { readTimeInfo } from './time-info.js'
import type { SesExtension, SesNote, SesSignature, SesVersion } from './types.js'

function readTbsExtensions(tlv: Tlv | undefined): SesExtension[] {
  if (!tlv) return []
  const inner = unwrapExplicit0(tlv) ?? tlv
  if (!isUniversal(inner, TAG.SEQUENCE)) {
    throw sesError('tbs-sign', 'bad TBS_Sign.extDatas', '签章扩展数据格式错误')
  }
  return readExtensions(inner)
}

function parseElement(tlv: Tlv): SesSignature {
  const top = sequence(tlv, 'SES_Signature', 5)
  if (top.length !== 2 && top.length !== 4 && top.length !== 5) {
    throw sesError('signature', `SES_Signature has ${top.length} elements`, '签章结构元素个数错误')
  }
  const v1 = top.length === 2
  const tbsTlv = top[0]
  const tbs = sequence(tbsTlv, 'TBS_Sign', 7)
  if (v1 ? tbs.length !== 7 : tbs.length !== 5 && tbs.length !== 6) {
    throw sesError('tbs-sign', `TBS_Sign has ${tbs.length} elements`, '待签数据元素个数错误')
  }
  const notes: SesNote[] = []
  const tbsVersion = readInt(tbs[0], 'TBS_Sign.version')
  const seal = parseSealElement(tbs[1]!)
  const version: SesVersion = v1 ? 1 : seal.header.version === 5 ? 5 : 4
  const expected = version === 1 ? [1] : version === 4 ? [4] : [4, 5]
  if (!expected.includes(tbsVersion)) {
    notes.push({ code: 'ses.tbs-version', params: { tbs: tbsVersion, structure: version } })
  }
  if ((seal.version === 1) !== v1) {
    notes.push({ code: 'ses.seal-version', params: { seal: seal.version, signature: version } })
  }
  const time = readTimeInfo(tbs[2], notes)
  const dataHash = readBitsOrOctets(tbs[3], 'dataHash', true)
  const propertyInfo = readText(tbs[4], 'propertyInfo')
  let cert: Tlv | undefined
  let alg: Tlv | undefined
  let sig: Tlv | undefined
  let extensions: SesExtension[] = []
  let timestamp: Uint8Array | undefined
  if (v1) {
    ;[, , , , , cert, alg] = tbs
    sig = top[1]
  } else {
    extensions = readTbsExtensions(tbs[5])
    ;[, cert, alg, sig] = top
    if (top[4]) timestamp = readBitsOrOctets(unwrapExplicit0(top[4]) ?? top[4], 'timeStamp', true)
  }
  const signature = readBitsOrOctets(sig, 'signature', false)
  return {
    version,
    tbsVersion,
    seal,
    timeInfo: time.date,
    timeInfoText: time.text,
    dataHash,
    propertyInfo,
    extensions,
    signerCertificate: readOctets(cert, 'signer certificate'),
    signatureAlgorithm: readOid(alg, 'signature algorithm'),
    signature,
    signatureEncoding: signatureEncoding(signature, 'signature'),
    signedBytes: tbsTlv!.raw,
    ...(timestamp ? { timestamp } : {}),
    raw: tlv.raw,
    notes,
  }
}

/**
 * Parses a DER SES_Signature (an OFD `SignedValue.dat` of type Seal) of any supported
 * version. Throws FormatError with a `format.ses.*` code when it is malformed.
 * @example
 * const sig = parseSesSignature(signedValueDat)
 * sig.seal.esID
 */
export function parseSesSignature(der: Uint8Array): SesSignature {
  if (der.length > MAX_SES_BYTES) {
    throw sesError('limit', 'signature is too large', '签章数据过大')
  }
  return guarded(() => {
    const tlv = readTlv(der, 0)
    if (tlv.raw.length !== der.length) {
      throw sesError('trailing', 'trailing bytes after the signature', '签章数据后有多余字节')
    }
    return parseElement(tlv)
  })
}
