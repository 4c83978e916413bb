/**
 * Steps shared by seal and seal-signature evaluation: a signature check turned into a
 * finding, and a chain validated at the validation time or, when a valid time-stamp proves
 * an earlier existence and the only problem then is an expired certificate, at that time.
 */
import { verifySignature } from '../crypto/verify.js'
import type { SignatureEncoding } from '../formats/ses/types.js'
import type { Certificate } from '../pki/certificate.js'
import type { ServiceType } from '../registry/index.js'
import type { Finding } from '../verdict/messages.js'
import type { ChainContext, ChainEvaluation } from './chain.js'
import { evaluateChainWithPoe } from './poe.js'
import { PLAIN } from '../shape.js'

/** Verifies a seal or signer signature; `prefix` is `seal.maker-signature` or `ses.signature`. */
export async function signatureFinding(
  prefix: 'seal.maker-signature' | 'ses.signature',
  algorithm: string,
  cert: Certificate,
  data: Uint8Array,
  signature: Uint8Array,
  encoding: SignatureEncoding,
): Promise<Finding> {
  const check = await verifySignature({
    algorithm: { oid: algorithm },
    publicKey: cert.spki,
    data,
    signature,
  })
  if (check.valid) {
    return {
      code: prefix,
      status: 'passed',
      params: { algorithm: check.algorithm, encoding: encoding === 'der' ? 'DER' : 'r||s' },
    }
  }
  if (check.reason === 'unsupported-algorithm') {
    return {
      code: `${prefix}-unsupported`,
      status: 'indeterminate',
      subIndication: 'CRYPTO_CONSTRAINTS_FAILURE',
      params: { algorithm },
    }
  }
  return {
    code: `${prefix}-invalid`,
    status: 'failed',
    subIndication: 'SIG_CRYPTO_FAILURE',
    params: { reason: check.message },
  }
}

/**
 * Validates a chain at `ctx.time`; if that fails only because a certificate is out of its
 * validity and `poe` (a time-stamp's genTime) is earlier, validates again at `poe` and keeps
 * that result when it is clean. `at` is set when the proven time was used.
 */
export async function chainWithPoe(
  cert: Certificate,
  ctx: ChainContext,
  types: readonly ServiceType[],
  poe: Date | undefined,
): Promise<{ chain: ChainEvaluation; at?: Date }> {
  const r = await evaluateChainWithPoe(cert, [], ctx, types, poe)
  if (!r.poe) return { chain: r }
  return { chain: { ...PLAIN, ...r, findings: [...r.findings, r.poe] }, at: r.time }
}
