/**
 * A PDF document time-stamp (`/SubFilter /ETSI.RFC3161`, or any `/Contents` whose CMS holds a
 * TSTInfo): an RFC 3161 token whose message imprint is the digest of the covered bytes, with
 * the TSA chain anchored at the registry's timestamp-authority services.
 */
import { hashNameFromOid, type HashName } from '../crypto/hash.js'
import type { Certificate } from '../pki/certificate.js'
import { createTsaChainValidator } from '../pki/timestamp/chain.js'
import { parseTimestampToken } from '../pki/timestamp/token.js'
import { verifyTimestamp } from '../pki/timestamp/verify.js'
import type { Finding } from '../verdict/messages.js'
import type { SubIndication } from '../verdict/types.js'
import type { ChainContext } from './chain.js'
import { PLAIN } from '../shape.js'

/** What the document time-stamp evaluation found. */
export interface DocumentTimestamp {
  readonly findings: Finding[]
  readonly genTime?: Date
  readonly tsa?: Certificate
  readonly chain: readonly Certificate[]
}

const SUB_BY_CHECK: Readonly<Record<string, SubIndication>> = {
  'timestamp.imprint': 'HASH_FAILURE',
  'timestamp.message-digest': 'HASH_FAILURE',
  'timestamp.signature': 'SIG_CRYPTO_FAILURE',
  'timestamp.tsa-certificate': 'NO_SIGNING_CERTIFICATE_FOUND',
}

function invalid(reason: string, subIndication: SubIndication): Finding {
  return { code: 'pdf.timestamp-invalid', status: 'failed', subIndication, params: { reason } }
}

/**
 * Verifies the time-stamp token `der` over the covered bytes (`digestOf` hashes the two
 * ByteRange slices). `certificates` are extra certificates (the /DSS) for the TSA chain.
 */
export async function evaluateDocumentTimestamp(
  der: Uint8Array,
  digestOf: (name: HashName) => Uint8Array,
  ctx: ChainContext,
  certificates: readonly Uint8Array[],
): Promise<DocumentTimestamp> {
  let token
  try {
    token = parseTimestampToken(der)
  } catch (e) {
    return {
      findings: [invalid(e instanceof Error ? e.message : String(e), 'FORMAT_FAILURE')],
      chain: [],
    }
  }
  const name = hashNameFromOid(token.tstInfo.hashAlgorithm.oid)
  if (name === undefined || name === 'MD5') {
    const reason = `imprint hash ${token.tstInfo.hashAlgorithm.oid}`
    return { findings: [invalid(reason, 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE')], chain: [] }
  }
  let path: readonly Certificate[] = []
  const validator = createTsaChainValidator({
    registry: ctx.registry,
    trustAnchors: ctx.extraAnchors.map((c) => c.der),
    crls: ctx.crls,
    ocspResponses: ctx.ocspResponses,
    revocation: ctx.revocation,
    revocationSources: ctx.revocationSources,
  })
  const r = await verifyTimestamp(token, {
    digest: digestOf(name),
    certificates,
    validateChain: async (tsa, intermediates, time) => {
      path = [tsa, ...intermediates]
      return validator(tsa, intermediates, time)
    },
  })
  const time = r.genTime.toISOString()
  const base = { chain: r.tsaCertificate ? [r.tsaCertificate] : path.slice(0, 1) }
  const tsa = r.tsaCertificate ? { tsa: r.tsaCertificate } : {}
  if (r.valid) {
    const finding: Finding = { code: 'pdf.timestamp', status: 'passed', params: { time } }
    return { findings: [finding], genTime: r.genTime, ...tsa, ...base }
  }
  if (r.intact) {
    const sub = (r.chain?.subIndication ?? 'NO_CERTIFICATE_CHAIN_FOUND') as SubIndication
    const finding: Finding = {
      code: 'pdf.timestamp-untrusted',
      status: 'indeterminate',
      subIndication: sub,
      params: { time, reason: r.chain?.reason ?? 'no chain' },
      ...(r.chain?.message ? { detail: { message: r.chain.message } } : {}),
    }
    return { findings: [finding], ...tsa, ...base }
  }
  const bad = r.checks.filter((c) => c.status === 'failed' || c.status === 'indeterminate')
  const sub = bad.map((c) => SUB_BY_CHECK[c.code]).find((s) => s !== undefined)
  const finding: Finding = {
    ...PLAIN,
    ...invalid(bad.map((c) => c.code).join(', '), sub ?? 'FORMAT_FAILURE'),
    detail: { checks: bad.map((c) => c.message) },
  }
  return { findings: [finding], ...tsa, ...base }
}
