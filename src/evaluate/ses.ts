/**
 * Evaluation of GB/T 38540 / GM/T 0031 seal signatures (SES_Signature): data hash, signer
 * signature over TBS_Sign, signer entitled by the seal's certificate list, claimed and proven
 * signing time against the seal and certificate validity, signer chain to the registry's
 * signature CAs, and the embedded seal (see ses-seal.ts).
 */
import { sameBytes } from '../crypto/bytes.js'
import { hash } from '../crypto/hash.js'
import { YrdError } from '../errors.js'
import { parseSesSignature } from '../formats/ses/signature.js'
import type { SesSignature } from '../formats/ses/types.js'
import { parseCertificate, type Certificate } from '../pki/certificate.js'
import { aggregate, type Outcome } from '../verdict/aggregate.js'
import { render, type Finding, type Lang } from '../verdict/messages.js'
import type { Province, SealResult, SignatureResult } from '../verdict/types.js'
import { summarise, type ChainContext, type ChainEvaluation } from './chain.js'
import { signerInList } from './ses-cert-list.js'
import './ses-codes.js'
import { evaluateSeal, type SealEvaluation, type SealPicture } from './ses-seal.js'
import { chainWithPoe, signatureFinding } from './ses-steps.js'
import { claimedTimeFindings, provenTimeFindings } from './ses-time.js'
import { verifySesTimestamp } from './ses-timestamp.js'

export { evaluateSeal } from './ses-seal.js'
export type { SealEvaluateOptions, SealEvaluation, SealPicture } from './ses-seal.js'

/** Options of {@link evaluateSesSignature}. */
export interface SesSignatureOptions {
  /** Identifier of the signature in the verdict (e.g. the OFD Signature ID). */
  readonly id: string
  /** The protected data (for OFD: the raw Signature.xml bytes). */
  readonly protectedData?: Uint8Array
  /** Its name in messages; default the signature's propertyInfo. */
  readonly protectedName?: string
}

/** The result of {@link evaluateSesSignature}. */
export interface SesSignatureEvaluation {
  readonly signature: SignatureResult
  /** The embedded seal, or null when the signature could not be parsed. */
  readonly seal: SealResult | null
  readonly outcome: Outcome
  /** Picture bytes of the embedded seal, for rendering. */
  readonly pictures: readonly SealPicture[]
  /** The parsed structure, when it parsed. */
  readonly parsed?: SesSignature
}

const STANDARDS: Readonly<Record<number, string>> = {
  1: 'GM/T 0031-2014',
  4: 'GB/T 38540-2020',
  5: 'GB/T 38540 v5',
}

const iso = (d: Date) => d.toISOString()

function dataHashFinding(sig: SesSignature, opts: SesSignatureOptions): Finding {
  const file = opts.protectedName ?? sig.propertyInfo
  if (!opts.protectedData) {
    return {
      code: 'ses.data-hash-absent',
      status: 'indeterminate',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
      params: { file },
    }
  }
  const ok = sameBytes(hash('SM3', opts.protectedData), sig.dataHash)
  return ok
    ? { code: 'ses.data-hash', status: 'passed', params: { file } }
    : {
        code: 'ses.data-hash-mismatch',
        status: 'failed',
        subIndication: 'HASH_FAILURE',
        params: { file },
      }
}

function sealFinding(e: SealEvaluation): Finding {
  const o = e.outcome
  const status =
    o.indication === 'TOTAL_PASSED'
      ? 'passed'
      : o.indication === 'TOTAL_FAILED'
        ? 'failed'
        : 'indeterminate'
  return {
    code: 'ses.seal',
    status,
    ...(o.subIndication ? { subIndication: o.subIndication } : {}),
    params: { name: e.seal.name, esID: e.seal.esID, result: o.subIndication ?? o.indication },
  }
}

function result(
  id: string,
  checks: SignatureResult['checks'],
  outcome: Outcome,
  extra: Partial<SignatureResult> = {},
): SignatureResult {
  return {
    id,
    format: 'ses',
    status: outcome.status,
    subIndication: outcome.subIndication,
    signer: null,
    province: null,
    signingTime: null,
    timestamp: null,
    coverage: null,
    modifications: null,
    checks,
    ...extra,
  }
}

function parseFailure(id: string, e: unknown, lang: Lang): SesSignatureEvaluation {
  const reason = e instanceof Error ? e.message : String(e)
  const finding: Finding = {
    code: 'ses.parse',
    status: 'failed',
    subIndication: 'FORMAT_FAILURE',
    params: { reason },
    ...(e instanceof YrdError ? { detail: { code: e.code } } : {}),
  }
  const checks = [render(finding, lang)]
  const outcome = aggregate(checks)
  return { signature: result(id, checks, outcome), seal: null, outcome, pictures: [] }
}

/**
 * Evaluates a DER SES_Signature. A malformed input gives a rejected result with
 * FORMAT_FAILURE, never an exception.
 * @example
 * const r = await evaluateSesSignature(signedValue, ctx, 'zh', {
 *   id: 's1', protectedData: signatureXml, protectedName: '/Doc_0/Signs/Sign_0/Signature.xml',
 * })
 */
export async function evaluateSesSignature(
  der: Uint8Array,
  ctx: ChainContext,
  lang: Lang,
  opts: SesSignatureOptions,
): Promise<SesSignatureEvaluation> {
  let sig: SesSignature
  try {
    sig = parseSesSignature(der)
  } catch (e) {
    return parseFailure(opts.id, e, lang)
  }
  const findings: Finding[] = [
    {
      code: 'ses.format',
      status: 'passed',
      params: { standard: STANDARDS[sig.version] ?? String(sig.version), tbs: sig.tbsVersion },
    },
    ...sig.notes.map((n): Finding => ({
      code: n.code,
      status: 'warning',
      ...(n.params ? { params: n.params } : {}),
    })),
  ]
  for (const ext of sig.extensions) {
    if (ext.critical) {
      findings.push({
        code: 'ses.extension-critical',
        status: 'indeterminate',
        subIndication: 'SIG_CONSTRAINTS_FAILURE',
        params: { oid: ext.oid },
      })
    }
  }
  findings.push(dataHashFinding(sig, opts))
  let signer: Certificate | undefined
  try {
    signer = parseCertificate(sig.signerCertificate)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    findings.push({
      code: 'ses.signer-certificate',
      status: 'failed',
      subIndication: 'FORMAT_FAILURE',
      params: { reason },
    })
  }
  const ts = sig.timestamp ? await verifySesTimestamp(sig.timestamp, sig.signature, ctx) : undefined
  const poe = ts?.valid ? ts.genTime : undefined
  let chain: ChainEvaluation | undefined
  if (signer) {
    findings.push(
      await signatureFinding(
        'ses.signature',
        sig.signatureAlgorithm,
        signer,
        sig.signedBytes,
        sig.signature,
        sig.signatureEncoding,
      ),
    )
    const how = signerInList(sig.seal.property.certList, sig.signerCertificate)
    findings.push(
      how
        ? { code: 'ses.signer-in-seal', status: 'passed', params: { how } }
        : {
            code: 'ses.signer-not-in-seal',
            status: 'indeterminate',
            subIndication: 'SIG_CONSTRAINTS_FAILURE',
          },
    )
  }
  findings.push(...claimedTimeFindings(sig, signer))
  if (ts) findings.push(...provenTimeFindings(sig, ts, signer))
  if (signer) {
    const evaluated = await chainWithPoe(signer, ctx, ['signature-ca'], poe)
    chain = evaluated.chain
    if (evaluated.at) {
      findings.push({
        code: 'ses.chain-at-timestamp',
        status: 'passed',
        params: { time: iso(evaluated.at) },
      })
    }
    findings.push(...chain.findings)
  }
  const sealEval = await evaluateSeal(sig.seal, ctx, lang, {
    time: poe ?? ctx.time,
    ...(poe ? { poe } : {}),
  })
  findings.push(sealFinding(sealEval))

  const checks = findings.map((f) => render(f, lang))
  const outcome = aggregate(checks)
  const province: Province | null = chain?.province ?? null
  const signature = result(opts.id, checks, outcome, {
    signer: signer ? summarise(signer) : null,
    province,
    signingTime: sig.timeInfo ? iso(sig.timeInfo) : null,
    timestamp: poe ? iso(poe) : null,
    ...(chain ? { chain: chain.chain.map(summarise) } : {}),
  })
  return {
    signature,
    seal: sealEval.seal,
    outcome,
    pictures: sealEval.picture ? [sealEval.picture] : [],
    parsed: sig,
  }
}
