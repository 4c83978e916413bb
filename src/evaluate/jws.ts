/**
 * Evaluation of a signed JSON licence (JWS): header rules (alg, crit), the payload, the
 * signature with the `x5c` signer key, the signature time-stamps and the signer's chain to
 * the registry's licence-issuer services.
 */
import { hash } from '../crypto/hash.js'
import { toHex } from '../crypto/bytes.js'
import { YrdError } from '../errors.js'
import { licenceJsonPairs } from '../formats/licence/licence-json.js'
import type { JwsEvidence } from '../formats/licence/jws.js'
import { parseCertificate, type Certificate } from '../pki/certificate.js'
import { aggregate, type Outcome } from '../verdict/aggregate.js'
import { render, type Finding, type Lang } from '../verdict/messages.js'
import type { SignatureResult } from '../verdict/types.js'
import { summarise, type ChainContext } from './chain.js'
import './jws-codes.js'
import { JWS_ALGORITHMS, UNDERSTOOD_CRIT, verifyJwsSignature } from './jws-verify.js'
import { evaluateChainWithPoe } from './poe.js'
import { verifySesTimestamp } from './ses-timestamp.js'

/** What evaluating a JWS produced. */
export interface JwsEvaluation {
  readonly signature: SignatureResult
  readonly outcome: Outcome
  /** The licence key/value pairs of the payload, or null when there is no usable payload. */
  readonly pairs: { name: string; value: string }[] | null
  /** Document-level findings (payload problems). */
  readonly findings: Finding[]
}

const REGISTERED = new Set(['alg', 'jku', 'jwk', 'kid', 'x5u', 'x5c', 'x5t', 'x5t#S256', 'typ'])

function headerFindings(jws: JwsEvidence): Finding[] {
  const out: Finding[] = []
  if (!JWS_ALGORITHMS.has(jws.alg)) {
    out.push({
      code: 'jws.alg-unsupported',
      status: 'failed',
      subIndication: 'FORMAT_FAILURE',
      params: { alg: jws.alg },
    })
  }
  const bad = jws.crit.filter(
    (c) => !UNDERSTOOD_CRIT.has(c) || REGISTERED.has(c) || !(c in jws.protectedHeader),
  )
  if (bad.length > 0) {
    out.push({
      code: 'jws.crit-unsupported',
      status: 'failed',
      subIndication: 'FORMAT_FAILURE',
      params: { names: bad.join(', ') },
    })
  }
  return out
}

async function timestampFindings(
  jws: JwsEvidence,
  ctx: ChainContext,
): Promise<{ findings: Finding[]; poe?: Date }> {
  const findings: Finding[] = []
  let poe: Date | undefined
  for (const token of jws.timestamps) {
    const r = await verifySesTimestamp(token, jws.signature, ctx)
    if (r.valid) {
      findings.push({
        code: 'jws.timestamp',
        status: 'passed',
        params: { time: r.genTime.toISOString() },
      })
      if (!poe || r.genTime < poe) poe = r.genTime
    } else {
      findings.push({
        code: 'jws.timestamp-invalid',
        status: 'warning',
        params: { reason: r.reason },
      })
    }
  }
  return poe ? { findings, poe } : { findings }
}

function payloadPairs(payload: Uint8Array | null): {
  pairs: { name: string; value: string }[] | null
  findings: Finding[]
} {
  if (!payload) return { pairs: null, findings: [] }
  try {
    return { pairs: licenceJsonPairs(payload), findings: [] }
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e)
    const finding: Finding = {
      code: 'jws.payload-not-licence',
      status: 'failed',
      subIndication: 'FORMAT_FAILURE',
      params: { reason },
      ...(e instanceof YrdError ? { detail: { code: e.code } } : {}),
    }
    return { pairs: null, findings: [finding] }
  }
}

/**
 * Evaluates a parsed JWS licence. Never throws for bad content: every problem is a finding.
 * @example
 * const r = await evaluateJws(readJws(bytes), ctx, 'zh')
 */
export async function evaluateJws(
  jws: JwsEvidence,
  ctx: ChainContext,
  lang: Lang,
  id = 'jws-1',
): Promise<JwsEvaluation> {
  const findings: Finding[] = [
    {
      code: 'jws.format',
      status: 'passed',
      params: {
        serialization: jws.serialization,
        alg: jws.alg,
        detached: jws.detached ? (lang === 'zh' ? '，分离式载荷' : ', detached payload') : '',
      },
    },
    ...headerFindings(jws),
  ]
  const certs: Certificate[] = jws.certificates.map(parseCertificate)
  const signer = certs[0]
  let chain: readonly Certificate[] = []
  let province: SignatureResult['province'] = null
  let poe: Date | undefined
  if (!jws.payload) {
    findings.push({
      code: 'jws.payload-missing',
      status: 'indeterminate',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
    })
  }
  if (!signer) {
    findings.push({
      code: 'jws.no-certificate',
      status: 'indeterminate',
      subIndication: 'NO_SIGNING_CERTIFICATE_FOUND',
    })
  } else {
    if (jws.thumbprint && toHex(jws.thumbprint) !== toHex(hash('SHA-256', signer.der))) {
      findings.push({
        code: 'jws.thumbprint-mismatch',
        status: 'indeterminate',
        subIndication: 'NO_SIGNING_CERTIFICATE_FOUND',
      })
    }
    if (jws.payload && JWS_ALGORITHMS.has(jws.alg)) {
      const r = await verifyJwsSignature(jws, jws.payload, signer)
      findings.push(
        r.valid
          ? {
              code: 'jws.signature',
              status: 'passed',
              params: { alg: jws.alg, signer: signer.subject.text },
            }
          : {
              code: 'jws.signature-invalid',
              status: 'failed',
              subIndication: 'SIG_CRYPTO_FAILURE',
              params: { alg: jws.alg, reason: r.reason },
            },
      )
    }
    const ts = await timestampFindings(jws, ctx)
    findings.push(...ts.findings)
    poe = ts.poe
    const r = await evaluateChainWithPoe(signer, certs.slice(1), ctx, ['licence-issuer'], poe)
    findings.push(...r.findings, ...(r.poe ? [r.poe] : []))
    chain = r.chain
    province = r.province
  }
  const checks = findings.map((f) => render(f, lang))
  const outcome = aggregate(checks)
  const signature: SignatureResult = {
    id,
    format: 'jws',
    status: outcome.status,
    subIndication: outcome.subIndication,
    signer: signer ? summarise(signer) : null,
    province,
    signingTime: jws.claimedTime,
    timestamp: poe ? poe.toISOString() : null,
    coverage: null,
    modifications: null,
    chain: chain.map(summarise),
    checks,
  }
  const payload = payloadPairs(jws.payload)
  return { signature, outcome, pairs: payload.pairs, findings: payload.findings }
}
