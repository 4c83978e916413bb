/**
 * The signature time-stamp of a SignerInfo (unsigned attribute id-aa-signatureTimeStampToken):
 * each token is verified over the signature value with the TSA chain anchored at the
 * registry's timestamp-authority services. The earliest valid genTime is the proven time.
 */
import { CMS_ATTRIBUTE, attributeValues } from '../pki/cms/attributes.js'
import type { SignerInfo } from '../pki/cms/signed-data.js'
import { createTsaChainValidator } from '../pki/timestamp/chain.js'
import { verifyTimestamp } from '../pki/timestamp/verify.js'
import type { Finding } from '../verdict/messages.js'
import type { ChainContext } from './chain.js'
import { PLAIN } from '../shape.js'

/** Most signature time-stamps verified for one signer. */
export const MAX_SIGNATURE_TIMESTAMPS = 4

/** Proven time (earliest valid genTime) and one finding per token. */
export interface SignatureTimestamps {
  readonly genTime?: Date
  readonly findings: Finding[]
}

/** Revocation data usable for the TSA chains besides the context's own. */
export interface ExtraRevocation {
  readonly crls: readonly Uint8Array[]
  readonly ocspResponses: readonly Uint8Array[]
}

/**
 * Verifies the signature time-stamps of `signer`. A token that is intact but whose TSA chain
 * does not validate gives a warning (it proves no time); a broken token is a failed check.
 */
export async function evaluateSignatureTimestamps(
  signer: SignerInfo,
  ctx: ChainContext,
  extra: ExtraRevocation,
): Promise<SignatureTimestamps> {
  const tokens = attributeValues(signer.unsignedAttrs, CMS_ATTRIBUTE.signatureTimeStamp)
  const findings: Finding[] = []
  let genTime: Date | undefined
  const validateChain = createTsaChainValidator({
    registry: ctx.registry,
    trustAnchors: ctx.extraAnchors.map((c) => c.der),
    crls: [...ctx.crls, ...extra.crls],
    ocspResponses: [...ctx.ocspResponses, ...extra.ocspResponses],
    revocation: ctx.revocation,
    revocationSources: ctx.revocationSources,
  })
  for (const [i, token] of tokens.entries()) {
    if (i >= MAX_SIGNATURE_TIMESTAMPS) {
      findings.push(invalid(`more than ${MAX_SIGNATURE_TIMESTAMPS} time-stamps; rest ignored`))
      break
    }
    try {
      const r = await verifyTimestamp(token.raw, { data: signer.signature, validateChain })
      const time = r.genTime.toISOString()
      if (r.valid) {
        findings.push({ code: 'cms.timestamp', status: 'passed', params: { time } })
        if (!genTime || r.genTime < genTime) genTime = r.genTime
      } else if (r.intact) {
        const reason = r.chain?.reason ?? r.chain?.subIndication ?? 'no chain'
        findings.push({
          code: 'cms.timestamp-untrusted',
          status: 'warning',
          params: { time, reason },
          ...(r.chain?.message ? { detail: { message: r.chain.message } } : {}),
        })
      } else {
        const failed = r.checks.filter((c) => c.status === 'failed' || c.status === 'indeterminate')
        findings.push({
          ...PLAIN,
          ...invalid(failed.map((c) => c.code).join(', ')),
          detail: { checks: failed.map((c) => c.message) },
        })
      }
    } catch (e) {
      findings.push(invalid(e instanceof Error ? e.message : String(e)))
    }
  }
  return genTime ? { genTime, findings } : { findings }
}

function invalid(reason: string): Finding {
  return { code: 'cms.timestamp-invalid', status: 'failed', params: { reason } }
}
