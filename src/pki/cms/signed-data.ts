/**
 * A bounded reader for CMS SignedData (RFC 5652 §5) as used by RFC 3161 tokens and PKCS#7
 * certificate bundles. Signed attributes are kept as encoded so they are hashed as signed.
 */
import {
  children,
  expectUniversal,
  isUniversal,
  readOid,
  readSingle,
  readSmallInt,
  TAG,
  type Tlv,
} from '../../asn1/der.js'
import { FormatError, LimitError, YrdError } from '../../errors.js'
import { parseAlgorithmIdentifier, type AlgorithmIdentifier } from '../certificate.js'
import { parseNameTlv, type DistinguishedName } from '../name.js'

/** id-signedData (RFC 5652) and its GB/T 35275 SM2 counterpart. */
export const SIGNED_DATA_OIDS: ReadonlySet<string> = new Set([
  '1.2.840.113549.1.7.2',
  '1.2.156.10197.6.1.4.2.2',
])

/** Most certificates read from one SignedData. */
export const MAX_CMS_CERTIFICATES = 50
/** Most signers read from one SignedData. */
export const MAX_CMS_SIGNERS = 16
/** Most attributes read from one attribute set. */
export const MAX_CMS_ATTRIBUTES = 64

/** One CMS attribute: type and the DER of each value. */
export interface CmsAttribute {
  readonly oid: string
  readonly values: readonly Tlv[]
}

/** How a SignerInfo names its certificate. */
export type SignerIdentifier =
  | {
      readonly kind: 'issuer-serial'
      readonly issuer: DistinguishedName
      readonly serialNumber: Uint8Array
    }
  | { readonly kind: 'key-id'; readonly keyId: Uint8Array }

/** One SignerInfo. */
export interface SignerInfo {
  readonly sid: SignerIdentifier
  readonly digestAlgorithm: AlgorithmIdentifier
  /** The signed attributes re-tagged as SET (0x31), the bytes the signature covers. */
  readonly signedAttrsDer?: Uint8Array
  readonly signedAttrs: readonly CmsAttribute[]
  readonly signatureAlgorithm: AlgorithmIdentifier
  readonly signature: Uint8Array
}

/** A parsed SignedData. */
export interface SignedData {
  readonly contentType: string
  readonly eContentType: string
  /** The encapsulated content octets, when present. */
  readonly eContent?: Uint8Array
  readonly certificates: readonly Uint8Array[]
  readonly signers: readonly SignerInfo[]
}

function fail(message: string): never {
  throw new FormatError('format.cms', `CMS: ${message} / CMS 结构错误`)
}

function isContext(tlv: Tlv | undefined, tag: number): tlv is Tlv {
  return tlv !== undefined && tlv.cls === 2 && tlv.tag === tag
}

/** Parses a SET of Attributes from its (possibly IMPLICIT-tagged) element. */
export function parseAttributes(tlv: Tlv): CmsAttribute[] {
  const list = children(tlv)
  if (list.length > MAX_CMS_ATTRIBUTES) {
    throw new LimitError('limit.cms', 'CMS: too many attributes / 属性过多')
  }
  return list.map((a) => {
    const [typeTlv, valuesTlv, extra] = children(expectUniversal(a, TAG.SEQUENCE, 'Attribute'))
    if (extra) fail('Attribute: extra fields')
    const values = children(expectUniversal(valuesTlv, TAG.SET, 'attrValues'))
    if (values.length === 0 || values.length > MAX_CMS_ATTRIBUTES) fail('bad attrValues')
    return { oid: readOid(typeTlv, 'attrType'), values }
  })
}

function parseSid(tlv: Tlv | undefined): SignerIdentifier {
  if (isContext(tlv, 0) && !tlv.constructed) return { kind: 'key-id', keyId: tlv.value }
  const [name, serial, extra] = children(expectUniversal(tlv, TAG.SEQUENCE, 'IssuerAndSerial'))
  if (extra) fail('IssuerAndSerialNumber: extra fields')
  return {
    kind: 'issuer-serial',
    issuer: parseNameTlv(expectUniversal(name, TAG.SEQUENCE, 'issuer')),
    serialNumber: expectUniversal(serial, TAG.INTEGER, 'serialNumber').value,
  }
}

function parseSignerInfo(tlv: Tlv): SignerInfo {
  const p = children(expectUniversal(tlv, TAG.SEQUENCE, 'SignerInfo'))
  const version = readSmallInt(p[0], 'SignerInfo version')
  if (version !== 1 && version !== 3) fail('unsupported SignerInfo version')
  const sid = parseSid(p[1])
  if ((version === 3) !== (sid.kind === 'key-id')) fail('SignerInfo version does not fit sid')
  const digestAlgorithm = parseAlgorithmIdentifier(p[2])
  let i = 3
  let signedAttrsDer: Uint8Array | undefined
  let signedAttrs: CmsAttribute[] = []
  if (isContext(p[i], 0)) {
    const raw = p[i]!.raw.slice()
    raw[0] = 0x31
    signedAttrsDer = raw
    signedAttrs = parseAttributes(readSingle(raw))
    i++
  }
  const signatureAlgorithm = parseAlgorithmIdentifier(p[i++])
  const signature = expectUniversal(p[i++], TAG.OCTET_STRING, 'signature').value
  if (isContext(p[i], 1)) i++
  if (i !== p.length) fail('SignerInfo: extra fields')
  const base = { sid, digestAlgorithm, signedAttrs, signatureAlgorithm, signature }
  return signedAttrsDer ? { ...base, signedAttrsDer } : base
}

function parseEncap(tlv: Tlv | undefined): { eContentType: string; eContent?: Uint8Array } {
  const [typeTlv, wrapped, extra] = children(expectUniversal(tlv, TAG.SEQUENCE, 'EncapContent'))
  if (extra) fail('EncapsulatedContentInfo: extra fields')
  const eContentType = readOid(typeTlv, 'eContentType')
  if (!wrapped) return { eContentType }
  if (!isContext(wrapped, 0)) fail('bad eContent')
  const [octets, more] = children(wrapped)
  if (more) fail('eContent: extra fields')
  return { eContentType, eContent: expectUniversal(octets, TAG.OCTET_STRING, 'eContent').value }
}

/**
 * Parses a DER ContentInfo holding SignedData. Throws FormatError ('format.cms') or
 * LimitError on malformed or oversized input.
 */
export function parseSignedData(der: Uint8Array): SignedData {
  try {
    const [typeTlv, content, extra] = children(
      expectUniversal(readSingle(der), TAG.SEQUENCE, 'ContentInfo'),
    )
    const contentType = readOid(typeTlv, 'contentType')
    if (!SIGNED_DATA_OIDS.has(contentType)) fail(`not SignedData (${contentType})`)
    if (extra || !isContext(content, 0)) fail('bad ContentInfo content')
    const [sd, more] = children(content)
    if (more) fail('ContentInfo: extra content')
    const p = children(expectUniversal(sd, TAG.SEQUENCE, 'SignedData'))
    readSmallInt(p[0], 'SignedData version')
    expectUniversal(p[1], TAG.SET, 'digestAlgorithms')
    const encap = parseEncap(p[2])
    let i = 3
    const certificates: Uint8Array[] = []
    if (isContext(p[i], 0)) {
      const list = children(p[i]!)
      if (list.length > MAX_CMS_CERTIFICATES) {
        throw new LimitError('limit.cms', 'CMS: too many certificates / 证书过多')
      }
      for (const c of list) if (isUniversal(c, TAG.SEQUENCE)) certificates.push(c.raw)
      i++
    }
    if (isContext(p[i], 1)) i++
    const signerTlvs = children(expectUniversal(p[i++], TAG.SET, 'signerInfos'))
    if (i !== p.length) fail('SignedData: extra fields')
    if (signerTlvs.length > MAX_CMS_SIGNERS) {
      throw new LimitError('limit.cms', 'CMS: too many signers / 签名者过多')
    }
    return { contentType, ...encap, certificates, signers: signerTlvs.map(parseSignerInfo) }
  } catch (e) {
    if (e instanceof YrdError) throw e
    throw new FormatError('format.cms', 'malformed CMS SignedData / CMS 结构错误', { cause: e })
  }
}
