/**
 * The CMS attributes a signature verifier reads: contentType, messageDigest and signingTime
 * (RFC 5652 §11), the signature time-stamp (RFC 3161 appendix A) and Adobe's revocation
 * archival attribute (ISO 32000-1 §12.8.3.3.2), each read defensively.
 */
import {
  children,
  expectUniversal,
  isUniversal,
  readOid,
  readTime,
  TAG,
  type Tlv,
} from '../../asn1/der.js'
import { FormatError } from '../../errors.js'
import type { CmsAttribute } from './signed-data.js'

export const CMS_ATTRIBUTE = {
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signatureTimeStamp: '1.2.840.113549.1.9.16.2.14',
  adobeRevocationArchival: '1.2.840.113583.1.1.8',
} as const

/** Most CRLs or OCSP responses read from one revocation archival attribute. */
export const MAX_ARCHIVED_REVOCATION = 50

/** An attribute that must occur at most once with exactly one value. */
export type SingleAttribute =
  | { readonly state: 'absent' }
  | { readonly state: 'invalid'; readonly reason: string }
  | { readonly state: 'present'; readonly value: Tlv }

/** Looks up an attribute that must be single-valued and not repeated. */
export function singleAttribute(attrs: readonly CmsAttribute[], oid: string): SingleAttribute {
  const found = attrs.filter((a) => a.oid === oid)
  if (found.length === 0) return { state: 'absent' }
  if (found.length > 1) return { state: 'invalid', reason: 'repeated' }
  const values = found[0]!.values
  if (values.length !== 1) return { state: 'invalid', reason: 'several values' }
  return { state: 'present', value: values[0]! }
}

/** Every value of every occurrence of an attribute (for multi-valued attributes). */
export function attributeValues(attrs: readonly CmsAttribute[], oid: string): Tlv[] {
  const out: Tlv[] = []
  for (const a of attrs) if (a.oid === oid) out.push(...a.values)
  return out
}

/** The contentType value. Throws FormatError when it is not an OID. */
export function readContentType(value: Tlv): string {
  return readOid(value, 'contentType')
}

/** The messageDigest value. Throws FormatError when it is not an OCTET STRING. */
export function readMessageDigest(value: Tlv): Uint8Array {
  return expectUniversal(value, TAG.OCTET_STRING, 'messageDigest').value
}

/** The signingTime value (UTCTime or GeneralizedTime). Throws FormatError when malformed. */
export function readSigningTime(value: Tlv): Date {
  return readTime(value, 'signingTime')
}

/** CRLs and OCSP responses archived in the Adobe revocation attribute. */
export interface ArchivedRevocation {
  readonly crls: readonly Uint8Array[]
  readonly ocspResponses: readonly Uint8Array[]
}

function explicitList(tlv: Tlv, what: string): Uint8Array[] {
  const [inner, extra] = children(tlv, true)
  if (extra) throw new FormatError('format.cms', `revocation archival: extra ${what}`)
  const list = children(expectUniversal(inner, TAG.SEQUENCE, what), true)
  if (list.length > MAX_ARCHIVED_REVOCATION) {
    throw new FormatError('format.cms', `revocation archival: too many ${what} / 吊销数据过多`)
  }
  return list.map((item) => expectUniversal(item, TAG.SEQUENCE, what).raw)
}

/**
 * Reads a RevocationInfoArchival value: `crl [0]`, `ocsp [1]` (and `otherRevInfo [2]`,
 * ignored). Throws FormatError when malformed.
 */
export function readRevocationArchival(value: Tlv): ArchivedRevocation {
  const crls: Uint8Array[] = []
  const ocspResponses: Uint8Array[] = []
  for (const part of children(expectUniversal(value, TAG.SEQUENCE, 'RevocationInfoArchival'))) {
    if (part.cls !== 2 || !part.constructed) {
      throw new FormatError('format.cms', 'revocation archival: unexpected element')
    }
    if (part.tag === 0) crls.push(...explicitList(part, 'CRLs'))
    else if (part.tag === 1) ocspResponses.push(...explicitList(part, 'OCSP responses'))
  }
  return { crls, ocspResponses }
}

/** True when the element is a SEQUENCE (cheap shape test for embedded tokens). */
export function isSequence(tlv: Tlv): boolean {
  return isUniversal(tlv, TAG.SEQUENCE)
}
