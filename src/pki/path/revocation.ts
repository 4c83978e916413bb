/**
 * Revocation checking along a structurally valid path: each non-anchor certificate is put to
 * the sources in order, anchor side first; the first definite answer wins.
 */
import type { Certificate } from '../certificate.js'
import type { RevocationSource, RevocationStatus } from '../revocation-types.js'
import type { PathReason } from './codes.js'
import type { CertificateRevocation, RevocationMode } from './types.js'

const MAX_SOURCES = 32

/** Outcome of {@link checkPathRevocation}. */
export interface RevocationOutcome {
  readonly statuses: readonly CertificateRevocation[]
  readonly failure?: {
    readonly reason: PathReason
    readonly index: number
    readonly detail: string
  }
}

async function ask(
  sources: readonly RevocationSource[],
  certificate: Certificate,
  issuer: Certificate,
  time: Date,
  path: readonly Certificate[],
): Promise<RevocationStatus> {
  let last: RevocationStatus = {
    status: 'unknown',
    source: 'none',
    code: 'revocation.no-source',
    message: '没有吊销信息来源 / no revocation source',
  }
  for (const source of sources.slice(0, MAX_SOURCES)) {
    let status: RevocationStatus
    try {
      status = await source.check({ certificate, issuer, time, path })
    } catch {
      status = {
        status: 'unknown',
        source: 'none',
        code: 'revocation.source-error',
        message: `吊销信息来源出错 / revocation source ${source.name} failed`,
      }
    }
    if (status.status !== 'unknown') return status
    if (last.source === 'none' || status.source !== 'none') last = status
  }
  return last
}

function effective(status: RevocationStatus, time: Date): boolean {
  if (status.status !== 'revoked') return false
  if (!status.revokedAt || status.revokedAt <= time) return true
  return status.reason === 'keyCompromise' || status.reason === 'cACompromise'
}

/**
 * Checks revocation of `chain` (leaf first, anchor excluded) whose top was issued by `anchor`.
 * With mode 'require' an unknown status fails; with 'if-available' it is accepted.
 */
export async function checkPathRevocation(
  chain: readonly Certificate[],
  anchor: Certificate,
  sources: readonly RevocationSource[],
  time: Date,
  mode: RevocationMode,
): Promise<RevocationOutcome> {
  if (mode === 'off') return { statuses: [] }
  const path = [...chain, anchor]
  const statuses: CertificateRevocation[] = []
  for (let k = chain.length - 1; k >= 0; k--) {
    const status = await ask(sources, chain[k]!, path[k + 1]!, time, path)
    statuses.unshift({ index: k, status })
    if (effective(status, time)) {
      const reason: PathReason = k === 0 ? 'chain.revoked' : 'chain.ca-revoked'
      return { statuses, failure: { reason, index: k, detail: status.reason ?? 'revoked' } }
    }
    if (status.status === 'unknown' && mode === 'require') {
      const detail = status.code ?? 'unknown'
      return { statuses, failure: { reason: 'chain.revocation-unknown', index: k, detail } }
    }
  }
  return { statuses }
}
