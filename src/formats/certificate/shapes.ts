/**
 * Structural checks of the revocation objects a certificate file may carry: enough to know
 * that a CertificateList or an OCSPResponse is what it claims, before path validation reads it.
 */
import {
  children,
  expectUniversal,
  isUniversal,
  readSingle,
  readTime,
  TAG,
} from '../../asn1/der.js'
import { FormatError, YrdError } from '../../errors.js'
import { parseNameTlv } from '../../pki/name.js'

/** Checks that `der` is a CertificateList (RFC 5280 §5.1). Throws FormatError `format.crl`. */
export function checkCrlShape(der: Uint8Array): void {
  guard('format.crl', 'CRL', () => {
    const top = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'CertificateList'))
    if (top.length !== 3) throw new Error('CertificateList needs 3 fields')
    const tbs = children(expectUniversal(top[0], TAG.SEQUENCE, 'TBSCertList'))
    expectUniversal(top[1], TAG.SEQUENCE, 'signatureAlgorithm')
    expectUniversal(top[2], TAG.BIT_STRING, 'signatureValue')
    let i = tbs[0] && isUniversal(tbs[0], TAG.INTEGER) ? 1 : 0
    expectUniversal(tbs[i++], TAG.SEQUENCE, 'signature')
    parseNameTlv(expectUniversal(tbs[i++], TAG.SEQUENCE, 'issuer'))
    readTime(tbs[i], 'thisUpdate')
  })
}

/** Checks that `der` is an OCSPResponse (RFC 6960 §4.2.1). Throws FormatError `format.ocsp`. */
export function checkOcspResponseShape(der: Uint8Array): void {
  guard('format.ocsp', 'OCSP response', () => {
    const top = children(expectUniversal(readSingle(der), TAG.SEQUENCE, 'OCSPResponse'))
    expectUniversal(top[0], TAG.ENUMERATED, 'responseStatus')
    const bytes = top[1]
    if (top.length > 2 || (bytes && (bytes.cls !== 2 || bytes.tag !== 0))) {
      throw new Error('unexpected field')
    }
  })
}

function guard(code: string, what: string, check: () => void): void {
  try {
    check()
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e)
    if (e instanceof YrdError && e.code === code) throw e
    throw new FormatError(code, `malformed ${what}: ${why} / ${what} 格式错误`, { cause: e })
  }
}
