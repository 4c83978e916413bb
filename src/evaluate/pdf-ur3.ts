/**
 * Usage-rights signatures (/Perms /UR3): a viewer vendor signs a document to unlock features in
 * its reader. They say nothing about who issued the licence, so they never count towards the
 * verdict; their integrity is still verified and reported, since a broken one shows that the
 * bytes it covered were changed.
 */
import { looksLikeSignedData } from '../formats/cms/sniff.js'
import type { PdfFile, PdfSignatureRef } from '../formats/pdf/types.js'
import type { Finding, Lang } from '../verdict/messages.js'
import type { ChainContext } from './chain.js'
import { evaluateCmsSignature } from './cms.js'
import './pdf-codes.js'
import { rangeDigester } from './pdf-digest.js'
import { prepareSignature } from './pdf-prepare.js'

/** Sub-indications that mean the signed bytes or the signature value do not hold. */
const BROKEN = new Set(['HASH_FAILURE', 'SIG_CRYPTO_FAILURE', 'FORMAT_FAILURE'])

function object(ref: PdfSignatureRef): string {
  return ref.sigRef ? `${ref.sigRef.num} ${ref.sigRef.gen} R` : '?'
}

function broken(ref: PdfSignatureRef, reason: string): Finding {
  return {
    code: 'pdf.signature.ur3-broken',
    status: 'warning',
    params: { object: object(ref), reason },
  }
}

/**
 * Verifies the integrity of a usage-rights signature (ByteRange, gap, digest, signature value
 * with the certificate it carries). Its chain is not validated against the registry: no
 * province vouches for a viewer vendor. Returns one warning-level finding either way.
 */
export async function evaluateUsageRights(
  pdf: PdfFile,
  ref: PdfSignatureRef,
  index: number,
  ctx: ChainContext,
  lang: Lang,
): Promise<Finding> {
  const p = prepareSignature(pdf, ref, index)
  const failedStep = p.findings.find((f) => f.status === 'failed')
  if (p.fatal || !p.value || !p.range) return broken(ref, failedStep?.code ?? 'pdf.contents')
  if (!looksLikeSignedData(p.value)) return broken(ref, 'pdf.contents.unknown')
  const offline: ChainContext = {
    registry: ctx.registry,
    extraAnchors: [],
    time: ctx.time,
    crls: [],
    ocspResponses: [],
    revocation: 'off',
    revocationSources: [],
  }
  const r = await evaluateCmsSignature(p.value, offline, lang, {
    id: p.id,
    digestOf: rangeDigester(pdf.bytes, p.range),
  })
  const checks = r.signature.checks
  const bad = checks.find(
    (c) => c.status === 'failed' && c.subIndication !== undefined && BROKEN.has(c.subIndication),
  )
  if (bad) return broken(ref, bad.code)
  if (!checks.some((c) => c.code === 'cms.signature' && c.status === 'passed')) {
    return broken(ref, 'cms.signature')
  }
  const signer = r.signature.signer?.subject ?? '?'
  return { code: 'pdf.signature.ur3', status: 'warning', params: { object: object(ref), signer } }
}
