/**
 * SESeal parsing for GM/T 0031-2014 (v1, 2 elements), GB/T 38540-2020 (v4, 4 elements) and
 * header version 5 (v4 shape with an optional [0] timeStamp), keeping the exact bytes the
 * maker signed.
 */
import { isUniversal, readOid, readTlv, TAG, type Tlv } from '../../asn1/der.js'
import {
  guarded,
  MAX_SES_BYTES,
  readBitsOrOctets,
  readExtensions,
  readHeader,
  readOctets,
  readText,
  sequence,
  sesError,
  signatureEncoding,
  unwrapExplicit0,
} from './fields.js'
import { readPicture } from './picture.js'
import { readProperty } from './property.js'
import type { SesNote, SesSeal, SesVersion } from './types.js'

function derHeader(tag: number, length: number): Uint8Array {
  if (length < 0x80) return new Uint8Array([tag, length])
  const bytes: number[] = []
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n & 0xff)
  return new Uint8Array([tag, 0x80 | bytes.length, ...bytes])
}

/** A DER SEQUENCE whose content is the given encodings, unchanged. */
function wrapSequence(parts: readonly Uint8Array[]): Uint8Array {
  const length = parts.reduce((n, p) => n + p.length, 0)
  const head = derHeader(0x30, length)
  const out = new Uint8Array(head.length + length)
  out.set(head, 0)
  let pos = head.length
  for (const p of parts) {
    out.set(p, pos)
    pos += p.length
  }
  return out
}

function readSealInfo(tlv: Tlv | undefined, notes: SesNote[]) {
  const f = sequence(tlv, 'SES_SealInfo', 5)
  if (f.length < 4) {
    throw sesError('seal-info', 'SES_SealInfo needs at least 4 elements', '印章信息元素不足')
  }
  const header = readHeader(f[0])
  if (header.id !== 'ES') notes.push({ code: 'seal.header-id', params: { id: header.id } })
  const esID = readText(f[1], 'esID')
  const { property, shape } = readProperty(f[2], notes)
  const picture = readPicture(f[3])
  let extensions: SesSeal['extensions'] = []
  const ext = f[4]
  if (ext) {
    const inner = unwrapExplicit0(ext) ?? ext
    if (!isUniversal(inner, TAG.SEQUENCE)) {
      throw sesError('seal-info', 'bad extDatas', '扩展数据格式错误')
    }
    extensions = readExtensions(inner)
  }
  return { header, esID, property, shape, picture, extensions, raw: tlv!.raw }
}

function readTimestampField(tlv: Tlv): Uint8Array {
  const inner = unwrapExplicit0(tlv) ?? tlv
  return readBitsOrOctets(inner, 'timeStamp', true)
}

/** Parses a SESeal element found inside a larger structure (its slices stay in place). */
export function parseSealElement(tlv: Tlv): SesSeal {
  const top = sequence(tlv, 'SESeal', 5)
  const notes: SesNote[] = []
  if (top.length !== 2 && top.length !== 4 && top.length !== 5) {
    throw sesError('seal', `SESeal has ${top.length} elements`, `印章有 ${top.length} 个元素`)
  }
  const info = readSealInfo(top[0], notes)
  let version: SesVersion
  let cert: Tlv | undefined
  let alg: Tlv | undefined
  let sig: Tlv | undefined
  let timestamp: Uint8Array | undefined
  if (top.length === 2) {
    version = 1
    const sign = sequence(top[1], 'SES_SignInfo', 3)
    if (sign.length !== 3) {
      throw sesError('seal', 'SES_SignInfo needs 3 elements', '签名信息应有 3 个元素')
    }
    ;[cert, alg, sig] = sign
  } else {
    ;[, cert, alg, sig] = top
    version = top.length === 5 || info.header.version === 5 ? 5 : 4
    if (top[4]) timestamp = readTimestampField(top[4])
  }
  if (info.header.version !== version) {
    notes.push({
      code: 'seal.header-version',
      params: { header: info.header.version, structure: version },
    })
  }
  if (info.shape !== (version === 1 ? 1 : 4)) {
    notes.push({ code: 'seal.property-layout', params: { layout: info.shape, version } })
  }
  const makerCertificate = readOctets(cert, 'maker certificate')
  const signatureAlgorithm = readOid(alg, 'maker signature algorithm')
  const signature = readBitsOrOctets(sig, 'maker signature', false)
  const signedBytes = version === 1 ? wrapSequence([info.raw, cert!.raw, alg!.raw]) : info.raw
  return {
    version,
    header: info.header,
    esID: info.esID,
    property: info.property,
    picture: info.picture,
    extensions: info.extensions,
    makerCertificate,
    signatureAlgorithm,
    signature,
    signatureEncoding: signatureEncoding(signature, 'maker signature'),
    signedBytes,
    ...(timestamp ? { timestamp } : {}),
    raw: tlv.raw,
    notes,
  }
}

/**
 * Parses a DER SESeal (`.esl`) of any supported version. Throws FormatError with a
 * `format.ses.*` code when the input is not a well-formed seal.
 * @example
 * const seal = parseSeal(bytes)
 * seal.version // 4
 */
export function parseSeal(der: Uint8Array): SesSeal {
  if (der.length > MAX_SES_BYTES) {
    throw sesError('limit', 'seal is too large', '印章数据过大')
  }
  return guarded(() => {
    const tlv = readTlv(der, 0)
    if (tlv.raw.length !== der.length) {
      throw sesError('trailing', 'trailing bytes after the seal', '印章数据后有多余字节')
    }
    return parseSealElement(tlv)
  })
}
