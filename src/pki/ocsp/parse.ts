/**
 * OCSP response parsing (RFC 6960 §4.2): OCSPResponse, BasicOCSPResponse, SingleResponse.
 * The signed part (ResponseData) is kept as sliced from the input so it is hashed as encoded.
 */
import {
  bitStringBytes,
  children,
  expectUniversal,
  isUniversal,
  readOid,
  readSingle,
  readTime,
  TAG,
  type Tlv,
} from '../../asn1/der.js'
import { FormatError, LimitError, YrdError } from '../../errors.js'
import { parseAlgorithmIdentifier, type AlgorithmIdentifier } from '../certificate.js'
import { parseNameTlv, type DistinguishedName } from '../name.js'
import type { RevocationReason } from '../revocation-types.js'
import { nonceFromExtensionValue, OCSP_NONCE_OID, parseExtensions } from './response-extensions.js'
import { PLAIN } from '../../shape.js'

/** Largest OCSP response accepted (bytes). */
export const MAX_OCSP_RESPONSE_BYTES = 1 << 20
/** Most SingleResponses read from one response. */
export const MAX_SINGLE_RESPONSES = 1000
/** Most certificates read from one response. */
export const MAX_RESPONSE_CERTS = 20

const ID_PKIX_OCSP_BASIC = '1.3.6.1.5.5.7.48.1.1'

/** RFC 6960 OCSPResponseStatus names. */
export type OcspResponseStatus =
  'successful' | 'malformedRequest' | 'internalError' | 'tryLater' | 'sigRequired' | 'unauthorized'

const RESPONSE_STATUS: Record<number, OcspResponseStatus> = {
  0: 'successful',
  1: 'malformedRequest',
  2: 'internalError',
  3: 'tryLater',
  5: 'sigRequired',
  6: 'unauthorized',
}

const REASONS: Record<number, RevocationReason> = {
  0: 'unspecified',
  1: 'keyCompromise',
  2: 'cACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
  6: 'certificateHold',
  8: 'removeFromCRL',
  9: 'privilegeWithdrawn',
  10: 'aACompromise',
}

/** The CertID of a SingleResponse or Request. */
export interface CertId {
  readonly hashAlgorithm: AlgorithmIdentifier
  readonly issuerNameHash: Uint8Array
  readonly issuerKeyHash: Uint8Array
  /** Content octets of the serialNumber INTEGER. */
  readonly serialNumber: Uint8Array
}

/** The status a responder gives for one certificate. */
export type OcspCertStatus =
  | { readonly kind: 'good' }
  | { readonly kind: 'revoked'; readonly revokedAt: Date; readonly reason?: RevocationReason }
  | { readonly kind: 'unknown' }

/** One SingleResponse. */
export interface SingleResponse {
  readonly certId: CertId
  readonly status: OcspCertStatus
  readonly thisUpdate: Date
  readonly nextUpdate?: Date
}

/** How the responder names itself. */
export type ResponderId =
  | { readonly kind: 'name'; readonly name: DistinguishedName }
  | { readonly kind: 'key'; readonly keyHash: Uint8Array }

/** A parsed BasicOCSPResponse. */
export interface BasicOcspResponse {
  /** ResponseData exactly as encoded: the signed bytes. */
  readonly tbs: Uint8Array
  readonly responderId: ResponderId
  readonly producedAt: Date
  readonly responses: readonly SingleResponse[]
  /** Value of the nonce response extension (content of its OCTET STRING when wrapped). */
  readonly nonce?: Uint8Array
  /** OIDs of critical response extensions this library does not understand. */
  readonly unknownCriticalExtensions: readonly string[]
  readonly signatureAlgorithm: AlgorithmIdentifier
  readonly signature: Uint8Array
  /** DER of the certificates the responder included. */
  readonly certificates: readonly Uint8Array[]
}

/** A parsed OCSPResponse. `basic` is present when the status is 'successful'. */
export interface OcspResponse {
  readonly der: Uint8Array
  readonly status: OcspResponseStatus
  readonly basic?: BasicOcspResponse
}

function fail(message: string): never {
  throw new FormatError('format.ocsp', `OCSP: ${message} / OCSP 响应格式错误`)
}

function explicit(tlv: Tlv | undefined, tag: number): Tlv | undefined {
  if (!tlv || tlv.cls !== 2 || tlv.tag !== tag) return undefined
  const inner = children(tlv)
  if (inner.length !== 1) fail(`[${tag}] must hold one element`)
  return inner[0]
}

/** Parses a CertID SEQUENCE. */
export function parseCertId(tlv: Tlv | undefined): CertId {
  const parts = children(expectUniversal(tlv, TAG.SEQUENCE, 'CertID'))
  if (parts.length !== 4) fail('CertID needs 4 fields')
  const serial = expectUniversal(parts[3], TAG.INTEGER, 'serialNumber').value
  if (serial.length === 0 || serial.length > 64) fail('bad serial number')
  return {
    hashAlgorithm: parseAlgorithmIdentifier(parts[0]),
    issuerNameHash: expectUniversal(parts[1], TAG.OCTET_STRING, 'issuerNameHash').value,
    issuerKeyHash: expectUniversal(parts[2], TAG.OCTET_STRING, 'issuerKeyHash').value,
    serialNumber: serial,
  }
}

function parseCertStatus(tlv: Tlv | undefined): OcspCertStatus {
  if (!tlv || tlv.cls !== 2) fail('bad certStatus')
  if (tlv.tag === 0 && !tlv.constructed && tlv.value.length === 0) return { kind: 'good' }
  if (tlv.tag === 2 && !tlv.constructed && tlv.value.length === 0) return { kind: 'unknown' }
  if (tlv.tag !== 1 || !tlv.constructed) fail('bad certStatus')
  const [timeTlv, reasonTlv, extra] = children(tlv)
  if (extra || !timeTlv || !isUniversal(timeTlv, TAG.GENERALIZED_TIME)) fail('bad RevokedInfo')
  const revokedAt = readTime(timeTlv, 'revocationTime')
  const reasonEl = explicit(reasonTlv, 0)
  if (reasonTlv && !reasonEl) fail('bad revocationReason')
  if (!reasonEl) return { kind: 'revoked', revokedAt }
  const v = expectUniversal(reasonEl, TAG.ENUMERATED, 'CRLReason').value
  const reason = v.length === 1 ? REASONS[v[0]!] : undefined
  if (reason === undefined) fail('unknown revocation reason')
  return { kind: 'revoked', revokedAt, reason }
}

function readGeneralizedTime(tlv: Tlv | undefined, what: string): Date {
  if (!tlv || !isUniversal(tlv, TAG.GENERALIZED_TIME)) fail(`${what} must be GeneralizedTime`)
  return readTime(tlv, what)
}

function parseSingleResponse(tlv: Tlv): SingleResponse {
  const parts = children(expectUniversal(tlv, TAG.SEQUENCE, 'SingleResponse'))
  const certId = parseCertId(parts[0])
  const status = parseCertStatus(parts[1])
  const thisUpdate = readGeneralizedTime(parts[2], 'thisUpdate')
  let i = 3
  const nextEl = explicit(parts[i], 0)
  let nextUpdate: Date | undefined
  if (nextEl) {
    nextUpdate = readGeneralizedTime(nextEl, 'nextUpdate')
    i++
  }
  const extEl = explicit(parts[i], 1)
  if (extEl) {
    for (const e of parseExtensions(extEl)) {
      if (e.critical) fail(`unknown critical single extension ${e.oid}`)
    }
    i++
  }
  if (i !== parts.length) fail('SingleResponse: extra fields')
  const base = { certId, status, thisUpdate }
  return nextUpdate ? { ...PLAIN, ...base, nextUpdate } : base
}

function parseResponderId(tlv: Tlv | undefined): ResponderId {
  const inner = explicit(tlv, 1)
  if (inner)
    return { kind: 'name', name: parseNameTlv(expectUniversal(inner, TAG.SEQUENCE, 'Name')) }
  const key = explicit(tlv, 2)
  if (key) return { kind: 'key', keyHash: expectUniversal(key, TAG.OCTET_STRING, 'KeyHash').value }
  return fail('bad ResponderID')
}

function parseBasic(der: Uint8Array): BasicOcspResponse {
  const top = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'BasicOCSPResponse'))
  if (top.length < 3 || top.length > 4) fail('BasicOCSPResponse needs 3 or 4 fields')
  const [tbsTlv, algTlv, sigTlv, certsTlv] = top as [Tlv, Tlv, Tlv, Tlv | undefined]
  const fields = children(expectUniversal(tbsTlv, TAG.SEQUENCE, 'ResponseData'))
  let i = 0
  const versionEl = explicit(fields[0], 0)
  if (versionEl) {
    const v = expectUniversal(versionEl, TAG.INTEGER, 'version').value
    if (v.length !== 1 || v[0] !== 0) fail('unsupported ResponseData version')
    i++
  }
  const responderId = parseResponderId(fields[i++])
  const producedAt = readGeneralizedTime(fields[i++], 'producedAt')
  const list = children(expectUniversal(fields[i++], TAG.SEQUENCE, 'responses'))
  if (list.length > MAX_SINGLE_RESPONSES) {
    throw new LimitError('limit.ocsp', 'OCSP: too many single responses / 单项响应过多')
  }
  const responses = list.map(parseSingleResponse)
  let nonce: Uint8Array | undefined
  const unknownCritical: string[] = []
  const extEl = explicit(fields[i], 1)
  if (extEl) {
    for (const e of parseExtensions(extEl)) {
      if (e.oid === OCSP_NONCE_OID) nonce = nonceFromExtensionValue(e.value)
      else if (e.critical) unknownCritical.push(e.oid)
    }
    i++
  }
  if (i !== fields.length) fail('ResponseData: extra fields')
  const certificates: Uint8Array[] = []
  const certsEl = explicit(certsTlv, 0)
  if (certsTlv && !certsEl) fail('bad certs field')
  if (certsEl) {
    const certs = children(expectUniversal(certsEl, TAG.SEQUENCE, 'certs'))
    if (certs.length > MAX_RESPONSE_CERTS) {
      throw new LimitError('limit.ocsp', 'OCSP: too many certificates / 证书过多')
    }
    for (const c of certs) certificates.push(expectUniversal(c, TAG.SEQUENCE, 'Certificate').raw)
  }
  const base = {
    tbs: tbsTlv.raw,
    responderId,
    producedAt,
    responses,
    unknownCriticalExtensions: unknownCritical,
    signatureAlgorithm: parseAlgorithmIdentifier(algTlv),
    signature: bitStringBytes(sigTlv, 'signature'),
    certificates,
  }
  return nonce ? { ...PLAIN, ...base, nonce } : base
}

/**
 * Parses a DER OCSPResponse. Throws FormatError (code 'format.ocsp' or 'format.der') or
 * LimitError on malformed or oversized input.
 * @example
 * const r = parseOcspResponse(der)
 * const count = r.basic?.responses.length ?? 0
 */
export function parseOcspResponse(der: Uint8Array): OcspResponse {
  if (der.length > MAX_OCSP_RESPONSE_BYTES) {
    throw new LimitError('limit.ocsp', 'OCSP: response too large / OCSP 响应过大')
  }
  try {
    const parts = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'OCSPResponse'))
    const st = expectUniversal(parts[0], TAG.ENUMERATED, 'responseStatus').value
    const status = st.length === 1 ? RESPONSE_STATUS[st[0]!] : undefined
    if (status === undefined) fail('unknown responseStatus')
    const bytesEl = explicit(parts[1], 0)
    if (parts.length > 2 || (parts[1] && !bytesEl)) fail('OCSPResponse: extra fields')
    if (status !== 'successful') {
      if (bytesEl) fail('responseBytes with an unsuccessful status')
      return { der, status }
    }
    if (!bytesEl) fail('successful response without responseBytes')
    const [typeTlv, respTlv, extra] = children(
      expectUniversal(bytesEl, TAG.SEQUENCE, 'ResponseBytes'),
    )
    if (extra) fail('ResponseBytes: extra fields')
    if (readOid(typeTlv, 'responseType') !== ID_PKIX_OCSP_BASIC) fail('not a basic OCSP response')
    const basic = parseBasic(expectUniversal(respTlv, TAG.OCTET_STRING, 'response').value)
    return { der, status, basic }
  } catch (e) {
    if (e instanceof YrdError) throw e
    throw new FormatError('format.ocsp', 'malformed OCSP response / OCSP 响应格式错误', {
      cause: e,
    })
  }
}
