/**
 * Reading the certificate files people hold (PEM, DER, PKCS#7 bundles, PKCS#12) into evidence
 * for verification. Readers extract; they never decide trust.
 */
import { readSingle } from '../../asn1/der.js'
import { FormatError, LimitError } from '../../errors.js'
import { parseCertificate } from '../../pki/certificate.js'
import { EvidenceCollector } from './collector.js'
import { readPemCertificateFile } from './read-pem.js'
import { readSignedDataBundle, signedMessageError, splitSignedData } from './pkcs7.js'
import { sniffCertificateInput } from './sniff.js'
import { bundleSubjects } from './subjects.js'
import {
  DEFAULT_MAX_INPUT_BYTES,
  type CertificateEvidence,
  type ReadCertificateOptions,
} from './types.js'

export { sniffCertificateInput } from './sniff.js'
export type {
  CertificateContainer,
  CertificateEvidence,
  CertificateInputKind,
  ReadCertificateOptions,
} from './types.js'

/**
 * Reads a certificate file. Throws FormatError (`format.pem`, `format.der`,
 * `format.certificate`, `format.pkcs7`, `format.pkcs12`, `format.unsupported`, …) on malformed
 * or unsupported input, LimitError past the size and count bounds, and YrdError
 * `input.password` when a PKCS#12 password is missing or wrong.
 * @example
 * const evidence = await readCertificateFile(bytes, { password: '123456' })
 * const subject = evidence.certificates[evidence.subjectIndexes[0]!]
 */
export async function readCertificateFile(
  bytes: Uint8Array,
  options: ReadCertificateOptions = {},
): Promise<CertificateEvidence> {
  const max = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES
  if (bytes.length > max) {
    throw new LimitError(
      'limit.size',
      `input of ${bytes.length} bytes exceeds the ${max}-byte limit / 输入超过 ${max} 字节上限`,
    )
  }
  switch (sniffCertificateInput(bytes)) {
    case 'pem':
      return readPemCertificateFile(new TextDecoder('latin1').decode(bytes))
    case 'der-certificate':
      parseCertificate(bytes)
      return evidence('der', { certificates: [bytes] }, [0])
    case 'pkcs7':
      return readPkcs7File(bytes)
    case 'pkcs12': {
      const { readPkcs12File } = await import('./pkcs12.js')
      return readPkcs12File(bytes, options.password)
    }
    case 'crl':
      throw new FormatError(
        'format.unsupported',
        'a lone CRL is revocation data, not something to verify; pass it with the ' +
          'certificate instead / 单独的 CRL 是吊销信息而非验证对象，请与证书一并提供',
      )
    case undefined:
      throw explainUnknown(bytes)
  }
}

function readPkcs7File(bytes: Uint8Array): CertificateEvidence {
  const out = new EvidenceCollector()
  readSignedDataBundle(bytes, out)
  const certs = out.certificates.map((der, i) => {
    try {
      return parseCertificate(der)
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e)
      throw new FormatError(
        'format.pkcs7',
        `PKCS#7 certificate ${i + 1} does not parse: ${why} / PKCS#7 第 ${i + 1} 个证书无法解析`,
        { cause: e },
      )
    }
  })
  if (certs.length === 0) {
    throw new FormatError(
      'format.unsupported',
      'the PKCS#7 bundle holds no certificate to verify / PKCS#7 证书包中没有证书',
    )
  }
  return evidence('pkcs7', out, bundleSubjects(certs))
}

function evidence(
  container: CertificateEvidence['container'],
  items: Partial<Pick<EvidenceCollector, 'certificates' | 'crls' | 'ocspResponses'>>,
  subjectIndexes: number[],
): CertificateEvidence {
  return {
    container,
    certificates: items.certificates ?? [],
    crls: items.crls ?? [],
    ocspResponses: items.ocspResponses ?? [],
    subjectIndexes,
    hasPrivateKey: false,
  }
}

/** The most useful error for input that is none of the supported kinds. */
function explainUnknown(bytes: Uint8Array): FormatError {
  if (bytes.length === 0) {
    return new FormatError('format.unsupported', 'empty file / 文件为空')
  }
  if (bytes[0] === 0x30) {
    let signed = false
    try {
      signed = splitSignedData(bytes).signed
    } catch {
      signed = false
    }
    if (signed) return signedMessageError()
    try {
      readSingle(bytes, true)
    } catch (e) {
      if (e instanceof FormatError) return e
    }
    return new FormatError(
      'format.unsupported',
      'DER data that is not a certificate, CRL, PKCS#7 bundle or PKCS#12 file / ' +
        'DER 数据不是证书、CRL、PKCS#7 证书包或 PKCS#12 文件',
    )
  }
  return new FormatError(
    'format.unsupported',
    'not a certificate file (PEM, DER, PKCS#7 or PKCS#12) / 不是证书文件（PEM、DER、PKCS#7 或 PKCS#12）',
  )
}
