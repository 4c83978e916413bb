/**
 * The work budget of one validation, shared with the nested validations of CRL signers so
 * that nesting cannot multiply the work: candidate issuer steps and signature checks.
 */
import { LimitError } from '../../errors.js'
import type { BoundedCache } from '../cache.js'
import { SignatureChecker } from './signature.js'

/** Candidate-step counter plus the shared, cached signature checker. */
export class WorkBudget {
  private steps = 0
  readonly signatures: SignatureChecker

  constructor(
    private readonly maxCandidates: number,
    maxSignatures: number,
    shared?: BoundedCache<Promise<boolean>>,
  ) {
    this.signatures = new SignatureChecker(maxSignatures, shared)
  }

  /** Counts one candidate step; throws LimitError past the bound. */
  step(): void {
    if (++this.steps > this.maxCandidates) {
      throw new LimitError('chain.work-limit', 'too many candidate issuers / 候选签发者过多')
    }
  }
}
