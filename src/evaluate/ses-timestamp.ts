/**
 * RFC 3161 time-stamps carried by seals (v5) and seal signatures (v4/v5): the imprint covers
 * the signature value; the TSA chain is validated at genTime against the registry's
 * timestamp-authority services and the caller's extra anchors.
 */
import { createTsaChainValidator } from '../pki/timestamp/chain.js'
import { verifyTimestamp } from '../pki/timestamp/verify.js'
import type { ChainContext } from './chain.js'

/** A time-stamp's verdict: genTime is proof only when `valid`. */
export type SesTimestampResult =
  | { readonly valid: true; readonly genTime: Date }
  | { readonly valid: false; readonly genTime?: Date; readonly reason: string }

/** Verifies `token` over `signatureValue`. Never throws. */
export async function verifySesTimestamp(
  token: Uint8Array,
  signatureValue: Uint8Array,
  ctx: ChainContext,
): Promise<SesTimestampResult> {
  try {
    const r = await verifyTimestamp(token, {
      data: signatureValue,
      validateChain: createTsaChainValidator({
        registry: ctx.registry,
        trustAnchors: ctx.extraAnchors.map((c) => c.der),
        crls: ctx.crls,
        ocspResponses: ctx.ocspResponses,
        revocation: ctx.revocation,
        revocationSources: ctx.revocationSources,
      }),
    })
    if (r.valid) return { valid: true, genTime: r.genTime }
    const bad = r.checks.filter((c) => c.status !== 'passed' && c.status !== 'skipped')
    return {
      valid: false,
      genTime: r.genTime,
      reason: bad.map((c) => `${c.code} ${c.status}`).join(', ') || 'not valid',
    }
  } catch (e) {
    return { valid: false, reason: e instanceof Error ? e.message : String(e) }
  }
}
