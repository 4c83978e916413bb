/**
 * X.501 distinguished names: parsing, display and comparison (RFC 5280 §7.1).
 */
import {
  children,
  expectUniversal,
  readOid,
  readSingle,
  TAG,
  toHex,
  type Tlv,
} from '../asn1/der.js'
import { decodeString } from '../asn1/strings.js'
import { FormatError } from '../errors.js'
import { BoundedCache } from './cache.js'

/** One attribute of a relative distinguished name. */
export interface NameAttribute {
  readonly oid: string
  /** Short name such as CN, O or C when known, else the dotted OID. */
  readonly type: string
  /** Decoded text for string values; undefined for other value types. */
  readonly value: string | undefined
  /** The value element as encoded. */
  readonly raw: Uint8Array
}

/** A parsed distinguished name. */
export interface DistinguishedName {
  readonly der: Uint8Array
  readonly rdns: readonly (readonly NameAttribute[])[]
  /** One comparison key per RDN, in order; equal keys mean equal RDNs under RFC 5280 §7.1. */
  readonly rdnKeys: readonly string[]
  /** Comparison key of the whole name. */
  readonly key: string
  /** RFC 4514 style text, most specific RDN first. */
  readonly text: string
}

const SHORT_NAMES: Record<string, string> = {
  '2.5.4.3': 'CN',
  '2.5.4.4': 'SN',
  '2.5.4.5': 'serialNumber',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.9': 'street',
  '2.5.4.10': 'O',
  '2.5.4.11': 'OU',
  '2.5.4.12': 'title',
  '2.5.4.42': 'GN',
  '2.5.4.43': 'initials',
  '2.5.4.46': 'dnQualifier',
  '2.5.4.65': 'pseudonym',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
  '0.9.2342.19200300.100.1.1': 'UID',
  '0.9.2342.19200300.100.1.25': 'DC',
}

const MAX_RDNS = 64

/** Normalises a string value for comparison: NFKC, case folded, spaces trimmed and collapsed. */
function normalise(value: string): string {
  return value.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ')
}

function attributeKey(a: NameAttribute): string {
  const v = a.value === undefined ? `#${toHex(a.raw)}` : JSON.stringify(normalise(a.value))
  return `${a.oid}=${v}`
}

function escapeValue(v: string): string {
  return v
    .replace(/([,+"\\<>;])/g, '\\$1')
    .replace(/^([ #])/, '\\$1')
    .replace(/ $/, '\\ ')
}

function parseAttribute(tlv: Tlv): NameAttribute {
  const [typeTlv, valueTlv, extra] = children(
    expectUniversal(tlv, TAG.SEQUENCE, 'AttributeTypeAndValue'),
  )
  if (!valueTlv || extra) throw new FormatError('format.name', 'Name: bad attribute / 名称属性错误')
  const oid = readOid(typeTlv, 'attribute type')
  return { oid, type: SHORT_NAMES[oid] ?? oid, value: decodeString(valueTlv), raw: valueTlv.raw }
}

/** Names of at most this many bytes are remembered (the last {@link MAX_KEPT_NAMES}). */
const MAX_KEPT_NAME_BYTES = 1024
const MAX_KEPT_NAMES = 256
const keptNames = new BoundedCache<DistinguishedName>(MAX_KEPT_NAMES)
const latin1 = new TextDecoder('latin1')

/**
 * Parses a Name from its DER element. The names of a few issuers recur in every signature,
 * certificate and CRL, so recent ones are kept by their exact bytes (parsed from a copy, so a
 * kept name never holds on to the document it came from); a name is a pure function of them.
 */
export function parseNameTlv(tlv: Tlv): DistinguishedName {
  if (tlv.raw.length > MAX_KEPT_NAME_BYTES) return parseUncached(tlv)
  const key = latin1.decode(tlv.raw)
  const hit = keptNames.get(key)
  if (hit) return hit
  const parsed = parseUncached(readSingle(tlv.raw.slice()))
  keptNames.set(key, parsed)
  return parsed
}

function parseUncached(tlv: Tlv): DistinguishedName {
  const seq = expectUniversal(tlv, TAG.SEQUENCE, 'Name')
  const rdnTlvs = children(seq)
  if (rdnTlvs.length > MAX_RDNS) throw new FormatError('format.name', 'Name: too many RDNs')
  const rdns = rdnTlvs.map((rdn) => {
    const attrs = children(expectUniversal(rdn, TAG.SET, 'RelativeDistinguishedName'))
    if (attrs.length === 0 || attrs.length > 16) {
      throw new FormatError('format.name', 'Name: bad RDN / 相对可分辨名错误')
    }
    return attrs.map(parseAttribute)
  })
  const rdnKeys = rdns.map((rdn) => rdn.map(attributeKey).sort().join('+'))
  const text = [...rdns]
    .reverse()
    .map((rdn) =>
      rdn.map((a) => `${a.type}=${escapeValue(a.value ?? `#${toHex(a.raw)}`)}`).join('+'),
    )
    .join(', ')
  return { der: tlv.raw, rdns, rdnKeys, key: rdnKeys.join(','), text }
}

/** Parses a Name from DER bytes. */
export function parseName(der: Uint8Array): DistinguishedName {
  return parseNameTlv(readSingle(der))
}

/** RFC 5280 §7.1 name equality. */
export function namesEqual(a: DistinguishedName, b: DistinguishedName): boolean {
  return a.key === b.key
}

/** True when `name` lies within the subtree rooted at `base` (its RDNs start with base's). */
export function nameWithinSubtree(name: DistinguishedName, base: DistinguishedName): boolean {
  if (base.rdnKeys.length > name.rdnKeys.length) return false
  return base.rdnKeys.every((k, i) => name.rdnKeys[i] === k)
}

/** The first value of an attribute, by OID or short name. */
export function nameAttribute(name: DistinguishedName, type: string): string | undefined {
  for (const rdn of name.rdns) {
    for (const a of rdn) if (a.oid === type || a.type === type) return a.value
  }
  return undefined
}
