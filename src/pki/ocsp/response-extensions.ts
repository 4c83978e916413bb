/**
 * Extensions of OCSP responses (RFC 6960 §4.4): the generic list reader and the nonce.
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
import { FormatError, LimitError } from '../../errors.js'

/** id-pkix-ocsp-nonce. */
export const OCSP_NONCE_OID = '1.3.6.1.5.5.7.48.1.2'

/** One extension as encoded. */
export interface RawExtension {
  readonly oid: string
  readonly critical: boolean
  readonly value: Uint8Array
}

/** Reads an Extensions SEQUENCE (at most 64 entries). */
export function parseExtensions(seq: Tlv): RawExtension[] {
  const list = children(expectUniversal(seq, TAG.SEQUENCE, 'Extensions'))
  if (list.length > 64) throw new LimitError('limit.ocsp', 'OCSP: too many extensions / 扩展过多')
  return list.map((e) => {
    const p = children(expectUniversal(e, TAG.SEQUENCE, 'Extension'))
    const oid = readOid(p[0], 'extnID')
    let k = 1
    let critical = false
    if (p[k] && isUniversal(p[k]!, TAG.BOOLEAN)) {
      critical = p[k]!.value[0] !== 0
      k++
    }
    const value = expectUniversal(p[k], TAG.OCTET_STRING, 'extnValue').value
    if (p.length !== k + 1)
      throw new FormatError('format.ocsp', 'OCSP: Extension: extra fields / 扩展格式错误')
    return { oid, critical, value }
  })
}

/** The nonce carried by a nonce extension value (RFC 8954: an OCTET STRING; raw tolerated). */
export function nonceFromExtensionValue(value: Uint8Array): Uint8Array {
  try {
    const t = readSingle(value)
    if (isUniversal(t, TAG.OCTET_STRING)) return t.value
  } catch {
    // Not a wrapped OCTET STRING: some responders put the raw bytes; keep them as they are.
  }
  return value
}
