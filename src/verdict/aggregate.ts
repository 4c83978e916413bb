/**
 * ETSI precedence rules that turn checks into a status, an indication and one headline
 * sub-indication (validation-model.md §3): a proven failure beats an unknown, and an unknown
 * beats a pass. Recognition rules (`policy.*` checks) refuse without changing the indication.
 */
import type { Check, Indication, Status, SubIndication } from './types.js'

/** Sub-indications that prove the input bad (TOTAL_FAILED); every other one is INDETERMINATE. */
const FAILED_CLASS: ReadonlySet<SubIndication> = new Set<SubIndication>([
  'FORMAT_FAILURE',
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
])

/** Headline order: the first one present in a set of findings is reported. */
const PRECEDENCE: readonly SubIndication[] = [
  'FORMAT_FAILURE',
  'HASH_FAILURE',
  'SIG_CRYPTO_FAILURE',
  'REVOKED',
  'EXPIRED',
  'NOT_YET_VALID',
  'SIGNED_DATA_NOT_FOUND',
  'NO_SIGNING_CERTIFICATE_FOUND',
  'SIG_CONSTRAINTS_FAILURE',
  'REVOKED_NO_POE',
  'REVOKED_CA_NO_POE',
  'CERTIFICATE_CHAIN_GENERAL_FAILURE',
  'CHAIN_CONSTRAINTS_FAILURE',
  'NO_CERTIFICATE_CHAIN_FOUND',
  'NO_CERTIFICATE_CHAIN_FOUND_NO_POE',
  'OUT_OF_BOUNDS_NO_POE',
  'OUT_OF_BOUNDS_NOT_REVOKED',
  'REVOCATION_OUT_OF_BOUNDS_NO_POE',
  'CRYPTO_CONSTRAINTS_FAILURE',
  'CRYPTO_CONSTRAINTS_FAILURE_NO_POE',
  'TIMESTAMP_ORDER_FAILURE',
  'POLICY_PROCESSING_ERROR',
  'SIGNATURE_POLICY_NOT_AVAILABLE',
  'NO_POE',
  'TRY_LATER',
]

/** True for sub-indications that mean TOTAL_FAILED. */
export function isFailedClass(s: SubIndication): boolean {
  return FAILED_CLASS.has(s)
}

/** The outcome of a set of checks, and of any nested results folded into it. */
export interface Outcome {
  readonly status: Status
  readonly indication: Indication
  readonly subIndication: SubIndication | null
}

export const PASSED: Outcome = {
  status: 'recognized',
  indication: 'TOTAL_PASSED',
  subIndication: null,
}

function pick(subs: readonly SubIndication[]): SubIndication | null {
  for (const s of PRECEDENCE) if (subs.includes(s)) return s
  return subs[0] ?? null
}

/**
 * Folds checks and the outcomes of parts (signatures, seals, certificates) into one outcome.
 * A check that failed or stayed indeterminate without a sub-indication and outside `policy.*`
 * still lowers the result to INDETERMINATE: nothing unexplained may pass.
 */
export function aggregate(checks: readonly Check[], parts: readonly Outcome[] = []): Outcome {
  const failedSubs: SubIndication[] = []
  const indeterminateSubs: SubIndication[] = []
  let indeterminate = false
  let refused = false
  for (const c of checks) {
    if (c.status !== 'failed' && c.status !== 'indeterminate') continue
    if (c.code.startsWith('policy.') && c.status === 'failed') {
      refused = true
      continue
    }
    if (c.subIndication && c.status === 'failed' && isFailedClass(c.subIndication)) {
      failedSubs.push(c.subIndication)
    } else {
      indeterminate = true
      if (c.subIndication) indeterminateSubs.push(c.subIndication)
    }
  }
  for (const p of parts) {
    if (p.indication === 'TOTAL_FAILED') {
      failedSubs.push(p.subIndication ?? 'FORMAT_FAILURE')
    } else if (p.indication === 'INDETERMINATE') {
      indeterminate = true
      if (p.subIndication) indeterminateSubs.push(p.subIndication)
    }
    if (p.status === 'rejected' && p.indication !== 'TOTAL_FAILED') refused = true
  }
  if (failedSubs.length > 0) {
    return { status: 'rejected', indication: 'TOTAL_FAILED', subIndication: pick(failedSubs) }
  }
  if (indeterminate) {
    return {
      status: refused ? 'rejected' : 'indeterminate',
      indication: 'INDETERMINATE',
      subIndication: pick(indeterminateSubs),
    }
  }
  return {
    status: refused ? 'rejected' : 'recognized',
    indication: 'TOTAL_PASSED',
    subIndication: null,
  }
}
