/**
 * Verification of certificate files (kind "certificate"): every subject certificate the
 * reader found is validated against the registry, and each gets its own result.
 */
import { signatureAlgorithmByOid } from '../crypto/algorithms.js'
import type { CertificateEvidence } from '../formats/certificate/types.js'
import { parseCertificate, type Certificate } from '../pki/certificate.js'
import { aggregate, type Outcome } from '../verdict/aggregate.js'
import { render, type Finding, type Lang } from '../verdict/messages.js'
import type { CertificateResult } from '../verdict/types.js'
import { evaluateChain, summarise, type ChainContext } from './chain.js'
import { PLAIN } from '../shape.js'

/** Evaluates the subject certificates of a certificate file. */
export async function evaluateCertificates(
  evidence: CertificateEvidence,
  ctx: ChainContext,
  lang: Lang,
): Promise<{ results: CertificateResult[]; outcomes: Outcome[]; findings: Finding[] }> {
  const findings: Finding[] = []
  const parsed: (Certificate | undefined)[] = evidence.certificates.map((der, index) => {
    try {
      return parseCertificate(der)
    } catch (e) {
      findings.push({
        code: 'certificate.parse',
        status: 'failed',
        subIndication: 'FORMAT_FAILURE',
        params: { index: index + 1, reason: e instanceof Error ? e.message : String(e) },
      })
      return undefined
    }
  })
  if (evidence.hasPrivateKey)
    findings.push({ code: 'certificate.private-key-present', status: 'warning' })
  const all = parsed.filter((c): c is Certificate => c !== undefined)
  const results: CertificateResult[] = []
  const outcomes: Outcome[] = []
  for (const index of evidence.subjectIndexes) {
    const subject = parsed[index]
    if (!subject) continue
    const others = all.filter((c) => c !== subject)
    const chain = await evaluateChain(subject, others, {
      ...PLAIN,
      ...ctx,
      crls: [...ctx.crls, ...evidence.crls],
      ocspResponses: [...ctx.ocspResponses, ...evidence.ocspResponses],
    })
    const own: Finding[] = [...chain.findings]
    const alg = signatureAlgorithmByOid(subject.signatureAlgorithm.oid)
    if (alg && alg.hash && (alg.hash === 'SHA-1' || alg.hash === 'MD5')) {
      own.push({
        code: 'certificate.weak-algorithm',
        status: 'warning',
        params: { algorithm: alg.name },
      })
    }
    const checks = own.map((f) => render(f, lang))
    const outcome = aggregate(checks)
    outcomes.push(outcome)
    results.push({
      ...PLAIN,
      ...summarise(subject),
      status: outcome.status,
      subIndication: outcome.subIndication,
      province: chain.province,
      service: chain.service,
      chain: chain.chain.map(summarise),
      checks,
    })
  }
  return { results, outcomes, findings }
}
