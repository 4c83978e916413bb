/**
 * Walking PKCS#12 SafeContents (RFC 7292 §4.2): certificate and CRL bags as raw DER, and the
 * local key identifiers of the key bags. Private keys are never decrypted.
 */
import * as asn1js from 'asn1js'
import { toHex } from '../../asn1/der.js'
import { FormatError } from '../../errors.js'
import type { EvidenceCollector } from './collector.js'

const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
  crl: '1.2.840.113549.1.12.10.1.4',
  secret: '1.2.840.113549.1.12.10.1.5',
  safeContents: '1.2.840.113549.1.12.10.1.6',
} as const
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1'
const X509_CRL = '1.2.840.113549.1.9.23.1'
const LOCAL_KEY_ID = '1.2.840.113549.1.9.21'
const MAX_NESTING = 4

/** What the bags say besides the certificates and CRLs themselves. */
export interface BagIndex {
  /** Hex localKeyId of each key bag. */
  readonly keyIds: Set<string>
  /** Hex localKeyId of each certificate, by index in the collector (absent when none). */
  readonly certKeyIds: Map<number, string>
  /** EncryptedPrivateKeyInfo of the shrouded key bags, kept only to test the password. */
  readonly shroudedKeys: asn1js.AsnType[]
}

/** Parses BER with bounds suited to PKCS#12; throws FormatError `format.pkcs12`. */
export function parseBer(bytes: Uint8Array, what: string): asn1js.AsnType {
  let parsed: ReturnType<typeof asn1js.fromBER>
  try {
    parsed = asn1js.fromBER(bytes, {
      maxDepth: 64,
      maxNodes: 200_000,
      maxContentLength: bytes.length,
      parseEmbedded: false,
    })
  } catch (e) {
    // asn1js throws, rather than reporting, on some malformed values (times, for one).
    throw pkcs12Error(`${what} is not valid BER`, e)
  }
  if (parsed.offset === -1 || parsed.offset !== bytes.length) {
    throw pkcs12Error(`${what} is not valid BER`)
  }
  return parsed.result
}

/** Adds the certificate and CRL bags of a SafeContents to `out` and records key ids. */
export function readSafeContents(
  der: Uint8Array,
  out: EvidenceCollector,
  index: BagIndex,
  depth = 0,
): void {
  if (depth > MAX_NESTING) throw pkcs12Error('SafeContents nested too deeply')
  for (const bag of items(parseBer(der, 'SafeContents'), 'SafeContents')) {
    const [idTlv, valueTlv, attrs] = items(bag, 'SafeBag')
    const bagId = oid(idTlv, 'bagId')
    const value = explicit(valueTlv, 'bagValue')
    const keyId = localKeyId(attrs)
    switch (bagId) {
      case BAG.key:
      case BAG.shroudedKey:
        out.hasPrivateKey = true
        if (bagId === BAG.shroudedKey) index.shroudedKeys.push(value)
        if (keyId !== undefined) index.keyIds.add(keyId)
        break
      case BAG.cert: {
        const bytes = typedValue(value, X509_CERTIFICATE, 'CertBag')
        if (bytes) {
          if (keyId !== undefined) index.certKeyIds.set(out.certificates.length, keyId)
          out.add('certificates', bytes)
        }
        break
      }
      case BAG.crl: {
        const bytes = typedValue(value, X509_CRL, 'CRLBag')
        if (bytes) out.add('crls', bytes)
        break
      }
      case BAG.safeContents:
        readSafeContents(new Uint8Array(value.toBER(false)), out, index, depth + 1)
        break
      case BAG.secret:
        break
      default:
        throw pkcs12Error(`unknown bag type ${bagId}`)
    }
  }
}

/** CertBag / CRLBag ::= SEQUENCE { id OID, value [0] EXPLICIT OCTET STRING }; other ids skip. */
function typedValue(bag: asn1js.AsnType, wanted: string, what: string): Uint8Array | undefined {
  const [idTlv, valueTlv] = items(bag, what)
  if (oid(idTlv, `${what} id`) !== wanted) return undefined
  return octets(explicit(valueTlv, `${what} value`), `${what} value`)
}

function localKeyId(attrs: asn1js.AsnType | undefined): string | undefined {
  if (!attrs) return undefined
  for (const attr of items(attrs, 'bagAttributes')) {
    const [typeTlv, values] = items(attr, 'PKCS12Attribute')
    if (oid(typeTlv, 'attrId') !== LOCAL_KEY_ID) continue
    const first = items(values, 'attrValues')[0]
    return first ? toHex(octets(first, 'localKeyId')) : undefined
  }
  return undefined
}

/** Children of a constructed element. */
export function items(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  const value = (node as { valueBlock?: { value?: unknown } } | undefined)?.valueBlock?.value
  if (!node || !node.idBlock.isConstructed || !Array.isArray(value)) {
    throw pkcs12Error(`${what} is not a constructed element`)
  }
  return value as asn1js.AsnType[]
}

/** The single element inside a context-specific [0] EXPLICIT tag. */
export function explicit(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType {
  if (!node || node.idBlock.tagClass !== 3 || node.idBlock.tagNumber !== 0) {
    throw pkcs12Error(`${what} must be [0] EXPLICIT`)
  }
  const inner = items(node, what)
  if (inner.length !== 1) throw pkcs12Error(`${what} must hold one element`)
  return inner[0]!
}

/** An OBJECT IDENTIFIER in dotted form. */
export function oid(node: asn1js.AsnType | undefined, what: string): string {
  if (!(node instanceof asn1js.ObjectIdentifier)) throw pkcs12Error(`${what} is not an OID`)
  return node.getValue()
}

/** The bytes of an OCTET STRING, primitive or constructed. */
export function octets(node: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (!(node instanceof asn1js.OctetString)) throw pkcs12Error(`${what} is not an OCTET STRING`)
  return new Uint8Array(node.getValue())
}

/** FormatError `format.pkcs12`. */
export function pkcs12Error(why: string, cause?: unknown): FormatError {
  return new FormatError(
    'format.pkcs12',
    `malformed PKCS#12 file: ${why} / PKCS#12 文件格式错误：${why}`,
    cause === undefined ? undefined : { cause },
  )
}
