/**
 * X.509 certificates parsed into the plain model that path validation, revocation checking and
 * the verdict use. The signed bytes (`tbs`) are sliced from the input, never re-encoded.
 */
import {
  bitStringBytes,
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
} from '../asn1/der.js'
import { sameBytes } from '../crypto/bytes.js'
import { hash } from '../crypto/hash.js'
import { FormatError, YrdError } from '../errors.js'
import * as ext from './extensions.js'
import type { GeneralName } from './general-name.js'
import { parseNameTlv, type DistinguishedName } from './name.js'

/** An algorithm identifier: OID and the DER of its parameters, if any. */
export interface AlgorithmIdentifier {
  readonly oid: string
  readonly parameters?: Uint8Array
}

/** One extension as encoded. */
export interface Extension {
  readonly oid: string
  readonly critical: boolean
  readonly value: Uint8Array
}

/** A parsed certificate. Optional fields are absent when the extension is absent. */
export interface Certificate {
  readonly der: Uint8Array
  /** Lower-case hex SHA-256 of the DER. */
  readonly sha256: string
  readonly tbs: Uint8Array
  readonly signatureAlgorithm: AlgorithmIdentifier
  readonly signatureValue: Uint8Array
  readonly version: number
  /** Content octets of the serialNumber INTEGER. */
  readonly serialNumber: Uint8Array
  /** Serial number as lower-case hex without leading zero octets. */
  readonly serialHex: string
  readonly issuer: DistinguishedName
  readonly subject: DistinguishedName
  readonly notBefore: Date
  readonly notAfter: Date
  /** DER of SubjectPublicKeyInfo. */
  readonly spki: Uint8Array
  readonly publicKeyAlgorithm: AlgorithmIdentifier
  readonly extensions: readonly Extension[]
  /** OIDs of extensions that were present but could not be parsed. */
  readonly malformedExtensions: readonly string[]
  readonly basicConstraints?: ext.BasicConstraints
  readonly keyUsage?: ReadonlySet<ext.KeyUsageName>
  readonly extKeyUsage?: readonly string[]
  readonly subjectKeyIdentifier?: Uint8Array
  readonly authorityKeyIdentifier?: ext.AuthorityKeyIdentifier
  readonly subjectAltNames?: readonly GeneralName[]
  readonly nameConstraints?: ext.NameConstraints
  readonly certificatePolicies?: readonly ext.PolicyInformation[]
  readonly policyMappings?: readonly ext.PolicyMapping[]
  readonly policyConstraints?: ext.PolicyConstraints
  readonly inhibitAnyPolicy?: number
  readonly crlDistributionPoints?: readonly ext.DistributionPoint[]
  readonly freshestCrl?: readonly ext.DistributionPoint[]
  readonly authorityInfoAccess?: ext.AuthorityInfoAccess
  readonly ocspNoCheck: boolean
  /** True when issuer and subject names are equal. */
  readonly selfIssued: boolean
}

/** Reads an AlgorithmIdentifier SEQUENCE. */
export function parseAlgorithmIdentifier(tlv: Tlv | undefined): AlgorithmIdentifier {
  const [oidTlv, params, extra] = children(
    expectUniversal(tlv, TAG.SEQUENCE, 'AlgorithmIdentifier'),
  )
  if (extra) throw new FormatError('format.certificate', 'AlgorithmIdentifier: extra fields')
  const oid = readOid(oidTlv, 'algorithm')
  return params ? { oid, parameters: params.raw } : { oid }
}

const PARSERS: Record<string, (der: Uint8Array) => unknown> = {
  [ext.EXT.basicConstraints]: ext.parseBasicConstraints,
  [ext.EXT.keyUsage]: ext.parseKeyUsage,
  [ext.EXT.extKeyUsage]: ext.parseExtKeyUsage,
  [ext.EXT.subjectKeyIdentifier]: ext.parseKeyIdentifier,
  [ext.EXT.authorityKeyIdentifier]: ext.parseAuthorityKeyIdentifier,
  [ext.EXT.subjectAltName]: ext.parseSubjectAltName,
  [ext.EXT.nameConstraints]: ext.parseNameConstraints,
  [ext.EXT.certificatePolicies]: ext.parseCertificatePolicies,
  [ext.EXT.policyMappings]: ext.parsePolicyMappings,
  [ext.EXT.policyConstraints]: ext.parsePolicyConstraints,
  [ext.EXT.inhibitAnyPolicy]: ext.parseInhibitAnyPolicy,
  [ext.EXT.crlDistributionPoints]: ext.parseCrlDistributionPoints,
  [ext.EXT.freshestCrl]: ext.parseCrlDistributionPoints,
  [ext.EXT.authorityInfoAccess]: ext.parseAuthorityInfoAccess,
}

const FIELD: Record<string, string> = {
  [ext.EXT.basicConstraints]: 'basicConstraints',
  [ext.EXT.keyUsage]: 'keyUsage',
  [ext.EXT.extKeyUsage]: 'extKeyUsage',
  [ext.EXT.subjectKeyIdentifier]: 'subjectKeyIdentifier',
  [ext.EXT.authorityKeyIdentifier]: 'authorityKeyIdentifier',
  [ext.EXT.subjectAltName]: 'subjectAltNames',
  [ext.EXT.nameConstraints]: 'nameConstraints',
  [ext.EXT.certificatePolicies]: 'certificatePolicies',
  [ext.EXT.policyMappings]: 'policyMappings',
  [ext.EXT.policyConstraints]: 'policyConstraints',
  [ext.EXT.inhibitAnyPolicy]: 'inhibitAnyPolicy',
  [ext.EXT.crlDistributionPoints]: 'crlDistributionPoints',
  [ext.EXT.freshestCrl]: 'freshestCrl',
  [ext.EXT.authorityInfoAccess]: 'authorityInfoAccess',
}

/** Parses the [3] extensions of a TBSCertificate or TBSCertList into the list form. */
export function parseExtensionList(tlv: Tlv): Extension[] {
  const list = children(expectUniversal(children(tlv)[0], TAG.SEQUENCE, 'Extensions'))
  if (list.length === 0 || list.length > 128) {
    throw new FormatError('format.certificate', 'Extensions: bad count / 扩展数量错误')
  }
  const seen = new Set<string>()
  return list.map((e) => {
    const parts = children(expectUniversal(e, TAG.SEQUENCE, 'Extension'))
    const oid = readOid(parts[0], 'extnID')
    let i = 1
    let critical = false
    if (parts[i] && isUniversal(parts[i]!, TAG.BOOLEAN)) {
      critical = parts[i]!.value[0] !== 0
      i++
    }
    const value = expectUniversal(parts[i], TAG.OCTET_STRING, 'extnValue').value
    if (parts.length !== i + 1)
      throw new FormatError('format.certificate', 'Extension: extra fields')
    if (seen.has(oid)) {
      throw new FormatError('format.certificate', `duplicate extension ${oid} / 扩展重复`)
    }
    seen.add(oid)
    return { oid, critical, value }
  })
}

function serialHex(bytes: Uint8Array): string {
  let i = 0
  while (i < bytes.length - 1 && bytes[i] === 0) i++
  return toHex(bytes.subarray(i))
}

/** Most parsed certificates kept for reuse (a pure function of the bytes, so shareable). */
const MAX_PARSED = 512
/** Bytes at the end of a certificate (its signature) that pick its slot in {@link parsed}. */
const TAIL = 32
const parsed = new Map<number, Certificate>()

/** Length and last bytes of some DER, mixed (FNV-1a): where a parse of it is looked for. */
function slotOf(der: Uint8Array): number {
  let h = Math.imul(der.length ^ 0x811c9dc5, 16777619)
  for (let i = Math.max(0, der.length - TAIL); i < der.length; i++) {
    h = Math.imul(h ^ der[i]!, 16777619)
  }
  return h >>> 0
}

/**
 * Parses a DER certificate. Throws FormatError on anything malformed. The certificates of
 * one issuer recur in every document it signs, so the last few hundred parsed are kept and
 * returned again for the same bytes (a parsed certificate is never modified). They are found
 * by the length and the last bytes (the signature), then compared in full: no digest is
 * computed until something asks for `sha256`. A kept certificate holds a copy of its bytes,
 * not the document they came from.
 */
export function parseCertificate(der: Uint8Array): Certificate {
  const slot = slotOf(der)
  const hit = parsed.get(slot)
  if (hit !== undefined && sameBytes(hit.der, der)) {
    parsed.delete(slot)
    parsed.set(slot, hit)
    return hit
  }
  const cert = parseUncached(der.slice())
  // A slot taken by other bytes (a collision, at worst crafted) goes to the newer parse.
  parsed.delete(slot)
  parsed.set(slot, cert)
  if (parsed.size > MAX_PARSED) {
    const oldest = parsed.keys().next().value
    if (oldest !== undefined) parsed.delete(oldest)
  }
  return cert
}

function parseUncached(der: Uint8Array): Certificate {
  try {
    return parseCertificateInner(der)
  } catch (e) {
    if (e instanceof YrdError) throw e
    throw new FormatError('format.certificate', 'malformed certificate / 证书格式错误', {
      cause: e,
    })
  }
}

/**
 * The comparison key of a certificate's subject name (as `parseCertificate(der).subject.key`),
 * reading only the fields before it: for choosing, among many stored certificates, the few
 * worth parsing. Throws FormatError when the DER does not reach a subject name.
 */
export function subjectKeyOf(der: Uint8Array): string {
  const top = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'Certificate'))
  const fields = children(expectUniversal(top[0], TAG.SEQUENCE, 'TBSCertificate'))
  const versioned = fields[0]?.cls === 2 && fields[0].tag === 0
  return parseNameTlv(expectUniversal(fields[versioned ? 5 : 4], TAG.SEQUENCE, 'subject')).key
}

function parseCertificateInner(der: Uint8Array): Certificate {
  const top = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'Certificate'))
  if (top.length !== 3) throw new FormatError('format.certificate', 'Certificate: need 3 fields')
  const [tbsTlv, algTlv, sigTlv] = top as [Tlv, Tlv, Tlv]
  const fields = children(expectUniversal(tbsTlv, TAG.SEQUENCE, 'TBSCertificate'))
  let i = 0
  let version = 1
  if (fields[0] && fields[0].cls === 2 && fields[0].tag === 0) {
    version = readSmallInt(children(fields[0])[0], 'version') + 1
    i++
  }
  const serialTlv = expectUniversal(fields[i++], TAG.INTEGER, 'serialNumber')
  const innerAlg = parseAlgorithmIdentifier(fields[i++])
  const issuer = parseNameTlv(expectUniversal(fields[i++], TAG.SEQUENCE, 'issuer'))
  const validity = children(expectUniversal(fields[i++], TAG.SEQUENCE, 'validity'))
  const subject = parseNameTlv(expectUniversal(fields[i++], TAG.SEQUENCE, 'subject'))
  const spkiTlv = expectUniversal(fields[i++], TAG.SEQUENCE, 'subjectPublicKeyInfo')
  const spkiParts = children(spkiTlv)
  const publicKeyAlgorithm = parseAlgorithmIdentifier(spkiParts[0])
  bitStringBytes(spkiParts[1], 'subjectPublicKey')
  const outerAlg = parseAlgorithmIdentifier(algTlv)
  if (innerAlg.oid !== outerAlg.oid || !sameParameters(innerAlg.parameters, outerAlg.parameters)) {
    throw new FormatError(
      'format.certificate',
      'signature algorithm differs inside and outside the signed part / 签名算法内外不一致',
    )
  }
  let extensions: Extension[] = []
  for (; i < fields.length; i++) {
    const f = fields[i]!
    if (f.cls !== 2 || f.tag < 1 || f.tag > 3) {
      throw new FormatError('format.certificate', 'TBSCertificate: unexpected field / 多余字段')
    }
    if (f.tag === 3) extensions = parseExtensionList(f)
  }
  if (extensions.length > 0 && version !== 3) {
    throw new FormatError('format.certificate', 'extensions in a non-v3 certificate')
  }
  const parsed: Record<string, unknown> = {}
  const malformed: string[] = []
  for (const e of extensions) {
    const parser = PARSERS[e.oid]
    if (!parser) continue
    try {
      parsed[FIELD[e.oid]!] = parser(e.value)
    } catch {
      malformed.push(e.oid)
    }
  }
  const serialBytes = serialTlv.value
  return {
    der,
    get sha256() {
      return sha256Of(this)
    },
    tbs: tbsTlv.raw,
    signatureAlgorithm: outerAlg,
    signatureValue: signatureBits(sigTlv),
    version,
    serialNumber: serialBytes,
    serialHex: serialHex(serialBytes),
    issuer,
    subject,
    notBefore: readTime(validity[0], 'notBefore'),
    notAfter: readTime(validity[1], 'notAfter'),
    spki: spkiTlv.raw,
    publicKeyAlgorithm,
    extensions,
    malformedExtensions: malformed,
    ocspNoCheck: extensions.some((e) => e.oid === ext.EXT.ocspNoCheck),
    selfIssued: issuer.key === subject.key,
    ...parsed,
  } as Certificate
}

/**
 * The signature BIT STRING's bytes. A value with unused bits cannot be a valid signature; it is
 * kept as an empty value so that the certificate still parses and its signature check fails.
 */
function signatureBits(tlv: Tlv): Uint8Array {
  const v = expectUniversal(tlv, TAG.BIT_STRING, 'signatureValue').value
  return v.length > 1 && v[0] === 0 ? v.subarray(1) : new Uint8Array(0)
}

const digestCache = new WeakMap<object, string>()

function sha256Of(cert: Certificate): string {
  let v = digestCache.get(cert)
  if (v === undefined) {
    v = toHex(hash('SHA-256', cert.der))
    digestCache.set(cert, v)
  }
  return v
}

function sameParameters(a: Uint8Array | undefined, b: Uint8Array | undefined): boolean {
  return a === undefined || b === undefined ? a === b : sameBytes(a, b)
}

/** The raw subjectPublicKey bits (e.g. the EC point) of a certificate. */
export function publicKeyBytes(cert: Certificate): Uint8Array {
  return bitStringBytes(children(readSingle(cert.spki))[1], 'subjectPublicKey')
}
