/**
 * Certificate files in PEM: certificates, CRLs, PKCS#7/CMS bundles and OCSP responses, in any
 * number and order, with text between the blocks ignored.
 */
import { FormatError, YrdError } from '../../errors.js'
import { parseCertificate, type Certificate } from '../../pki/certificate.js'
import { EvidenceCollector } from './collector.js'
import { isPrivateKeyLabel, pemError, readPemBlocks, type PemBlock } from './pem.js'
import { readSignedDataBundle } from './pkcs7.js'
import { checkCrlShape, checkOcspResponseShape } from './shapes.js'
import { bundleSubjects } from './subjects.js'
import type { CertificateEvidence } from './types.js'

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'X.509 CERTIFICATE'])
const BUNDLE_LABELS = new Set(['PKCS7', 'CMS'])

/**
 * Reads a PEM certificate file. The subject is the first certificate in the file, or, when the
 * first certificates come from a PKCS#7/CMS block, that bundle's end-entity certificates.
 */
export function readPemCertificateFile(text: string): CertificateEvidence {
  const out = new EvidenceCollector()
  const parsed: Certificate[] = []
  let subjectIndexes: number[] | undefined
  for (const block of readPemBlocks(text)) {
    const before = out.certificates.length
    readBlock(block, out)
    const added = out.certificates.slice(before)
    const certs = added.map((der, k) => guard(block, () => parseCertificate(der), k + 1))
    parsed.push(...certs)
    if (subjectIndexes === undefined && certs.length > 0) {
      subjectIndexes = BUNDLE_LABELS.has(block.label)
        ? bundleSubjects(certs).map((i) => i + before)
        : [before]
    }
  }
  if (subjectIndexes === undefined) throw noCertificate(out)
  return {
    container: 'pem',
    certificates: out.certificates,
    crls: out.crls,
    ocspResponses: out.ocspResponses,
    subjectIndexes,
    hasPrivateKey: out.hasPrivateKey,
  }
}

function readBlock(block: PemBlock, out: EvidenceCollector): void {
  const { label, der } = block
  if (CERTIFICATE_LABELS.has(label)) {
    out.add('certificates', der)
  } else if (label === 'X509 CRL') {
    guard(block, () => checkCrlShape(der))
    out.add('crls', der)
  } else if (label === 'OCSP RESPONSE') {
    guard(block, () => checkOcspResponseShape(der))
    out.add('ocspResponses', der)
  } else if (BUNDLE_LABELS.has(label)) {
    guard(block, () => readSignedDataBundle(der, out))
  } else if (isPrivateKeyLabel(label)) {
    out.hasPrivateKey = true
  } else if (label === 'TRUSTED CERTIFICATE') {
    throw new FormatError(
      'format.unsupported',
      `PEM block ${block.index}: OpenSSL "TRUSTED CERTIFICATE" blocks carry local trust ` +
        'settings and are not read; convert with "openssl x509 -in FILE -out CERT.pem" / ' +
        `第 ${block.index} 个 PEM 块为 OpenSSL 信任证书格式，不予读取，请先转换为普通证书`,
    )
  } else {
    throw new FormatError(
      'format.unsupported',
      `PEM block ${block.index}: "${label}" is not a certificate, CRL, PKCS#7 or OCSP ` +
        `response / 第 ${block.index} 个 PEM 块 "${label}" 不是证书、CRL、PKCS#7 或 OCSP 响应`,
    )
  }
}

/** Runs `work`, turning format errors into `format.pem` naming the block. */
function guard<T>(block: PemBlock, work: () => T, item?: number): T {
  try {
    return work()
  } catch (e) {
    if (e instanceof YrdError && (e.code === 'format.unsupported' || e.code.startsWith('limit.'))) {
      throw e
    }
    const why = e instanceof Error ? e.message : String(e)
    const what = item === undefined ? block.label : `${block.label} item ${item}`
    const err = pemError(block.index, `${what} does not parse: ${why}`, `${what} 无法解析`)
    throw new FormatError(err.code, err.message, { cause: e })
  }
}

function noCertificate(out: EvidenceCollector): FormatError {
  if (out.crls.length > 0 || out.ocspResponses.length > 0) {
    return new FormatError(
      'format.unsupported',
      'the file holds only revocation data (CRL or OCSP), no certificate to verify / ' +
        '文件只含吊销信息（CRL 或 OCSP），没有可验证的证书',
    )
  }
  return new FormatError(
    'format.unsupported',
    'the PEM file holds no certificate / PEM 文件中没有证书',
  )
}
