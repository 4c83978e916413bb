/**
 * RFC 5280 §5 CertificateList parsing into a plain model: entries indexed by (certificate
 * issuer, serial number), CRL number, delta indicator, issuing distribution point, and the
 * critical extensions that could not be processed. Entry count is bounded.
 */
import {
  children,
  expectUniversal,
  isUniversal,
  readSingle,
  readSmallInt,
  readTime,
  TAG,
  toHex,
  type Tlv,
} from '../../asn1/der.js'
import { FormatError, YrdError } from '../../errors.js'
import {
  parseAlgorithmIdentifier,
  parseExtensionList,
  type AlgorithmIdentifier,
  type Extension,
} from '../certificate.js'
import { parseAuthorityKeyIdentifier } from '../extensions.js'
import { parseGeneralNamesContent } from '../general-name.js'
import type { DistinguishedName } from '../name.js'
import { parseNameTlv } from '../name.js'
import type { RevocationReason } from '../revocation-types.js'
import { parseIssuingDistributionPoint, type IssuingDistributionPoint } from './idp.js'
import { PLAIN } from '../../shape.js'

/** Maximum number of revoked-certificate entries accepted in one CRL. */
export const MAX_CRL_ENTRIES = 100_000

const CRL_EXT = {
  authorityKeyIdentifier: '2.5.29.35',
  issuerAltName: '2.5.29.18',
  crlNumber: '2.5.29.20',
  deltaCrlIndicator: '2.5.29.27',
  issuingDistributionPoint: '2.5.29.28',
  freshestCrl: '2.5.29.46',
  authorityInfoAccess: '1.3.6.1.5.5.7.1.1',
} as const

const ENTRY_EXT = {
  reasonCode: '2.5.29.21',
  invalidityDate: '2.5.29.24',
  certificateIssuer: '2.5.29.29',
} as const

const REASONS: readonly (RevocationReason | undefined)[] = [
  'unspecified',
  'keyCompromise',
  'cACompromise',
  'affiliationChanged',
  'superseded',
  'cessationOfOperation',
  'certificateHold',
  undefined,
  'removeFromCRL',
  'privilegeWithdrawn',
  'aACompromise',
]

/** One revoked certificate. */
export interface CrlEntry {
  readonly revocationDate: Date
  readonly reason?: RevocationReason
  readonly invalidityDate?: Date
}

/** A parsed CRL. */
export interface Crl {
  readonly der: Uint8Array
  readonly tbs: Uint8Array
  readonly signatureAlgorithm: AlgorithmIdentifier
  readonly signatureValue: Uint8Array
  readonly version: number
  readonly issuer: DistinguishedName
  readonly thisUpdate: Date
  readonly nextUpdate?: Date
  /** Keyed by `${certificateIssuer.key}|${serial hex}`. */
  readonly entries: ReadonlyMap<string, CrlEntry>
  readonly crlNumber?: bigint
  /** BaseCRLNumber of a delta CRL. */
  readonly deltaBase?: bigint
  readonly idp?: IssuingDistributionPoint
  readonly authorityKeyId?: Uint8Array
  /** Critical CRL or entry extensions this library cannot process (CRL unusable if any). */
  readonly unknownCritical: readonly string[]
}

/** Key of an entry: certificate issuer name and serial number content octets. */
export function entryKey(issuer: DistinguishedName, serial: Uint8Array): string {
  return `${issuer.key}|${toHex(serial)}`
}

function bigIntOf(tlv: Tlv): bigint {
  const v = expectUniversal(tlv, TAG.INTEGER, 'CRLNumber').value
  if (v.length === 0 || v.length > 20 || (v[0]! & 0x80) !== 0) {
    throw new FormatError('format.crl', 'CRL: bad CRL number / CRL 编号错误')
  }
  return BigInt(`0x${toHex(v)}`)
}

function extensionsOf(tlv: Tlv): Extension[] {
  return parseExtensionList({ ...PLAIN, ...tlv, value: tlv.raw })
}

function parseEntry(
  tlv: Tlv,
  current: DistinguishedName,
  unknown: Set<string>,
): { serial: Uint8Array; entry: CrlEntry; issuer: DistinguishedName } {
  const [serialTlv, dateTlv, extTlv, extra] = children(expectUniversal(tlv, TAG.SEQUENCE, 'entry'))
  if (extra) throw new FormatError('format.crl', 'CRL entry: extra fields / CRL 条目多余字段')
  const serial = expectUniversal(serialTlv, TAG.INTEGER, 'userCertificate').value
  const entry: { revocationDate: Date; reason?: RevocationReason; invalidityDate?: Date } = {
    revocationDate: readTime(dateTlv, 'revocationDate'),
  }
  let issuer = current
  for (const e of extTlv ? extensionsOf(extTlv) : []) {
    if (e.oid === ENTRY_EXT.reasonCode) {
      const r = readSingle(e.value)
      if (!isUniversal(r, TAG.ENUMERATED) || r.value.length !== 1) {
        throw new FormatError('format.crl', 'CRL entry: bad reasonCode / 吊销原因错误')
      }
      const reason = REASONS[r.value[0]!]
      if (!reason) throw new FormatError('format.crl', 'CRL entry: unknown reason / 未知吊销原因')
      entry.reason = reason
    } else if (e.oid === ENTRY_EXT.invalidityDate) {
      entry.invalidityDate = readTime(readSingle(e.value), 'invalidityDate')
    } else if (e.oid === ENTRY_EXT.certificateIssuer) {
      const names = parseGeneralNamesContent(
        expectUniversal(readSingle(e.value), TAG.SEQUENCE, 'GeneralNames').value,
      )
      const dn = names.find((n) => n.kind === 'directory')
      if (!dn || dn.kind !== 'directory') unknown.add(e.oid)
      else issuer = dn.value
    } else if (e.critical) {
      unknown.add(e.oid)
    }
  }
  return { serial, entry, issuer }
}

/** Parses a DER CRL. Throws FormatError on anything malformed. */
export function parseCrl(der: Uint8Array): Crl {
  try {
    return parseCrlInner(der)
  } catch (e) {
    if (e instanceof YrdError) throw e
    throw new FormatError('format.crl', 'malformed CRL / CRL 格式错误', { cause: e })
  }
}

function parseCrlInner(der: Uint8Array): Crl {
  const top = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'CertificateList'))
  if (top.length !== 3) throw new FormatError('format.crl', 'CRL: need 3 fields / CRL 结构错误')
  const [tbsTlv, algTlv, sigTlv] = top as [Tlv, Tlv, Tlv]
  const f = children(expectUniversal(tbsTlv, TAG.SEQUENCE, 'TBSCertList'))
  let i = 0
  let version = 1
  if (f[0] && isUniversal(f[0], TAG.INTEGER)) version = readSmallInt(f[i++], 'version') + 1
  const inner = parseAlgorithmIdentifier(f[i++])
  const outer = parseAlgorithmIdentifier(algTlv)
  if (inner.oid !== outer.oid) {
    throw new FormatError('format.crl', 'CRL: signature algorithms differ / 签名算法不一致')
  }
  const issuer = parseNameTlv(expectUniversal(f[i++], TAG.SEQUENCE, 'issuer'))
  const thisUpdate = readTime(f[i++], 'thisUpdate')
  let nextUpdate: Date | undefined
  const nu = f[i]
  if (nu && nu.cls === 0 && (nu.tag === TAG.UTC_TIME || nu.tag === TAG.GENERALIZED_TIME)) {
    nextUpdate = readTime(f[i++], 'nextUpdate')
  }
  const unknown = new Set<string>()
  const entries = new Map<string, CrlEntry>()
  if (f[i] && isUniversal(f[i]!, TAG.SEQUENCE)) {
    const list = children(f[i++]!)
    if (list.length > MAX_CRL_ENTRIES) {
      throw new FormatError('format.crl', 'CRL: too many entries / CRL 条目过多')
    }
    let current = issuer
    for (const t of list) {
      const { serial, entry, issuer: certIssuer } = parseEntry(t, current, unknown)
      current = certIssuer
      entries.set(entryKey(certIssuer, serial), entry)
    }
  }
  const crl: {
    -readonly [K in keyof Crl]: Crl[K]
  } = {
    der,
    tbs: tbsTlv.raw,
    signatureAlgorithm: outer,
    signatureValue: signatureBits(sigTlv),
    version,
    issuer,
    thisUpdate,
    entries,
    unknownCritical: [],
  }
  if (nextUpdate) crl.nextUpdate = nextUpdate
  const extTlv = f[i]
  if (extTlv) {
    if (extTlv.cls !== 2 || extTlv.tag !== 0 || f.length !== i + 1) {
      throw new FormatError('format.crl', 'TBSCertList: unexpected field / 多余字段')
    }
    applyExtensions(crl, parseExtensionList(extTlv), unknown)
  }
  crl.unknownCritical = [...unknown]
  return crl
}

function applyExtensions(
  crl: { -readonly [K in keyof Crl]: Crl[K] },
  list: readonly Extension[],
  unknown: Set<string>,
): void {
  for (const e of list) {
    switch (e.oid) {
      case CRL_EXT.crlNumber:
        crl.crlNumber = bigIntOf(readSingle(e.value))
        break
      case CRL_EXT.deltaCrlIndicator:
        crl.deltaBase = bigIntOf(readSingle(e.value))
        break
      case CRL_EXT.issuingDistributionPoint:
        crl.idp = parseIssuingDistributionPoint(e.value)
        break
      case CRL_EXT.authorityKeyIdentifier: {
        const aki = parseAuthorityKeyIdentifier(e.value).keyIdentifier
        if (aki) crl.authorityKeyId = aki
        break
      }
      case CRL_EXT.issuerAltName:
      case CRL_EXT.freshestCrl:
      case CRL_EXT.authorityInfoAccess:
        break
      default:
        if (e.critical) unknown.add(e.oid)
    }
  }
}

function signatureBits(tlv: Tlv): Uint8Array {
  const v = expectUniversal(tlv, TAG.BIT_STRING, 'signatureValue').value
  if (v.length === 0) throw new FormatError('format.crl', 'CRL: empty signature / 签名为空')
  return v.subarray(1)
}
