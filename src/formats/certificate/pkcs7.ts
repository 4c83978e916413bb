/**
 * Certificate bundles in PKCS#7 / CMS SignedData without signers (.p7b, .p7c), also under the
 * GB/T 35275 signedData OID: the certificates [0] and revocation data [1] they carry.
 */
import {
  children,
  expectUniversal,
  isUniversal,
  readOid,
  readSingle,
  TAG,
  type Tlv,
} from '../../asn1/der.js'
import { FormatError, YrdError } from '../../errors.js'
import { toDefiniteLength } from './ber.js'
import type { EvidenceCollector } from './collector.js'
import { checkCrlShape, checkOcspResponseShape } from './shapes.js'
import { PLAIN } from '../../shape.js'

/** ContentInfo content types that carry SignedData. */
export const SIGNED_DATA_OIDS: ReadonlySet<string> = new Set([
  '1.2.840.113549.1.7.2',
  '1.2.156.10197.6.1.4.2.2',
])

/** id-ri-ocsp-response (RFC 5940): an OCSPResponse among the CMS revocation choices. */
const OCSP_RESPONSE_OTHER_FORMAT = '1.3.6.1.5.5.7.16.2'

/** The parts of a SignedData that say whether it is a bundle or a signed message. */
export interface SignedDataParts {
  readonly certificates?: Tlv
  readonly crls?: Tlv
  /** True when it has signers or encapsulated content: a signed message, not a bundle. */
  readonly signed: boolean
}

/**
 * Locates the SignedData in `der` (a ContentInfo with a signedData OID, or a bare SignedData;
 * DER, or BER with indefinite lengths) and splits it. Throws FormatError `format.pkcs7` when it
 * is neither.
 */
export function splitSignedData(der: Uint8Array): SignedDataParts {
  return wrap(() => {
    let top = expectUniversal(readSingle(toDefiniteLength(der), true), TAG.SEQUENCE, 'ContentInfo')
    let parts = children(top, true)
    if (parts[0] && isUniversal(parts[0], TAG.OID)) {
      const oid = readOid(parts[0], 'contentType')
      if (!SIGNED_DATA_OIDS.has(oid)) throw new Error(`content type ${oid} is not signedData`)
      const explicit = parts[1]
      if (parts.length !== 2 || !explicit || explicit.cls !== 2 || explicit.tag !== 0) {
        throw new Error('ContentInfo must hold [0] content')
      }
      const inner = children(explicit, true)
      if (inner.length !== 1) throw new Error('ContentInfo [0] must hold one element')
      top = expectUniversal(inner[0], TAG.SEQUENCE, 'SignedData')
      parts = children(top, true)
    }
    expectUniversal(parts[0], TAG.INTEGER, 'version')
    expectUniversal(parts[1], TAG.SET, 'digestAlgorithms')
    const encap = children(expectUniversal(parts[2], TAG.SEQUENCE, 'encapContentInfo'), true)
    readOid(encap[0], 'eContentType')
    let i = 3
    let certificates: Tlv | undefined
    let crls: Tlv | undefined
    if (parts[i]?.cls === 2 && parts[i]?.tag === 0) certificates = parts[i++]
    if (parts[i]?.cls === 2 && parts[i]?.tag === 1) crls = parts[i++]
    const signerInfos = expectUniversal(parts[i++], TAG.SET, 'signerInfos')
    if (i !== parts.length) throw new Error('unexpected field after signerInfos')
    const signed = encap.length > 1 || signerInfos.value.length > 0
    return { ...PLAIN, ...(certificates && { certificates }), ...(crls && { crls }), signed }
  })
}

/**
 * Adds the certificates and revocation data of a degenerate SignedData to `out`. A SignedData
 * with signers is refused with `format.unsupported`: it is a signature to verify, not a bundle.
 */
export function readSignedDataBundle(der: Uint8Array, out: EvidenceCollector): void {
  const parts = splitSignedData(der)
  if (parts.signed) throw signedMessageError()
  wrap(() => {
    if (parts.certificates) {
      for (const choice of children(parts.certificates, true)) {
        if (isUniversal(choice, TAG.SEQUENCE)) out.add('certificates', choice.raw)
      }
    }
    if (parts.crls) {
      for (const choice of children(parts.crls, true)) addRevocation(choice, out)
    }
  })
}

/** The error for a SignedData with signers or content met where a bundle was expected. */
export function signedMessageError(): FormatError {
  return new FormatError(
    'format.unsupported',
    'this is a signed CMS/PKCS#7 message, not a certificate bundle; verify it as a ' +
      'signature / 这是带签名的 CMS/PKCS#7 消息而非证书包，请按签名验证',
  )
}

function addRevocation(choice: Tlv, out: EvidenceCollector): void {
  if (isUniversal(choice, TAG.SEQUENCE)) {
    checkCrlShape(choice.raw)
    out.add('crls', choice.raw)
  } else if (choice.cls === 2 && choice.tag === 1 && choice.constructed) {
    const [format, info] = children(choice, true)
    if (readOid(format, 'otherRevInfoFormat') === OCSP_RESPONSE_OTHER_FORMAT && info) {
      checkOcspResponseShape(info.raw)
      out.add('ocspResponses', info.raw)
    }
  } else {
    throw new Error('unknown RevocationInfoChoice')
  }
}

function wrap<T>(work: () => T): T {
  try {
    return work()
  } catch (e) {
    if (e instanceof YrdError && e.code !== 'format.der') throw e
    const why = e instanceof Error ? e.message : String(e)
    throw new FormatError(
      'format.pkcs7',
      `malformed PKCS#7 bundle: ${why} / PKCS#7 证书包格式错误`,
      {
        cause: e,
      },
    )
  }
}
