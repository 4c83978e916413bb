/**
 * Integrity and cryptographic steps of one CMS SignerInfo: the content digest against
 * messageDigest, contentType, the algorithm pair and its strength, and the signature over the
 * signed attributes exactly as encoded (or over the content when there are none).
 */
import { toHex } from '../asn1/der.js'
import { describeSignatureAlgorithm } from '../crypto/algorithm-strength.js'
import { hash, hashNameFromOid, type HashName } from '../crypto/hash.js'
import { verifySignature } from '../crypto/verify.js'
import type { AlgorithmIdentifier, Certificate } from '../pki/certificate.js'
import {
  CMS_ATTRIBUTE,
  readContentType,
  readMessageDigest,
  singleAttribute,
} from '../pki/cms/attributes.js'
import { cmsSignatureAlgorithm } from '../pki/cms/cms-algorithm.js'
import type { SignedData, SignerInfo } from '../pki/cms/signed-data.js'
import { bytesEqual } from '../pki/ocsp/cert-id.js'
import type { Finding } from '../verdict/messages.js'

/** Where the signed content comes from. */
export interface CmsContentSource {
  /** The detached content, when the caller holds it. */
  readonly content?: Uint8Array
  /** Or a digest of the detached content computed by the caller (streamed PDF ranges). */
  readonly digestOf?: (hash: HashName) => Uint8Array | Promise<Uint8Array>
}

/** What the integrity step found. */
export interface CmsIntegrity {
  readonly findings: Finding[]
  /** The algorithm handed to verifySignature, when the pair is known. */
  readonly algorithm?: AlgorithmIdentifier
  readonly digestName?: HashName
}

function algorithmName(alg: AlgorithmIdentifier, spki?: Uint8Array): string {
  const d = describeSignatureAlgorithm(alg, spki)
  return d.known ? d.name : alg.oid
}

/** Algorithm findings: unknown pair, MD5 refused, SHA-1 or short keys weak. */
export function algorithmFindings(signer: SignerInfo, cert: Certificate | undefined): CmsIntegrity {
  const digestName = hashNameFromOid(signer.digestAlgorithm.oid)
  if (digestName === 'MD5') {
    const params = { algorithm: 'MD5', reasons: 'md5' }
    const subIndication = 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
    return {
      findings: [{ code: 'cms.refused-algorithm', status: 'failed', subIndication, params }],
    }
  }
  const algorithm = cmsSignatureAlgorithm(signer.signatureAlgorithm, signer.digestAlgorithm)
  if (!algorithm || digestName === undefined) {
    const params = { digest: signer.digestAlgorithm.oid, signature: signer.signatureAlgorithm.oid }
    return {
      findings: [
        {
          code: 'cms.algorithm-unsupported',
          status: 'indeterminate',
          subIndication: 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
          params,
        },
      ],
      ...(digestName ? { digestName } : {}),
    }
  }
  const d = describeSignatureAlgorithm(algorithm, cert?.spki)
  const name = algorithmName(algorithm, cert?.spki)
  const findings: Finding[] = [
    { code: 'cms.algorithm', status: 'passed', params: { algorithm: name } },
  ]
  const reasons = new Set(d.known ? d.weakReasons : [])
  if (digestName === 'SHA-1') reasons.add('sha1')
  if (reasons.has('md5')) {
    findings.push({
      code: 'cms.refused-algorithm',
      status: 'failed',
      subIndication: 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
      params: { algorithm: name, reasons: [...reasons].join(', ') },
    })
  } else if (reasons.size > 0) {
    findings.push({
      code: 'cms.weak-algorithm',
      status: 'warning',
      params: { algorithm: name, reasons: [...reasons].join(', ') },
    })
  }
  return { findings, algorithm, digestName }
}

function contentTypeFinding(sd: SignedData, signer: SignerInfo): Finding {
  const attr = singleAttribute(signer.signedAttrs, CMS_ATTRIBUTE.contentType)
  const type = sd.eContentType
  let reason = 'absent'
  if (attr.state === 'invalid') reason = attr.reason
  if (attr.state === 'present') {
    try {
      const value = readContentType(attr.value)
      if (value === type) return { code: 'cms.content-type', status: 'passed', params: { type } }
      reason = value
    } catch {
      reason = 'malformed'
    }
  }
  return {
    code: 'cms.content-type-mismatch',
    status: 'indeterminate',
    subIndication: 'SIG_CONSTRAINTS_FAILURE',
    params: { type, reason },
  }
}

/** The content digest, or undefined when the content is not available. */
async function contentDigest(
  sd: SignedData,
  source: CmsContentSource,
  name: HashName,
): Promise<Uint8Array | undefined> {
  const content = sd.eContent ?? source.content
  if (content) return hash(name, content)
  if (source.digestOf) return await source.digestOf(name)
  return undefined
}

const CONTENT_MISSING: Finding = {
  code: 'cms.content-missing',
  status: 'indeterminate',
  subIndication: 'SIGNED_DATA_NOT_FOUND',
}

/** messageDigest and contentType findings (signed attributes present). */
export async function digestFindings(
  sd: SignedData,
  signer: SignerInfo,
  source: CmsContentSource,
  digestName: HashName | undefined,
): Promise<Finding[]> {
  const findings: Finding[] = [contentTypeFinding(sd, signer)]
  const attr = singleAttribute(signer.signedAttrs, CMS_ATTRIBUTE.messageDigest)
  let expected: Uint8Array | undefined
  let reason = attr.state === 'invalid' ? attr.reason : 'absent'
  if (attr.state === 'present') {
    try {
      expected = readMessageDigest(attr.value)
    } catch {
      reason = 'malformed'
    }
  }
  if (!expected) {
    findings.push({
      code: 'cms.message-digest-missing',
      status: 'failed',
      subIndication: 'FORMAT_FAILURE',
      params: { reason },
    })
    return findings
  }
  if (digestName === undefined) return findings
  const actual = await contentDigest(sd, source, digestName)
  if (!actual) return [...findings, CONTENT_MISSING]
  const ok = bytesEqual(actual, expected)
  findings.push({
    code: ok ? 'cms.message-digest' : 'cms.message-digest-mismatch',
    status: ok ? 'passed' : 'failed',
    params: { hash: digestName },
    ...(ok ? {} : { subIndication: 'HASH_FAILURE' as const }),
    detail: { expected: toHex(expected), actual: toHex(actual) },
  })
  return findings
}

/** A finding when attached content and caller-given content disagree. */
export function contentConsistency(sd: SignedData, source: CmsContentSource): Finding[] {
  if (!sd.eContent || !source.content || bytesEqual(sd.eContent, source.content)) return []
  return [{ code: 'cms.content-mismatch', status: 'failed', subIndication: 'HASH_FAILURE' }]
}

/**
 * Verifies the signature value: over the signed attributes as encoded, or over the content
 * itself when there are none (then the content bytes are needed, a digest is not enough).
 */
export async function signatureFindings(
  sd: SignedData,
  signer: SignerInfo,
  cert: Certificate,
  algorithm: AlgorithmIdentifier,
  source: CmsContentSource,
): Promise<Finding[]> {
  const data = signer.signedAttrsDer ?? sd.eContent ?? source.content
  if (!data) return [CONTENT_MISSING]
  const check = await verifySignature({
    algorithm,
    publicKey: cert.spki,
    data,
    signature: signer.signature,
  })
  if (check.valid) {
    return [{ code: 'cms.signature', status: 'passed', params: { algorithm: check.algorithm } }]
  }
  const unsupported = check.reason === 'unsupported-algorithm'
  return [
    {
      code: 'cms.signature-invalid',
      status: unsupported ? 'indeterminate' : 'failed',
      subIndication: unsupported ? 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE' : 'SIG_CRYPTO_FAILURE',
      params: { reason: check.reason },
      ...(check.message ? { detail: { message: check.message } } : {}),
    },
  ]
}

/** Warnings for signer and intermediate certificates signed with SHA-1 or MD5. */
export function certificateAlgorithmFindings(chain: readonly Certificate[]): Finding[] {
  const out: Finding[] = []
  for (const [i, cert] of chain.entries()) {
    if (i > 0 && i === chain.length - 1 && chain.length > 1) break // the anchor
    const d = describeSignatureAlgorithm(cert.signatureAlgorithm)
    if (!d.known || !d.weakReasons.some((r) => r === 'sha1' || r === 'md5')) continue
    out.push({
      code: 'cms.weak-certificate-algorithm',
      status: 'warning',
      params: { cert: cert.subject.text, algorithm: d.name },
    })
  }
  return out
}
