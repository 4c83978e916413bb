/**
 * Proof of existence from a validated time-stamp (EN 319 102-1 §5.6.2): when a chain fails
 * only because a certificate expired after the time-stamp's genTime, the chain is validated
 * again at genTime; if it passes there, the time-stamp proves the signature was made while
 * every certificate was still valid.
 */
import type { Certificate } from '../pki/certificate.js'
import type { ServiceType } from '../registry/index.js'
import { registerCodes, type Finding } from '../verdict/messages.js'
import { evaluateChain, type ChainContext, type ChainEvaluation } from './chain.js'
import { PLAIN } from '../shape.js'

export const POE_CODES = {
  'poe.timestamp': {
    zh: '时间戳（{time}）证明签名早于证书“{cert}”过期（{expiry}），且证书链在该时间有效',
    en: 'The time-stamp ({time}) proves the signature predates the expiry of "{cert}" ({expiry})',
  },
  'poe.trust-service': {
    zh: '信任服务“{service}”在验证时间已非授予状态，但时间戳（{time}）证明签名时该服务处于授予状态',
    en:
      'The trust service "{service}" is no longer granted, but the time-stamp ({time}) ' +
      'proves it was granted at signing',
  },
} as const

registerCodes(POE_CODES)

/** A chain evaluation, possibly at the proven time, and the proof-of-existence finding. */
export interface PoeChainEvaluation extends ChainEvaluation {
  /** The time the chain was finally validated at. */
  readonly time: Date
  readonly poe?: Finding
}

function blocking(findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => f.status === 'failed' || f.status === 'indeterminate')
}

/** Problems a proven earlier time can cure: an expired certificate, a since-withdrawn service. */
const CURABLE: ReadonlySet<string> = new Set([
  'chain.expired',
  'certificate.trust-service-withdrawn',
])

/**
 * Evaluates the chain at `ctx.time`; when that fails only with `chain.expired` or with
 * `certificate.trust-service-withdrawn` (the service is not granted at `ctx.time`) and a
 * proven time `poeTime` earlier than `ctx.time` is known, evaluates again at `poeTime` and, if
 * that passes, returns the evaluation at `poeTime` with a passed `poe.timestamp` or
 * `poe.trust-service` finding.
 * @example
 * const r = await evaluateChainWithPoe(signer, certs, ctx, ['signature-ca'], genTime)
 */
export async function evaluateChainWithPoe(
  certificate: Certificate,
  intermediates: readonly Certificate[],
  ctx: ChainContext,
  types: readonly ServiceType[] | undefined,
  poeTime: Date | undefined,
): Promise<PoeChainEvaluation> {
  const now = await evaluateChain(certificate, intermediates, ctx, types)
  const problems = blocking(now.findings)
  const curable = problems.length > 0 && problems.every((f) => CURABLE.has(f.code))
  if (!poeTime || !curable || poeTime.getTime() >= ctx.time.getTime()) {
    return { ...PLAIN, ...now, time: ctx.time }
  }
  const then = await evaluateChain(
    certificate,
    intermediates,
    { ...PLAIN, ...ctx, time: poeTime },
    types,
  )
  if (blocking(then.findings).length > 0) return { ...PLAIN, ...now, time: ctx.time }
  if (problems.every((f) => f.code === 'certificate.trust-service-withdrawn')) {
    const poe: Finding = {
      code: 'poe.trust-service',
      status: 'passed',
      params: { service: then.service?.name ?? '?', time: poeTime.toISOString() },
    }
    return { ...PLAIN, ...then, time: poeTime, poe }
  }
  const expired = [certificate, ...then.chain].find(
    (c) => c.notAfter.getTime() < ctx.time.getTime(),
  )
  const poe: Finding = {
    code: 'poe.timestamp',
    status: 'passed',
    params: {
      time: poeTime.toISOString(),
      cert: expired?.subject.text ?? certificate.subject.text,
      expiry: (expired ?? certificate).notAfter.toISOString(),
    },
  }
  return { ...PLAIN, ...then, time: poeTime, poe }
}
