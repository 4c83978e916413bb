/**
 * Who may sign an OCSP response (RFC 6960 §4.2.2.2): the certificate's issuer itself, or a
 * delegated responder whose certificate the issuer signed and marked with id-kp-OCSPSigning.
 * The responder's validity is checked; ocsp-nocheck is honoured, and without it the
 * responder's own status is asked of the sources the caller supplies.
 */
import { hash } from '../../crypto/hash.js'
import { verifySignature } from '../../crypto/verify.js'
import { parseCertificate, publicKeyBytes, type Certificate } from '../certificate.js'
import { namesEqual } from '../name.js'
import type { RevocationQuery, RevocationSource } from '../revocation-types.js'
import { bytesEqual } from './cert-id.js'
import type { OcspCode } from './codes.js'
import type { BasicOcspResponse, ResponderId } from './parse.js'

/** id-kp-OCSPSigning. */
export const KP_OCSP_SIGNING = '1.3.6.1.5.5.7.3.9'

/** Options for responder authorisation. */
export interface ResponderOptions {
  /** Clock tolerance in milliseconds. */
  readonly toleranceMs: number
  /** Sources asked about a delegated responder that lacks ocsp-nocheck. */
  readonly responderRevocation: readonly RevocationSource[]
  /** Responder certificates (DER) supplied besides those in the response. */
  readonly certificates: readonly Uint8Array[]
}

/** The outcome: the certificate whose key signed the response, or why none qualifies. */
export type ResponderResult =
  | { readonly ok: true; readonly responder: Certificate; readonly delegated: boolean }
  | { readonly ok: false; readonly code: OcspCode; readonly detail: string }

function responderIdMatches(id: ResponderId, cert: Certificate): boolean {
  if (id.kind === 'name') return namesEqual(id.name, cert.subject)
  return bytesEqual(id.keyHash, hash('SHA-1', publicKeyBytes(cert)))
}

async function signatureOk(basic: BasicOcspResponse, signer: Certificate): Promise<boolean> {
  const check = await verifySignature({
    algorithm: basic.signatureAlgorithm,
    publicKey: signer.spki,
    data: basic.tbs,
    signature: basic.signature,
  })
  return check.valid
}

async function issuedBy(cert: Certificate, issuer: Certificate): Promise<boolean> {
  if (!namesEqual(cert.issuer, issuer.subject)) return false
  const check = await verifySignature({
    algorithm: cert.signatureAlgorithm,
    publicKey: issuer.spki,
    data: cert.tbs,
    signature: cert.signatureValue,
  })
  return check.valid
}

function parseAll(ders: readonly Uint8Array[]): Certificate[] {
  const out: Certificate[] = []
  for (const der of ders) {
    try {
      out.push(parseCertificate(der))
    } catch {
      // An unparsable embedded certificate cannot be the responder; skip it.
    }
  }
  return out
}

async function responderStatusOk(
  responder: Certificate,
  query: RevocationQuery,
  options: ResponderOptions,
): Promise<ResponderResult | undefined> {
  if (responder.ocspNoCheck) return undefined
  const sub: RevocationQuery = {
    certificate: responder,
    issuer: query.issuer,
    time: query.time,
    path: [responder, ...query.path.slice(1)],
  }
  for (const source of options.responderRevocation) {
    let st
    try {
      st = await source.check(sub)
    } catch {
      continue
    }
    if (st.status === 'good') return undefined
    if (st.status === 'revoked') {
      return {
        ok: false,
        code: 'revocation.ocsp.responder-revoked',
        detail: responder.subject.text,
      }
    }
  }
  return { ok: false, code: 'revocation.ocsp.responder-unchecked', detail: responder.subject.text }
}

async function delegated(
  cert: Certificate,
  basic: BasicOcspResponse,
  query: RevocationQuery,
  options: ResponderOptions,
): Promise<ResponderResult> {
  const who = cert.subject.text
  if (!(await issuedBy(cert, query.issuer))) {
    return { ok: false, code: 'revocation.ocsp.responder-not-authorized', detail: `${who}: issuer` }
  }
  if (!cert.extKeyUsage?.includes(KP_OCSP_SIGNING)) {
    return { ok: false, code: 'revocation.ocsp.responder-not-authorized', detail: `${who}: EKU` }
  }
  const ku = cert.keyUsage
  if (ku && !ku.has('digitalSignature') && !ku.has('nonRepudiation')) {
    return { ok: false, code: 'revocation.ocsp.responder-not-authorized', detail: `${who}: KU` }
  }
  const t = query.time.getTime()
  const tol = options.toleranceMs
  if (t < cert.notBefore.getTime() - tol || t > cert.notAfter.getTime() + tol) {
    return { ok: false, code: 'revocation.ocsp.responder-expired', detail: who }
  }
  if (!(await signatureOk(basic, cert))) {
    return { ok: false, code: 'revocation.ocsp.signature', detail: who }
  }
  const unchecked = await responderStatusOk(cert, query, options)
  return unchecked ?? { ok: true, responder: cert, delegated: true }
}

/**
 * Finds and authorises the signer of `basic` for answers about certificates issued by
 * `query.issuer`, and verifies the response signature with its key.
 */
export async function authorizeResponder(
  basic: BasicOcspResponse,
  query: RevocationQuery,
  options: ResponderOptions,
): Promise<ResponderResult> {
  const issuer = query.issuer
  if (responderIdMatches(basic.responderId, issuer)) {
    if (await signatureOk(basic, issuer)) return { ok: true, responder: issuer, delegated: false }
    return { ok: false, code: 'revocation.ocsp.signature', detail: issuer.subject.text }
  }
  const candidates = parseAll([...basic.certificates, ...options.certificates]).filter((c) =>
    responderIdMatches(basic.responderId, c),
  )
  if (candidates.length === 0) {
    return { ok: false, code: 'revocation.ocsp.responder-not-found', detail: '' }
  }
  let first: ResponderResult | undefined
  for (const cert of candidates.slice(0, 4)) {
    const r = await delegated(cert, basic, query, options)
    if (r.ok) return r
    first ??= r
  }
  return first!
}
