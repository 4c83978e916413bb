/**
 * RFC 3161 time-stamp verification: CMS signature over the signed attributes as encoded,
 * contentType and messageDigest, ESS signing-certificate match, the TSA certificate profile,
 * the message imprint against the caller's data or digest, and (through a caller-supplied
 * path validator) the TSA certificate chain.
 */
import { isUniversal, readOid, TAG, toHex } from '../../asn1/der.js'
import { hash, hashNameFromOid } from '../../crypto/hash.js'
import { verifySignature } from '../../crypto/verify.js'
import type { Certificate } from '../certificate.js'
import type { GeneralName } from '../general-name.js'
import { bytesEqual } from '../ocsp/cert-id.js'
import { timestampCheck, type TimestampCheck } from './codes.js'
import { cmsSignatureAlgorithm } from '../cms/cms-algorithm.js'
import {
  essCertIdMatches,
  parseEssCertId,
  SIGNING_CERTIFICATE_OID,
  SIGNING_CERTIFICATE_V2_OID,
} from '../cms/ess.js'
import type { CmsAttribute } from '../cms/signed-data.js'
import { sidMatches } from '../cms/signer-id.js'
import { parseTimestampToken, type TimestampToken } from './token.js'
import { TST_INFO_OID, type Accuracy } from './tst-info.js'
import { parseCertificates, tsaProfileChecks } from './tsa-certificate.js'

const CONTENT_TYPE_OID = '1.2.840.113549.1.9.3'
const MESSAGE_DIGEST_OID = '1.2.840.113549.1.9.4'

/** What a chain validator says about the TSA certificate (structural, e.g. a PathResult). */
export interface TsaChainResult {
  readonly valid: boolean
  readonly reason?: string
  readonly subIndication?: string
  readonly message?: string
}

/** Options of {@link verifyTimestamp}. */
export interface TimestampVerifyOptions {
  /** The time-stamped data; its digest is compared with the message imprint. */
  readonly data?: Uint8Array
  /** Or the digest of the data, computed with the imprint's hash algorithm. */
  readonly digest?: Uint8Array
  /** The nonce sent in the request, as lower-case hex; checked when given. */
  readonly nonce?: string
  /** More certificates (DER) to look for the TSA certificate and its issuers in. */
  readonly certificates?: readonly Uint8Array[]
  /**
   * Validates the TSA certificate's chain at genTime (for example
   * `validateCertificatePath` restricted to timestamp-authority services). Without it the
   * chain is not checked and the token is never `valid`.
   */
  readonly validateChain?: (
    tsaCertificate: Certificate,
    intermediates: readonly Certificate[],
    time: Date,
  ) => Promise<TsaChainResult>
}

/** The outcome of time-stamp verification. */
export interface TimestampVerification {
  /** Every check passed, including the chain. */
  readonly valid: boolean
  /** Every check except the chain passed (the token is genuine and fits the data). */
  readonly intact: boolean
  readonly genTime: Date
  readonly policy: string
  /** serialNumber, lower-case hex. */
  readonly serial: string
  readonly accuracy?: Accuracy
  readonly ordering: boolean
  readonly nonce?: string
  readonly tsaName?: GeneralName
  /** Imprint hash algorithm OID and the imprint itself. */
  readonly hashAlgorithm: string
  readonly imprint: Uint8Array
  /** True/false when data or digest was given, undefined otherwise. */
  readonly imprintMatches?: boolean
  readonly signatureValid: boolean
  readonly tsaCertificate?: Certificate
  /** Every certificate found in the token (and options). */
  readonly certificates: readonly Certificate[]
  readonly chain?: TsaChainResult
  readonly checks: readonly TimestampCheck[]
  readonly token: TimestampToken
}

function attribute(attrs: readonly CmsAttribute[], oid: string): CmsAttribute | undefined {
  const found = attrs.filter((a) => a.oid === oid)
  return found.length === 1 && found[0]!.values.length === 1 ? found[0] : undefined
}

function imprintCheck(token: TimestampToken, options: TimestampVerifyOptions): TimestampCheck {
  const { hashAlgorithm, hashedMessage } = token.tstInfo
  if (!options.data && !options.digest) return timestampCheck('timestamp.imprint', 'skipped')
  const name = hashNameFromOid(hashAlgorithm.oid)
  if (name === undefined || name === 'MD5') {
    return timestampCheck('timestamp.imprint', 'failed', `hash ${hashAlgorithm.oid}`)
  }
  const digest = options.digest ?? hash(name, options.data!)
  return timestampCheck(
    'timestamp.imprint',
    bytesEqual(digest, hashedMessage) ? 'passed' : 'failed',
  )
}

function digestChecks(token: TimestampToken): TimestampCheck[] {
  const signer = token.signer
  const ct = attribute(signer.signedAttrs, CONTENT_TYPE_OID)
  let ctOk = false
  if (ct) {
    try {
      ctOk = readOid(ct.values[0], 'contentType') === TST_INFO_OID
    } catch {
      ctOk = false
    }
  }
  const md = attribute(signer.signedAttrs, MESSAGE_DIGEST_OID)
  const name = hashNameFromOid(signer.digestAlgorithm.oid)
  const mdValue =
    md && isUniversal(md.values[0]!, TAG.OCTET_STRING) ? md.values[0]!.value : undefined
  const mdOk =
    mdValue !== undefined && name !== undefined && name !== 'MD5'
      ? bytesEqual(hash(name, token.tstInfoDer), mdValue)
      : false
  return [
    timestampCheck('timestamp.content-type', ctOk ? 'passed' : 'failed'),
    timestampCheck('timestamp.message-digest', mdOk ? 'passed' : 'failed'),
  ]
}

function essCheck(token: TimestampToken, cert: Certificate | undefined): TimestampCheck {
  const attrs = token.signer.signedAttrs
  const v2 = attribute(attrs, SIGNING_CERTIFICATE_V2_OID)
  const v1 = attribute(attrs, SIGNING_CERTIFICATE_OID)
  const attr = v2 ?? v1
  if (!attr) return timestampCheck('timestamp.signing-certificate', 'failed', 'absent')
  if (!cert) return timestampCheck('timestamp.signing-certificate', 'failed', 'no certificate')
  try {
    const id = parseEssCertId(attr.values[0]!, attr === v2)
    const ok = essCertIdMatches(id, cert)
    return timestampCheck('timestamp.signing-certificate', ok ? 'passed' : 'failed')
  } catch {
    return timestampCheck('timestamp.signing-certificate', 'failed', 'malformed')
  }
}

async function signatureCheck(token: TimestampToken, cert: Certificate): Promise<boolean> {
  const signer = token.signer
  if (!signer.signedAttrsDer) return false
  const algorithm = cmsSignatureAlgorithm(signer.signatureAlgorithm, signer.digestAlgorithm)
  if (!algorithm) return false
  const check = await verifySignature({
    algorithm,
    publicKey: cert.spki,
    data: signer.signedAttrsDer,
    signature: signer.signature,
  })
  return check.valid
}

/**
 * Verifies an RFC 3161 TimeStampToken or TimeStampResp (DER). Throws FormatError or LimitError
 * only when the input cannot be parsed; every verification problem is a failed check.
 * @example
 * const r = await verifyTimestamp(tokenDer, { data: signatureValue, validateChain })
 * const provenTime = r.valid ? r.genTime : undefined
 */
export async function verifyTimestamp(
  input: Uint8Array | TimestampToken,
  options: TimestampVerifyOptions = {},
): Promise<TimestampVerification> {
  const token = input instanceof Uint8Array ? parseTimestampToken(input) : input
  const info = token.tstInfo
  const certificates = parseCertificates([
    ...token.signedData.certificates,
    ...(options.certificates ?? []),
  ])
  const tsa = certificates.find((c) => sidMatches(token.signer.sid, c))
  const checks: TimestampCheck[] = [imprintCheck(token, options), ...digestChecks(token)]
  let signatureValid = false
  if (tsa) {
    signatureValid = await signatureCheck(token, tsa)
    checks.push(timestampCheck('timestamp.tsa-certificate', 'passed'))
    checks.push(timestampCheck('timestamp.signature', signatureValid ? 'passed' : 'failed'))
    checks.push(...tsaProfileChecks(tsa, info.genTime))
  } else {
    checks.push(timestampCheck('timestamp.tsa-certificate', 'failed', 'not found'))
    checks.push(timestampCheck('timestamp.signature', 'indeterminate', 'no certificate'))
  }
  checks.push(essCheck(token, tsa))
  const critical = info.criticalExtensions
  checks.push(
    timestampCheck(
      'timestamp.critical-extension',
      critical.length ? 'failed' : 'passed',
      critical[0],
    ),
  )
  if (options.nonce !== undefined) {
    const ok = info.nonce !== undefined && info.nonce === options.nonce.toLowerCase()
    checks.push(timestampCheck('timestamp.nonce', ok ? 'passed' : 'failed'))
  }
  const intact = checks.every((c) => c.status === 'passed' || c.status === 'skipped')
  let chain: TsaChainResult | undefined
  if (!tsa) {
    checks.push(timestampCheck('timestamp.chain', 'skipped', 'no certificate'))
  } else if (!options.validateChain) {
    checks.push(timestampCheck('timestamp.chain', 'indeterminate', 'no path validator given'))
  } else {
    const others = certificates.filter((c) => c !== tsa)
    try {
      chain = await options.validateChain(tsa, others, info.genTime)
    } catch (e) {
      chain = { valid: false, reason: 'chain.error', message: e instanceof Error ? e.message : '' }
    }
    const detail = chain.valid ? undefined : (chain.reason ?? chain.subIndication)
    checks.push(timestampCheck('timestamp.chain', chain.valid ? 'passed' : 'failed', detail))
  }
  const valid = intact && chain?.valid === true
  return {
    valid,
    intact,
    genTime: info.genTime,
    policy: info.policy,
    serial: info.serial,
    ordering: info.ordering,
    hashAlgorithm: info.hashAlgorithm.oid,
    imprint: info.hashedMessage,
    signatureValid,
    certificates,
    checks,
    token,
    ...(info.accuracy ? { accuracy: info.accuracy } : {}),
    ...(info.nonce !== undefined ? { nonce: info.nonce } : {}),
    ...(info.tsa ? { tsaName: info.tsa } : {}),
    ...(checks[0]!.status !== 'skipped' ? { imprintMatches: checks[0]!.status === 'passed' } : {}),
    ...(tsa ? { tsaCertificate: tsa } : {}),
    ...(chain ? { chain } : {}),
  }
}

/** Lower-case hex of a nonce given as bytes, for {@link TimestampVerifyOptions.nonce}. */
export function nonceHex(nonce: Uint8Array): string {
  let i = 0
  while (i < nonce.length - 1 && nonce[i] === 0) i++
  return toHex(nonce.subarray(i))
}
