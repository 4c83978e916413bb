/**
 * Evaluation of one CMS SignerInfo (PKCS#7 or GB/T 35275 SignedData), shared by PDF, OFD and
 * standalone `.p7s`/`.p7m` files: integrity → crypto → signing certificate → time-stamp →
 * chain (with the embedded revocation data) → proof of existence, folded into one
 * SignatureResult by the ETSI precedence rules.
 *
 * One call verifies one SignerInfo (`signerIndex`, default 0). A SignedData with several
 * signers gets a warning on each result; callers that want every signer call once per index
 * (see `countCmsSigners`).
 */
import { YrdError } from '../errors.js'
import type { Certificate } from '../pki/certificate.js'
import { parseSignedData, type SignedData } from '../pki/cms/signed-data.js'
import { findSignerCertificates } from '../pki/cms/signer-id.js'
import { parseCertificates } from '../pki/timestamp/tsa-certificate.js'
import type { ServiceType } from '../registry/index.js'
import { aggregate, type Outcome } from '../verdict/aggregate.js'
import { render, type Finding, type Lang } from '../verdict/messages.js'
import type { SignatureResult } from '../verdict/types.js'
import { archivedRevocation, essFindings, signingTimeFinding } from './cms-attributes.js'
import './cms-codes.js'
import {
  algorithmFindings,
  certificateAlgorithmFindings,
  contentConsistency,
  digestFindings,
  signatureFindings,
  type CmsContentSource,
} from './cms-integrity.js'
import { evaluateSignatureTimestamps } from './cms-timestamp.js'
import { summarise, type ChainContext } from './chain.js'
import { evaluateChainWithPoe } from './poe.js'
import { PLAIN } from '../shape.js'
import { isoTime } from '../verdict/iso-time.js'

/** Service types a CMS signer may chain to by default. */
export const DEFAULT_CMS_SERVICE_TYPES: readonly ServiceType[] = [
  'signature-ca',
  'licence-issuer',
  'seal-maker',
]

/** Options of {@link evaluateCmsSignature}. */
export interface CmsEvaluationOptions extends CmsContentSource {
  /** Identifier of the signature in the verdict. */
  readonly id: string
  /** Registry service types the signer's chain may end at. */
  readonly serviceTypes?: readonly ServiceType[]
  /** Which SignerInfo to verify (default 0). */
  readonly signerIndex?: number
  /** The SignedData of `der`, when the caller has parsed it already (with zero padding allowed). */
  readonly parsed?: SignedData
}

/** The evaluation of one CMS signature. */
export interface CmsEvaluation {
  readonly signature: SignatureResult
  readonly outcome: Outcome
  /** The signing certificate, when the SignerInfo's identifier found it. */
  readonly signer?: Certificate
  /** The SignerInfo signature value (what a signature time-stamp covers); empty if unparsed. */
  readonly signatureValue: Uint8Array
  /** The parsed SignedData, when it parsed. */
  readonly signedData?: SignedData
  /** The proven time (earliest valid signature time-stamp), if any. */
  readonly timestamp?: Date
}

/** Number of SignerInfos in a CMS message; throws FormatError when it does not parse. */
export function countCmsSigners(der: Uint8Array): number {
  return parseSignedData(der, { allowZeroPadding: true }).signers.length
}

function result(
  opts: CmsEvaluationOptions,
  findings: readonly Finding[],
  lang: Lang,
  extra: Partial<SignatureResult> = {},
): { signature: SignatureResult; outcome: Outcome } {
  const checks = findings.map((f) => render(f, lang))
  const outcome = aggregate(checks)
  const signature: SignatureResult = {
    id: opts.id,
    format: 'cms',
    status: outcome.status,
    subIndication: outcome.subIndication,
    signer: null,
    province: null,
    signingTime: null,
    timestamp: null,
    coverage: null,
    modifications: null,
    ...extra,
    checks,
  }
  return { signature, outcome }
}

function formatFailure(e: unknown): Finding {
  const reason = e instanceof Error ? e.message : String(e)
  return {
    code: 'cms.format',
    status: 'failed',
    subIndication: 'FORMAT_FAILURE',
    params: { reason },
    ...(e instanceof YrdError ? { detail: { code: e.code } } : {}),
  }
}

function signerCertificate(
  sd: SignedData,
  index: number,
  certs: readonly Certificate[],
): { cert?: Certificate; finding: Finding } {
  const matches = findSignerCertificates(sd.signers[index]!.sid, certs)
  const distinct = new Set(matches.map((c) => c.sha256))
  const cert = matches[0]
  if (!cert || distinct.size !== 1) {
    return {
      finding: {
        code: 'cms.signing-certificate-missing',
        status: 'indeterminate',
        subIndication: 'NO_SIGNING_CERTIFICATE_FOUND',
        ...(distinct.size > 1 ? { detail: { ambiguous: [...distinct] } } : {}),
      },
    }
  }
  const finding: Finding = {
    code: 'cms.signing-certificate',
    status: 'passed',
    params: { subject: cert.subject.text },
  }
  return { cert, finding }
}

/**
 * Verifies one SignerInfo of a CMS SignedData (DER or BER; zero padding after it, as in PDF
 * `/Contents`, is ignored) against the content given in `opts` (or the encapsulated content),
 * and validates the signer's chain. Never throws for bad input: a malformed message is a
 * `rejected` result with FORMAT_FAILURE.
 * @example
 * const r = await evaluateCmsSignature(contents, ctx, 'en', { id: 'Sig1', digestOf })
 * r.signature.status // 'recognized' | 'rejected' | 'indeterminate'
 */
export async function evaluateCmsSignature(
  der: Uint8Array,
  ctx: ChainContext,
  lang: Lang,
  opts: CmsEvaluationOptions,
): Promise<CmsEvaluation> {
  let sd: SignedData
  try {
    sd = opts.parsed ?? parseSignedData(der, { allowZeroPadding: true })
  } catch (e) {
    return {
      ...PLAIN,
      ...result(opts, [formatFailure(e)], lang),
      signatureValue: new Uint8Array(0),
    }
  }
  const index = opts.signerIndex ?? 0
  const signer = sd.signers[index]
  if (!signer) {
    const none: Finding = {
      code: 'cms.no-signer',
      status: 'failed',
      subIndication: 'FORMAT_FAILURE',
    }
    return {
      ...PLAIN,
      ...result(opts, [none], lang),
      signatureValue: new Uint8Array(0),
      signedData: sd,
    }
  }
  const findings: Finding[] = []
  if (sd.signers.length > 1) {
    const params = { count: sd.signers.length, index: index + 1 }
    findings.push({ code: 'cms.several-signers', status: 'warning', params })
  }
  const certs = parseCertificates(sd.certificates)
  const found = signerCertificate(sd, index, certs)
  const cert = found.cert
  findings.push(found.finding)
  const alg = algorithmFindings(signer, cert)
  findings.push(...alg.findings, ...contentConsistency(sd, opts))
  if (signer.signedAttrsDer) {
    findings.push(...(await digestFindings(sd, signer, opts, alg.digestName)))
  }
  if (cert && alg.algorithm) {
    findings.push(...(await signatureFindings(sd, signer, cert, alg.algorithm, opts)))
  }
  if (cert) findings.push(...essFindings(signer, cert))
  const claimed = signingTimeFinding(signer)
  findings.push(...claimed.findings)
  const archived = archivedRevocation(signer)
  findings.push(...archived.findings)
  const crls = [...sd.crls, ...archived.data.crls]
  const ocspResponses = [...sd.ocspResponses, ...archived.data.ocspResponses]
  if (crls.length + ocspResponses.length > 0) {
    const params = { crls: crls.length, ocsp: ocspResponses.length }
    findings.push({ code: 'cms.embedded-revocation', status: 'passed', params })
  }
  const ts = await evaluateSignatureTimestamps(signer, ctx, { crls, ocspResponses })
  findings.push(...ts.findings)
  const base = {
    signingTime: claimed.time ? isoTime(claimed.time) : null,
    timestamp: ts.genTime ? isoTime(ts.genTime) : null,
  }
  const common = {
    signatureValue: signer.signature,
    signedData: sd,
    ...(ts.genTime ? { timestamp: ts.genTime } : {}),
  }
  if (!cert) return { ...PLAIN, ...result(opts, findings, lang, base), ...common }
  const chainCtx: ChainContext = {
    ...PLAIN,
    ...ctx,
    crls: [...ctx.crls, ...crls],
    ocspResponses: [...ctx.ocspResponses, ...ocspResponses],
  }
  const others = certs.filter((c) => c.sha256 !== cert.sha256)
  const types = opts.serviceTypes ?? DEFAULT_CMS_SERVICE_TYPES
  const chain = await evaluateChainWithPoe(cert, others, chainCtx, types, ts.genTime)
  findings.push(...chain.findings, ...(chain.poe ? [chain.poe] : []))
  findings.push(...certificateAlgorithmFindings(chain.chain.length ? chain.chain : [cert]))
  const extra = {
    ...PLAIN,
    ...base,
    signer: summarise(cert),
    province: chain.province,
    chain: chain.chain.map(summarise),
  }
  return { ...PLAIN, ...result(opts, findings, lang, extra), ...common, signer: cert }
}
