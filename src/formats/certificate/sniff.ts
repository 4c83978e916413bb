/**
 * Cheap recognition of certificate files from their first structure, never from file names.
 */
import {
  children,
  expectUniversal,
  decodeOid,
  isUniversal,
  readSingle,
  TAG,
  type Tlv,
} from '../../asn1/der.js'
import { findPemBegin } from './pem.js'
import { splitSignedData } from './pkcs7.js'
import type { CertificateInputKind } from './types.js'

const PEM_PROBE_BYTES = 4096
const PKCS7_DATA = '1.2.840.113549.1.7.1'
const PKCS7_SIGNED_DATA = '1.2.840.113549.1.7.2'

/**
 * Says what kind of certificate file `bytes` holds, or undefined when it is none of them.
 * `pkcs7` is returned only for bundles (SignedData without signers or content); a signed CMS
 * message is left to the signature readers.
 * @example
 * sniffCertificateInput(await readFile('chain.p7b')) // 'pkcs7'
 */
export function sniffCertificateInput(bytes: Uint8Array): CertificateInputKind | undefined {
  if (bytes.length === 0) return undefined
  const der = bytes[0] === 0x30 ? sniffDer(bytes) : undefined
  if (der) return der
  return looksLikePem(bytes) ? 'pem' : undefined
}

/** True when the start of `bytes` is text and a PEM BEGIN line occurs in the file. */
function looksLikePem(bytes: Uint8Array): boolean {
  const probe = bytes.subarray(0, PEM_PROBE_BYTES)
  for (const b of probe) {
    if (b === 0 || (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c)) {
      return false
    }
  }
  return findPemBegin(new TextDecoder('latin1').decode(bytes)) >= 0
}

function sniffDer(bytes: Uint8Array): CertificateInputKind | undefined {
  if (looksLikePkcs12(bytes)) return 'pkcs12'
  let parts: Tlv[] | undefined
  try {
    parts = children(expectUniversal(readSingle(bytes, true), TAG.SEQUENCE, 'SEQUENCE'), true)
  } catch {
    parts = undefined
  }
  const first = parts?.[0]
  if (parts && first && isUniversal(first, TAG.SEQUENCE) && parts.length === 3) {
    return sniffSigned(first)
  }
  // Only a SignedData may arrive with indefinite lengths (BER from streaming encoders).
  if (parts ? !first : bytes[1] !== 0x80) return undefined
  try {
    return splitSignedData(bytes).signed ? undefined : 'pkcs7'
  } catch {
    return undefined
  }
}

/** Certificate or CertificateList, told apart by what follows the signature and issuer. */
function sniffSigned(tbs: Tlv): CertificateInputKind | undefined {
  try {
    const fields = children(tbs, true)
    const alg = fields.findIndex((f) => isUniversal(f, TAG.SEQUENCE))
    if (alg < 0 || alg > 2) return undefined
    const next = fields[alg + 2]
    if (!next) return undefined
    if (isUniversal(next, TAG.SEQUENCE)) return 'der-certificate'
    if (isUniversal(next, TAG.UTC_TIME) || isUniversal(next, TAG.GENERALIZED_TIME)) return 'crl'
  } catch {
    return undefined
  }
  return undefined
}

/**
 * PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo, macData OPTIONAL }, read at the
 * header level only because PKCS#12 files are often BER with indefinite lengths.
 */
function looksLikePkcs12(bytes: Uint8Array): boolean {
  const outer = header(bytes, 0)
  if (!outer || outer.tag !== 0x30) return false
  const version = header(bytes, outer.next)
  if (!version || version.tag !== 0x02 || version.length !== 1) return false
  if (bytes[version.next] !== 3) return false
  const authSafe = header(bytes, version.next + 1)
  if (!authSafe || authSafe.tag !== 0x30) return false
  const oid = header(bytes, authSafe.next)
  if (!oid || oid.tag !== 0x06 || oid.length === undefined) return false
  const oidBytes = bytes.subarray(oid.next, oid.next + oid.length)
  try {
    const dotted = decodeOid(oidBytes)
    return dotted === PKCS7_DATA || dotted === PKCS7_SIGNED_DATA
  } catch {
    return false
  }
}

interface Header {
  readonly tag: number
  /** Undefined for the indefinite form. */
  readonly length: number | undefined
  /** Offset of the content. */
  readonly next: number
}

function header(bytes: Uint8Array, at: number): Header | undefined {
  if (at + 2 > bytes.length) return undefined
  const tag = bytes[at]!
  const first = bytes[at + 1]!
  if (first < 0x80) return { tag, length: first, next: at + 2 }
  if (first === 0x80) return { tag, length: undefined, next: at + 2 }
  const n = first & 0x7f
  if (n > 4 || at + 2 + n > bytes.length) return undefined
  let length = 0
  for (let i = 0; i < n; i++) length = length * 256 + bytes[at + 2 + i]!
  return { tag, length, next: at + 2 + n }
}
