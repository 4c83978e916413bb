/**
 * Parsers for the certificate extensions that path validation and the verdict use.
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
} from '../asn1/der.js'
import { FormatError } from '../errors.js'
import { parseGeneralName, parseGeneralNames, parseGeneralNamesContent } from './general-name.js'
import type { GeneralName } from './general-name.js'
import { parseNameTlv, type NameAttribute } from './name.js'
import { PLAIN } from '../shape.js'

export const EXT = {
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  issuerAltName: '2.5.29.18',
  basicConstraints: '2.5.29.19',
  nameConstraints: '2.5.29.30',
  crlDistributionPoints: '2.5.29.31',
  certificatePolicies: '2.5.29.32',
  policyMappings: '2.5.29.33',
  authorityKeyIdentifier: '2.5.29.35',
  policyConstraints: '2.5.29.36',
  extKeyUsage: '2.5.29.37',
  freshestCrl: '2.5.29.46',
  inhibitAnyPolicy: '2.5.29.54',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
  ocspNoCheck: '1.3.6.1.5.5.7.48.1.5',
} as const

export type KeyUsageName =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly'

const KEY_USAGE_BITS: readonly KeyUsageName[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
]

export interface BasicConstraints {
  readonly ca: boolean
  readonly pathLen?: number
}
export interface AuthorityKeyIdentifier {
  readonly keyIdentifier?: Uint8Array
  readonly issuer?: readonly GeneralName[]
  readonly serialNumber?: Uint8Array
}
export interface GeneralSubtree {
  readonly base: GeneralName
  readonly minimum: number
  readonly maximum?: number
}
export interface NameConstraints {
  readonly permitted?: readonly GeneralSubtree[]
  readonly excluded?: readonly GeneralSubtree[]
}
export interface PolicyInformation {
  readonly oid: string
  readonly qualifiers: readonly { readonly oid: string; readonly raw: Uint8Array }[]
}
export interface PolicyMapping {
  readonly issuerDomainPolicy: string
  readonly subjectDomainPolicy: string
}
export interface PolicyConstraints {
  readonly requireExplicitPolicy?: number
  readonly inhibitPolicyMapping?: number
}
export interface DistributionPoint {
  readonly fullName?: readonly GeneralName[]
  readonly nameRelativeToIssuer?: readonly NameAttribute[]
  /** Reason flags as bit names (RFC 5280 ReasonFlags), undefined = all reasons. */
  readonly reasons?: readonly string[]
  readonly crlIssuer?: readonly GeneralName[]
}
export interface AuthorityInfoAccess {
  readonly ocsp: readonly string[]
  readonly caIssuers: readonly string[]
}

const REASON_BITS = [
  'unused',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  'privilegeWithdrawn',
  'aACompromise',
]

/** Names of the bits set in a named-bit-list BIT STRING. */
export function namedBits(tlv: Tlv, names: readonly string[]): string[] {
  const v = expectUniversal(tlv, TAG.BIT_STRING, 'BIT STRING').value
  if (v.length === 0 || v[0]! > 7) throw new FormatError('format.extension', 'bad BIT STRING')
  const out: string[] = []
  for (let i = 0; i < names.length; i++) {
    const byte = v[1 + (i >> 3)]
    if (byte !== undefined && (byte & (0x80 >> (i & 7))) !== 0) out.push(names[i]!)
  }
  return out
}

export function parseKeyUsage(der: Uint8Array): ReadonlySet<KeyUsageName> {
  return new Set(namedBits(readSingle(der), KEY_USAGE_BITS) as KeyUsageName[])
}

export function parseBasicConstraints(der: Uint8Array): BasicConstraints {
  const items = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'BasicConstraints'))
  let i = 0
  let ca = false
  if (items[i] && isUniversal(items[i]!, TAG.BOOLEAN)) {
    ca = items[i]!.value[0] !== 0
    i++
  }
  const pathLen = items[i] ? readSmallInt(items[i], 'pathLenConstraint') : undefined
  if (items.length > i + (pathLen === undefined ? 0 : 1)) {
    throw new FormatError('format.extension', 'BasicConstraints: extra fields')
  }
  return pathLen === undefined ? { ca } : { ca, pathLen }
}

export function parseExtKeyUsage(der: Uint8Array): string[] {
  return children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'ExtKeyUsage')).map((t) =>
    readOid(t),
  )
}

export function parseKeyIdentifier(der: Uint8Array): Uint8Array {
  return expectUniversal(readSingle(der), TAG.OCTET_STRING, 'KeyIdentifier').value
}

export function parseAuthorityKeyIdentifier(der: Uint8Array): AuthorityKeyIdentifier {
  const out: { keyIdentifier?: Uint8Array; issuer?: GeneralName[]; serialNumber?: Uint8Array } = {}
  for (const t of children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'AKI'))) {
    if (t.cls !== 2) throw new FormatError('format.extension', 'AKI: bad field')
    if (t.tag === 0) out.keyIdentifier = t.value
    else if (t.tag === 1) out.issuer = parseGeneralNamesContent(t.value)
    else if (t.tag === 2) out.serialNumber = t.value
  }
  return out
}

export function parseSubjectAltName(der: Uint8Array): GeneralName[] {
  return parseGeneralNames(expectUniversal(readSingle(der), TAG.SEQUENCE, 'GeneralNames'))
}

function parseSubtrees(tlv: Tlv): GeneralSubtree[] {
  const items = children(tlv)
  if (items.length > 1024) throw new FormatError('format.extension', 'too many subtrees')
  return items.map((st) => {
    const [base, ...rest] = children(expectUniversal(st, TAG.SEQUENCE, 'GeneralSubtree'))
    if (!base) throw new FormatError('format.extension', 'GeneralSubtree: no base')
    let minimum = 0
    let maximum: number | undefined
    for (const r of rest) {
      const n = readSmallInt({ ...PLAIN, ...r, cls: 0, tag: TAG.INTEGER })
      if (r.tag === 0) minimum = n
      else if (r.tag === 1) maximum = n
    }
    const g = parseGeneralName(base)
    return maximum === undefined ? { base: g, minimum } : { base: g, minimum, maximum }
  })
}

export function parseNameConstraints(der: Uint8Array): NameConstraints {
  const out: { permitted?: GeneralSubtree[]; excluded?: GeneralSubtree[] } = {}
  for (const t of children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'NameConstraints'))) {
    if (t.cls === 2 && t.tag === 0) out.permitted = parseSubtrees(t)
    else if (t.cls === 2 && t.tag === 1) out.excluded = parseSubtrees(t)
    else throw new FormatError('format.extension', 'NameConstraints: bad field')
  }
  return out
}

export function parseCertificatePolicies(der: Uint8Array): PolicyInformation[] {
  const items = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'CertificatePolicies'))
  if (items.length === 0 || items.length > 256) {
    throw new FormatError('format.extension', 'CertificatePolicies: bad count')
  }
  const seen = new Set<string>()
  return items.map((pi) => {
    const [idTlv, qualsTlv] = children(expectUniversal(pi, TAG.SEQUENCE, 'PolicyInformation'))
    const oid = readOid(idTlv, 'policyIdentifier')
    if (seen.has(oid)) throw new FormatError('format.extension', 'duplicate policy')
    seen.add(oid)
    const qualifiers = qualsTlv
      ? children(expectUniversal(qualsTlv, TAG.SEQUENCE, 'policyQualifiers')).map((q) => {
          const [qid, qv] = children(expectUniversal(q, TAG.SEQUENCE, 'PolicyQualifierInfo'))
          return { oid: readOid(qid), raw: qv ? qv.raw : new Uint8Array(0) }
        })
      : []
    return { oid, qualifiers }
  })
}

export function parsePolicyMappings(der: Uint8Array): PolicyMapping[] {
  return children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'PolicyMappings')).map((m) => {
    const [a, b, extra] = children(expectUniversal(m, TAG.SEQUENCE, 'PolicyMapping'))
    if (extra) throw new FormatError('format.extension', 'PolicyMapping: extra fields')
    return { issuerDomainPolicy: readOid(a), subjectDomainPolicy: readOid(b) }
  })
}

export function parsePolicyConstraints(der: Uint8Array): PolicyConstraints {
  const out: { requireExplicitPolicy?: number; inhibitPolicyMapping?: number } = {}
  for (const t of children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'PolicyConstraints'))) {
    const n = readSmallInt({ ...PLAIN, ...t, cls: 0, tag: TAG.INTEGER })
    if (t.cls === 2 && t.tag === 0) out.requireExplicitPolicy = n
    else if (t.cls === 2 && t.tag === 1) out.inhibitPolicyMapping = n
    else throw new FormatError('format.extension', 'PolicyConstraints: bad field')
  }
  return out
}

export function parseInhibitAnyPolicy(der: Uint8Array): number {
  return readSmallInt(readSingle(der), 'SkipCerts')
}

export function parseCrlDistributionPoints(der: Uint8Array): DistributionPoint[] {
  const items = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'CRLDistributionPoints'))
  if (items.length > 64) throw new FormatError('format.extension', 'too many distribution points')
  return items.map(parseDistributionPoint)
}

/** Parses one DistributionPoint SEQUENCE (also used for CRL issuing distribution points). */
export function parseDistributionPoint(dp: Tlv): DistributionPoint {
  const out: {
    fullName?: GeneralName[]
    nameRelativeToIssuer?: NameAttribute[]
    reasons?: string[]
    crlIssuer?: GeneralName[]
  } = {}
  for (const t of children(dp)) {
    if (t.cls !== 2) throw new FormatError('format.extension', 'DistributionPoint: bad field')
    if (t.tag === 0) parseDistributionPointName(t, out)
    else if (t.tag === 1)
      out.reasons = namedBits({ ...PLAIN, ...t, cls: 0, tag: TAG.BIT_STRING }, REASON_BITS)
    else if (t.tag === 2) out.crlIssuer = parseGeneralNamesContent(t.value)
  }
  return out
}

/** Fills fullName / nameRelativeToIssuer from a [0] DistributionPointName element. */
export function parseDistributionPointName(
  t: Tlv,
  out: { fullName?: GeneralName[]; nameRelativeToIssuer?: NameAttribute[] },
): void {
  const [choice] = children(t)
  if (!choice || choice.cls !== 2) throw new FormatError('format.extension', 'bad DP name')
  if (choice.tag === 0) out.fullName = parseGeneralNamesContent(choice.value)
  else if (choice.tag === 1) {
    // nameRelativeToCRLIssuer is an IMPLICIT SET OF AttributeTypeAndValue; parse it as an RDN.
    const rdnSeq = new Uint8Array([0x30, ...lengthBytes(choice.raw.length), 0x31])
    const fake = new Uint8Array(rdnSeq.length + choice.raw.length - 1)
    fake.set(rdnSeq)
    fake.set(choice.raw.subarray(1), rdnSeq.length)
    out.nameRelativeToIssuer = [...(parseNameTlv(readSingle(fake)).rdns[0] ?? [])]
  }
}

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n]
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return [0x80 | bytes.length, ...bytes]
}

export function parseAuthorityInfoAccess(der: Uint8Array): AuthorityInfoAccess {
  const ocsp: string[] = []
  const caIssuers: string[] = []
  for (const ad of children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'AIA'))) {
    const [m, loc] = children(expectUniversal(ad, TAG.SEQUENCE, 'AccessDescription'))
    const method = readOid(m)
    if (!loc) continue
    const name = parseGeneralName(loc)
    if (name.kind !== 'uri') continue
    if (method === '1.3.6.1.5.5.7.48.1') ocsp.push(name.value)
    else if (method === '1.3.6.1.5.5.7.48.2') caIssuers.push(name.value)
  }
  return { ocsp, caIssuers }
}
