/**
 * Evaluation of an electronic seal (SESeal): maker signature over the bytes of its version,
 * maker chain to the registry's seal-maker services, validity window, certificate list,
 * picture, and (v5) the seal's own time-stamp.
 */
import { hash } from '../crypto/hash.js'
import { toHex } from '../asn1/der.js'
import type { SesSeal } from '../formats/ses/types.js'
import { parseCertificate, type Certificate } from '../pki/certificate.js'
import { aggregate, type Outcome } from '../verdict/aggregate.js'
import { render, type Finding, type Lang } from '../verdict/messages.js'
import type { Province, SealResult } from '../verdict/types.js'
import { summarise, type ChainContext } from './chain.js'
import { certListFindings } from './ses-cert-list.js'
import './ses-codes.js'
import { registryPictureFindings } from './seal-picture.js'
import { chainWithPoe, signatureFinding } from './ses-steps.js'
import { verifySesTimestamp } from './ses-timestamp.js'

/** The seal picture bytes, for rendering (not part of the JSON verdict). */
export interface SealPicture {
  readonly format: string
  readonly width: number
  readonly height: number
  readonly data: Uint8Array
}

/** Options of {@link evaluateSeal}. */
export interface SealEvaluateOptions {
  /** Time at which the validity window is checked; default `ctx.time`. */
  readonly time?: Date
  /** A proven time of existence (valid time-stamp) usable for expired certificates. */
  readonly poe?: Date
}

/** The result of {@link evaluateSeal}. */
export interface SealEvaluation {
  readonly seal: SealResult
  readonly outcome: Outcome
  readonly findings: readonly Finding[]
  readonly picture: SealPicture | null
  /** The parsed maker certificate, when it parsed. */
  readonly maker: Certificate | undefined
}

const STANDARDS: Readonly<Record<number, string>> = {
  1: 'GM/T 0031-2014',
  4: 'GB/T 38540-2020',
  5: 'GB/T 38540 v5',
}

function pictureFindings(seal: SesSeal): Finding[] {
  const p = seal.picture
  const findings: Finding[] = []
  const format = p.sniffedFormat ?? p.declaredFormat ?? p.declaredType
  if (!p.sniffedFormat) {
    findings.push({
      code: 'seal.picture-format-unknown',
      status: 'warning',
      params: { declared: p.declaredType },
    })
  } else if (p.sniffedFormat !== p.declaredFormat) {
    findings.push({
      code: 'seal.picture-format-mismatch',
      status: 'warning',
      params: { declared: p.declaredType, actual: p.sniffedFormat },
    })
  }
  if (p.width === 0 || p.height === 0 || p.width > 1000 || p.height > 1000) {
    findings.push({
      code: 'seal.picture-size',
      status: 'warning',
      params: { width: p.width, height: p.height },
    })
  }
  findings.push({
    code: 'seal.picture',
    status: 'passed',
    params: { format, width: p.width, height: p.height },
  })
  return findings
}

function windowFinding(seal: SesSeal, time: Date): Finding {
  const { validStart, validEnd } = seal.property
  const params = {
    time: time.toISOString(),
    from: validStart.toISOString(),
    to: validEnd.toISOString(),
  }
  const t = time.getTime()
  if (t >= validStart.getTime() && t <= validEnd.getTime()) {
    return { code: 'seal.validity', status: 'passed', params }
  }
  return {
    code: 'seal.validity-outside',
    status: 'indeterminate',
    subIndication: t > validEnd.getTime() ? 'OUT_OF_BOUNDS_NO_POE' : 'SIG_CONSTRAINTS_FAILURE',
    params,
  }
}

async function makerFindings(
  seal: SesSeal,
  ctx: ChainContext,
  poe: Date | undefined,
): Promise<{ findings: Finding[]; maker: Certificate | undefined; province: Province | null }> {
  let maker: Certificate
  try {
    maker = parseCertificate(seal.makerCertificate)
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    return {
      findings: [
        {
          code: 'seal.maker-certificate',
          status: 'failed',
          subIndication: 'FORMAT_FAILURE',
          params: { reason },
        },
      ],
      maker: undefined,
      province: null,
    }
  }
  const findings: Finding[] = [
    await signatureFinding(
      'seal.maker-signature',
      seal.signatureAlgorithm,
      maker,
      seal.signedBytes,
      seal.signature,
      seal.signatureEncoding,
    ),
  ]
  const { chain, at } = await chainWithPoe(maker, ctx, ['seal-maker'], poe)
  if (at) {
    findings.push({
      code: 'ses.chain-at-timestamp',
      status: 'passed',
      params: { time: at.toISOString() },
    })
  }
  findings.push(...chain.findings)
  return { findings, maker, province: chain.province }
}

/**
 * Evaluates a parsed seal: maker signature, maker chain (seal-maker services), validity
 * window, certificate list, picture (and its registered digest, where the registry lists one)
 * and v5 time-stamp.
 * @example
 * const { seal, outcome } = await evaluateSeal(parseSeal(esl), ctx, 'en')
 */
export async function evaluateSeal(
  seal: SesSeal,
  ctx: ChainContext,
  lang: Lang,
  opts: SealEvaluateOptions = {},
): Promise<SealEvaluation> {
  const findings: Finding[] = [
    {
      code: 'seal.format',
      status: 'passed',
      params: {
        standard: STANDARDS[seal.version] ?? String(seal.version),
        version: seal.header.version,
        vid: seal.header.vid,
      },
    },
    ...seal.notes.map((n): Finding => ({
      code: n.code,
      status: 'warning',
      ...(n.params ? { params: n.params } : {}),
    })),
  ]
  for (const ext of seal.extensions) {
    if (ext.critical) {
      findings.push({
        code: 'seal.extension-critical',
        status: 'indeterminate',
        subIndication: 'SIG_CONSTRAINTS_FAILURE',
        params: { oid: ext.oid },
      })
    }
  }
  let poe = opts.poe
  if (seal.timestamp) {
    const ts = await verifySesTimestamp(seal.timestamp, seal.signature, ctx)
    if (ts.valid) {
      findings.push({
        code: 'seal.timestamp',
        status: 'passed',
        params: { time: ts.genTime.toISOString() },
      })
      if (!poe || ts.genTime < poe) poe = ts.genTime
    } else {
      findings.push({
        code: 'seal.timestamp-invalid',
        status: 'warning',
        params: { reason: ts.reason },
      })
    }
  }
  const maker = await makerFindings(seal, ctx, poe)
  findings.push(...maker.findings)
  findings.push(windowFinding(seal, opts.time ?? ctx.time))
  findings.push(...certListFindings(seal.property.certList))
  findings.push(...pictureFindings(seal))
  findings.push(...registryPictureFindings(seal.esID, seal.picture.data, ctx.registry))

  const checks = findings.map((f) => render(f, lang))
  const outcome = aggregate(checks)
  const p = seal.picture
  const format = p.sniffedFormat ?? p.declaredFormat ?? p.declaredType.toLowerCase()
  const result: SealResult = {
    esID: seal.esID,
    name: seal.property.name,
    type: seal.property.type,
    validFrom: seal.property.validStart.toISOString(),
    validTo: seal.property.validEnd.toISOString(),
    maker: maker.maker ? summarise(maker.maker) : null,
    province: maker.province,
    picture: { format, width: p.width, height: p.height, sha256: toHex(hash('SHA-256', p.data)) },
    status: outcome.status,
    checks,
  }
  return {
    seal: result,
    outcome,
    findings,
    picture: { format, width: p.width, height: p.height, data: p.data },
    maker: maker.maker,
  }
}
