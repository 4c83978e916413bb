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

export const POE_CODES = {
  'poe.timestamp': {
    zh: '时间戳（{time}）证明签名早于证书“{cert}”过期（{expiry}），且证书链在该时间有效',
    en: 'The time-stamp ({time}) proves the signature predates the expiry of "{cert}" ({expiry})',
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

/**
 * Evaluates the chain at `ctx.time`; when that fails only with `chain.expired` and a proven
 * time `poeTime` earlier than `ctx.time` is known, evaluates again at `poeTime` and, if that
 * passes, returns the evaluation at `poeTime` with a passed `poe.timestamp` finding.
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
  const onlyExpired = problems.length > 0 && problems.every((f) => f.code === 'chain.expired')
  if (!poeTime || !onlyExpired || poeTime.getTime() >= ctx.time.getTime()) {
    return { ...now, time: ctx.time }
  }
  const then = await evaluateChain(certificate, intermediates, { ...ctx, time: poeTime }, types)
  if (blocking(then.findings).length > 0) return { ...now, time: ctx.time }
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
  return { ...then, time: poeTime, poe }
}
