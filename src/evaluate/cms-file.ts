/**
 * Verification of a standalone CMS signature file (kind `cms`): every SignerInfo gets its own
 * signature result. Attached content is verified against itself; a detached signature needs
 * the content from the caller, and without it the result is INDETERMINATE /
 * SIGNED_DATA_NOT_FOUND (its integrity cannot be checked).
 */
import type { CmsEvidence } from '../formats/cms/read.js'
import type { Outcome } from '../verdict/aggregate.js'
import type { Finding, Lang } from '../verdict/messages.js'
import type { SignatureResult } from '../verdict/types.js'
import type { ChainContext } from './chain.js'
import { evaluateCmsSignature } from './cms.js'

/** Options of {@link evaluateCmsFile}. */
export interface CmsFileOptions {
  /** The detached content of a `.p7s`. */
  readonly content?: Uint8Array
}

/** Evaluates every signer of a CMS signature file. */
export async function evaluateCmsFile(
  evidence: CmsEvidence,
  ctx: ChainContext,
  lang: Lang,
  options: CmsFileOptions = {},
): Promise<{ results: SignatureResult[]; outcomes: Outcome[]; findings: Finding[] }> {
  const findings: Finding[] = []
  if (!evidence.attached && !options.content) {
    findings.push({
      code: 'cms.detached',
      status: 'indeterminate',
      subIndication: 'SIGNED_DATA_NOT_FOUND',
    })
  }
  const results: SignatureResult[] = []
  const outcomes: Outcome[] = []
  for (let i = 0; i < evidence.signerCount; i++) {
    const r = await evaluateCmsSignature(evidence.der, ctx, lang, {
      id: `cms-${i + 1}`,
      signerIndex: i,
      ...(options.content ? { content: options.content } : {}),
    })
    results.push(r.signature)
    outcomes.push(r.outcome)
  }
  return { results, outcomes, findings }
}
