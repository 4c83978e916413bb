/**
 * The JWS signature step: `jose` for the JOSE algorithms (RSA PKCS#1 v1.5 and PSS, ECDSA,
 * EdDSA) and our SM2 for `SM2SM3` (SM2 with SM3, default user ID 1234567812345678, signature
 * r || s as 64 bytes), always with the public key of the `x5c` signer certificate.
 */
import { flattenedVerify, importSPKI } from 'jose'
import { sm2Verify } from '../crypto/sm2.js'
import { encodeBase64Url } from '../formats/licence/json-text.js'
import { jwsSigningInput, type JwsEvidence } from '../formats/licence/jws.js'
import type { Certificate } from '../pki/certificate.js'

/** The `alg` value registered for SM2-with-SM3 signatures (docs/jws-licence.md). */
export const SM2_JWS_ALG = 'SM2SM3'

/** Algorithms accepted for licence signatures; `none` and MACs never are. */
export const JWS_ALGORITHMS: ReadonlySet<string> = new Set([
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
  SM2_JWS_ALG,
])

/** Header parameters this verifier understands when they are listed in `crit`. */
export const UNDERSTOOD_CRIT: ReadonlySet<string> = new Set(['b64', 'sigT'])

/** Outcome of the signature step. */
export type JwsSignatureOutcome =
  { readonly valid: true } | { readonly valid: false; reason: string }

function pem(spki: Uint8Array): string {
  const b64 = encodeBase64Url(spki).replace(/-/g, '+').replace(/_/g, '/')
  const padded = b64 + '='.repeat((4 - (b64.length % 4)) % 4)
  const body = padded.replace(/(.{64})/g, '$1\n')
  return `-----BEGIN PUBLIC KEY-----\n${body}\n-----END PUBLIC KEY-----`
}

/**
 * Verifies the signature of `jws` over `payload` with the key of `signer`. Never throws.
 * @example
 * const r = await verifyJwsSignature(jws, jws.payload!, parseCertificate(jws.certificates[0]!))
 */
export async function verifyJwsSignature(
  jws: JwsEvidence,
  payload: Uint8Array,
  signer: Certificate,
): Promise<JwsSignatureOutcome> {
  try {
    if (jws.alg === SM2_JWS_ALG) {
      if (jws.signature.length !== 64) {
        return { valid: false, reason: 'SM2SM3 signature is not 64 bytes r || s' }
      }
      const ok = sm2Verify(signer.spki, jwsSigningInput(jws, payload), jws.signature)
      return ok ? { valid: true } : { valid: false, reason: 'SM2 signature does not verify' }
    }
    const key = await importSPKI(pem(signer.spki), jws.alg)
    const written = jws.payloadText ?? (jws.b64 ? encodeBase64Url(payload) : payload)
    await flattenedVerify(
      {
        protected: jws.protectedB64,
        payload: written,
        signature: jws.signatureB64,
        ...(jws.unprotectedHeader ? { header: { ...jws.unprotectedHeader } } : {}),
      },
      key,
      {
        algorithms: [jws.alg],
        crit: Object.fromEntries(jws.crit.filter((c) => c !== 'b64').map((c) => [c, true])),
      },
    )
    return { valid: true }
  } catch (e) {
    return { valid: false, reason: e instanceof Error ? e.message : String(e) }
  }
}
