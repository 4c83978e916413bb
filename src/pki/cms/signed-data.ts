/**
 * A bounded reader for CMS SignedData (RFC 5652 §5) under the PKCS#7 and GB/T 35275 content
 * types, as used by detached PDF signatures, OFD `Sign` signatures, RFC 3161 tokens and
 * certificate bundles. BER outer layers are normalised first; signed attributes are kept as
 * encoded (re-tagged as SET) so that they are hashed exactly as signed.
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
import { normaliseBer } from './ber.js'
import { PLAIN } from '../../shape.js'

/** id-signedData (RFC 5652) and its GB/T 35275 SM2 counterpart. */
export const SIGNED_DATA_OIDS: ReadonlySet<string> = new Set([
  '1.2.840.113549.1.7.2',
  '1.2.156.10197.6.1.4.2.2',
])

/** id-ri-ocsp-response (RFC 5940): an OCSPResponse among the revocation choices. */
export const OCSP_REVOCATION_FORMAT = '1.3.6.1.5.5.7.16.2'

/** Largest CMS message accepted (bytes). */
export const MAX_CMS_BYTES = 256 * 1024 * 1024
/** Most certificates read from one SignedData. */
export const MAX_CMS_CERTIFICATES = 50
/** Most CRLs and OCSP responses read from one SignedData. */
export const MAX_CMS_REVOCATION = 50
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
  readonly version: number
  readonly sid: SignerIdentifier
  readonly digestAlgorithm: AlgorithmIdentifier
  /** The signed attributes re-tagged as SET (0x31), the bytes the signature covers. */
  readonly signedAttrsDer?: Uint8Array
  readonly signedAttrs: readonly CmsAttribute[]
  readonly signatureAlgorithm: AlgorithmIdentifier
  readonly signature: Uint8Array
  readonly unsignedAttrs: readonly CmsAttribute[]
}

/** A parsed SignedData. */
export interface SignedData {
  /** The ContentInfo content type (PKCS#7 or GB/T 35275 signedData). */
  readonly contentType: string
  readonly version: number
  readonly digestAlgorithms: readonly AlgorithmIdentifier[]
  readonly eContentType: string
  /** The encapsulated content octets, when present (chunks of BER joined). */
  readonly eContent?: Uint8Array
  /** DER of each certificate (other certificate formats are skipped). */
  readonly certificates: readonly Uint8Array[]
  /** DER of each CertificateList among the revocation choices. */
  readonly crls: readonly Uint8Array[]
  /** DER of each OCSPResponse among the revocation choices (RFC 5940). */
  readonly ocspResponses: readonly Uint8Array[]
  readonly signers: readonly SignerInfo[]
}

/** Options of {@link parseSignedData}. */
export interface ParseSignedDataOptions {
  /** Accept zero bytes after the message (PDF `/Contents` padding). Default false. */
  readonly allowZeroPadding?: boolean
}

function fail(message: string): never {
  throw new FormatError('format.cms', `CMS: ${message} / CMS 结构错误`)
}

function isContext(tlv: Tlv | undefined, tag: number): tlv is Tlv {
  return tlv !== undefined && tlv.cls === 2 && tlv.tag === tag
}

function tooMany(what: string): never {
  throw new LimitError('limit.cms', `CMS: too many ${what} / ${what} 过多`)
}

/** Parses a SET of Attributes from its (possibly IMPLICIT-tagged) element. */
export function parseAttributes(tlv: Tlv): CmsAttribute[] {
  const list = children(tlv, true)
  if (list.length > MAX_CMS_ATTRIBUTES) tooMany('attributes')
  return list.map((a) => {
    const [typeTlv, valuesTlv, extra] = children(
      expectUniversal(a, TAG.SEQUENCE, 'Attribute'),
      true,
    )
    if (extra) fail('Attribute: extra fields')
    const values = children(expectUniversal(valuesTlv, TAG.SET, 'attrValues'), true)
    if (values.length === 0 || values.length > MAX_CMS_ATTRIBUTES) fail('bad attrValues')
    return { oid: readOid(typeTlv, 'attrType'), values }
  })
}

function parseSid(tlv: Tlv | undefined): SignerIdentifier {
  if (isContext(tlv, 0) && !tlv.constructed) return { kind: 'key-id', keyId: tlv.value }
  const seq = expectUniversal(tlv, TAG.SEQUENCE, 'IssuerAndSerial')
  const [name, serial, extra] = children(seq, true)
  if (extra) fail('IssuerAndSerialNumber: extra fields')
  return {
    kind: 'issuer-serial',
    issuer: parseNameTlv(expectUniversal(name, TAG.SEQUENCE, 'issuer')),
    serialNumber: expectUniversal(serial, TAG.INTEGER, 'serialNumber').value,
  }
}

function parseSignerInfo(tlv: Tlv): SignerInfo {
  const p = children(expectUniversal(tlv, TAG.SEQUENCE, 'SignerInfo'), true)
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
    signedAttrs = parseAttributes(readSingle(raw, true))
    i++
  }
  const signatureAlgorithm = parseAlgorithmIdentifier(p[i++])
  const signature = expectUniversal(p[i++], TAG.OCTET_STRING, 'signature').value
  let unsignedAttrs: CmsAttribute[] = []
  if (isContext(p[i], 1)) unsignedAttrs = parseAttributes(p[i++]!)
  if (i !== p.length) fail('SignerInfo: extra fields')
  const base = {
    version,
    sid,
    digestAlgorithm,
    signedAttrs,
    signatureAlgorithm,
    signature,
    unsignedAttrs,
  }
  return signedAttrsDer ? { ...PLAIN, ...base, signedAttrsDer } : base
}

function parseEncap(tlv: Tlv | undefined): { eContentType: string; eContent?: Uint8Array } {
  const seq = expectUniversal(tlv, TAG.SEQUENCE, 'EncapContent')
  const [typeTlv, wrapped, extra] = children(seq, true)
  if (extra) fail('EncapsulatedContentInfo: extra fields')
  const eContentType = readOid(typeTlv, 'eContentType')
  if (!wrapped) return { eContentType }
  if (!isContext(wrapped, 0) || !wrapped.constructed) fail('bad eContent')
  const [octets, more] = children(wrapped, true)
  if (more) fail('eContent: extra fields')
  return { eContentType, eContent: expectUniversal(octets, TAG.OCTET_STRING, 'eContent').value }
}

function parseRevocation(tlv: Tlv): { crls: Uint8Array[]; ocspResponses: Uint8Array[] } {
  const list = children(tlv, true)
  if (list.length > MAX_CMS_REVOCATION) tooMany('revocation entries')
  const crls: Uint8Array[] = []
  const ocspResponses: Uint8Array[] = []
  for (const item of list) {
    if (isUniversal(item, TAG.SEQUENCE)) crls.push(item.raw)
    else if (isContext(item, 1) && item.constructed) {
      const [format, info] = children(item, true)
      if (readOid(format, 'otherRevInfoFormat') === OCSP_REVOCATION_FORMAT && info) {
        ocspResponses.push(expectUniversal(info, TAG.SEQUENCE, 'OCSPResponse').raw)
      }
    }
  }
  return { crls, ocspResponses }
}

function parseCertificateSet(tlv: Tlv): Uint8Array[] {
  const list = children(tlv, true)
  if (list.length > MAX_CMS_CERTIFICATES) tooMany('certificates')
  return list.filter((c) => isUniversal(c, TAG.SEQUENCE)).map((c) => c.raw)
}

function parseDigestAlgorithms(tlv: Tlv | undefined): AlgorithmIdentifier[] {
  const list = children(expectUniversal(tlv, TAG.SET, 'digestAlgorithms'), true)
  if (list.length > MAX_CMS_SIGNERS) tooMany('digest algorithms')
  return list.map((a) => parseAlgorithmIdentifier(a))
}

function parseBody(sd: Tlv, contentType: string): SignedData {
  const p = children(expectUniversal(sd, TAG.SEQUENCE, 'SignedData'), true)
  const version = readSmallInt(p[0], 'SignedData version')
  const digestAlgorithms = parseDigestAlgorithms(p[1])
  const encap = parseEncap(p[2])
  let i = 3
  let certificates: Uint8Array[] = []
  let revocation: { crls: Uint8Array[]; ocspResponses: Uint8Array[] } = {
    crls: [],
    ocspResponses: [],
  }
  if (isContext(p[i], 0)) certificates = parseCertificateSet(p[i++]!)
  if (isContext(p[i], 1)) revocation = parseRevocation(p[i++]!)
  const signerTlvs = children(expectUniversal(p[i++], TAG.SET, 'signerInfos'), true)
  if (i !== p.length) fail('SignedData: extra fields')
  if (signerTlvs.length > MAX_CMS_SIGNERS) tooMany('signers')
  const signers = signerTlvs.map(parseSignerInfo)
  return { contentType, version, digestAlgorithms, ...encap, certificates, ...revocation, signers }
}

/**
 * Parses a ContentInfo holding SignedData (DER, or BER with indefinite lengths and chunked
 * eContent). Throws FormatError ('format.cms', 'format.der') or LimitError ('limit.cms') on
 * malformed or oversized input, never another exception.
 * @example
 * const sd = parseSignedData(p7sBytes)
 * const signer = sd.signers[0]
 */
export function parseSignedData(
  input: Uint8Array,
  options: ParseSignedDataOptions = {},
): SignedData {
  if (input.length > MAX_CMS_BYTES) {
    throw new LimitError('limit.cms', 'CMS: message too large / CMS 消息过大')
  }
  try {
    const { bytes, end } = normaliseBer(input)
    if (end !== input.length) {
      const padding = input.subarray(end)
      if (!options.allowZeroPadding || padding.some((b) => b !== 0)) {
        fail('trailing data after the message')
      }
    }
    const top = expectUniversal(readSingle(bytes, true), TAG.SEQUENCE, 'ContentInfo')
    const [typeTlv, content, extra] = children(top, true)
    const contentType = readOid(typeTlv, 'contentType')
    if (!SIGNED_DATA_OIDS.has(contentType)) fail(`not SignedData (${contentType})`)
    if (extra || !isContext(content, 0)) fail('bad ContentInfo content')
    const [sd, more] = children(content, true)
    if (more || !sd) fail('ContentInfo: bad content')
    return parseBody(sd, contentType)
  } catch (e) {
    if (e instanceof YrdError) throw e
    throw new FormatError('format.cms', 'malformed CMS SignedData / CMS 结构错误', { cause: e })
  }
}
