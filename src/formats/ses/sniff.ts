/**
 * Cheap structural recognition of SESeal and SES_Signature DER, for the pipeline and for
 * PDF `/Contents` that may hold either CMS or an SES_Signature. An X.509 certificate
 * (3 elements) or a CMS ContentInfo (starts with an OID) never matches.
 */
import { children, isUniversal, readTlv, TAG, type Tlv } from '../../asn1/der.js'

function kids(tlv: Tlv | undefined): Tlv[] | undefined {
  if (!tlv || !isUniversal(tlv, TAG.SEQUENCE) || !tlv.constructed) return undefined
  return children(tlv)
}

function isSealInfo(tlv: Tlv | undefined): boolean {
  const header = kids(kids(tlv)?.[0])
  return (
    header !== undefined &&
    header.length === 3 &&
    isUniversal(header[0]!, TAG.IA5_STRING) &&
    isUniversal(header[1]!, TAG.INTEGER)
  )
}

/** The tail after the first element: v1 (one more) or v4/v5 (cert, algorithm, value, [ts]). */
function tailFits(parts: readonly Tlv[], v1Tail: (t: Tlv) => boolean): boolean {
  if (parts.length === 2) return v1Tail(parts[1]!)
  if (parts.length !== 4 && parts.length !== 5) return false
  return (
    isUniversal(parts[1]!, TAG.OCTET_STRING) &&
    isUniversal(parts[2]!, TAG.OID) &&
    isUniversal(parts[3]!, TAG.BIT_STRING)
  )
}

function isSeal(parts: readonly Tlv[]): boolean {
  if (!isSealInfo(parts[0])) return false
  return tailFits(parts, (t) => {
    const sign = kids(t)
    return sign !== undefined && sign.length === 3 && isUniversal(sign[0]!, TAG.OCTET_STRING)
  })
}

/**
 * Says whether `bytes` look like a SESeal or an SES_Signature, from their outer structure.
 * Never throws.
 * @example
 * sniffSes(eslBytes) // 'seal'
 */
export function sniffSes(bytes: Uint8Array): 'seal' | 'ses-signature' | undefined {
  if (bytes[0] !== 0x30) return undefined
  try {
    const outer = readTlv(bytes, 0)
    if (outer.raw.length !== bytes.length) return undefined
    const parts = kids(outer)
    if (!parts) return undefined
    if (isSeal(parts)) return 'seal'
    const tbs = kids(parts[0])
    const seal = kids(tbs?.[1])
    if (!tbs || !seal || !isUniversal(tbs[0]!, TAG.INTEGER) || !isSeal(seal)) return undefined
    return tailFits(parts, (t) => isUniversal(t, TAG.BIT_STRING)) ? 'ses-signature' : undefined
  } catch {
    return undefined
  }
}
