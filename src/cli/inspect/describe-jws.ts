/**
 * `inspect` view of a JWS licence: serialization, algorithm and headers, the signer's x5c
 * certificates, time-stamps and claimed time, and the licence fields of the payload.
 */
import type { JwsEvidence } from '../../formats/licence/index.js'
import { licenceJsonPairs } from '../../formats/licence/index.js'
import type { Artifacts } from './artifacts.js'
import { describeCertificate } from './describe-certificate.js'
import { hex } from './plain.js'
import { PLAIN } from '../../shape.js'

function payloadFields(payload: Uint8Array | null) {
  if (!payload) return null
  try {
    return Object.fromEntries(licenceJsonPairs(payload).map((p) => [p.name, p.value]))
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) }
  }
}

/** The header with `x5c` (shown decoded under certificates) reduced to its count. */
function shortHeader(header: Readonly<Record<string, unknown>>) {
  const { x5c, ...rest } = header
  return Array.isArray(x5c) ? { ...PLAIN, ...rest, x5c: `${x5c.length} certificates` } : rest
}

/** Describes a read JWS. */
export function describeJws(jws: JwsEvidence, artifacts: Artifacts) {
  return {
    serialization: jws.serialization,
    alg: jws.alg,
    protectedHeader: shortHeader(jws.protectedHeader),
    unprotectedHeader: jws.unprotectedHeader,
    critical: jws.crit,
    b64: jws.b64,
    detached: jws.detached,
    claimedSigningTime: jws.claimedTime,
    thumbprintSha256: jws.thumbprint ? hex(jws.thumbprint) : null,
    certificates: jws.certificates.map((c, i) => describeCertificate(c, artifacts, `x5c${i + 1}`)),
    timestamps: jws.timestamps.map((t) => ({ bytes: t.length })),
    signature: hex(jws.signature),
    payloadBytes: jws.payload?.length ?? null,
    licence: payloadFields(jws.payload),
  }
}
