/**
 * The signature of a signed JSON licence (JWS) as a `verifySignature` request, for the raw
 * bound of the benchmark. The library checks that signature with `jose` (or, for `SM2SM3`,
 * with its SM2 code directly), not through `verifySignature`, so the recorder of
 * `in-process.ts` does not see it; the benchmark replays this request in its place.
 */
import type { VerifySignatureRequest } from '../../src/crypto/verify.js'
import { jwsSigningInput, readJws } from '../../src/formats/licence/jws.js'
import { parseCertificate } from '../../src/pki/certificate.js'

/** Signature algorithm OIDs of the JWS `alg` values the fixtures use, and their encoding. */
const ALGORITHMS: Readonly<Record<string, { oid: string; raw?: boolean }>> = {
  SM2SM3: { oid: '1.2.156.10197.1.501' },
  ES256: { oid: '1.2.840.10045.4.3.2', raw: true },
  ES384: { oid: '1.2.840.10045.4.3.3', raw: true },
  ES512: { oid: '1.2.840.10045.4.3.4', raw: true },
  RS256: { oid: '1.2.840.113549.1.1.11' },
  RS384: { oid: '1.2.840.113549.1.1.12' },
  RS512: { oid: '1.2.840.113549.1.1.13' },
}

/** The JWS `alg` of a licence (for labels). */
export function jwsAlgorithm(bytes: Uint8Array): string {
  return readJws(bytes).alg
}

/** The JWS's own signature, made with the key of its `x5c` signer certificate. */
export function jwsSignatureRequests(bytes: Uint8Array): VerifySignatureRequest[] {
  const jws = readJws(bytes)
  const algorithm = ALGORITHMS[jws.alg]
  const signer = jws.certificates[0]
  if (!algorithm || !signer || !jws.payload) {
    throw new Error(`bench: no replay for a JWS with alg ${jws.alg} (or no x5c / payload)`)
  }
  return [
    {
      algorithm: { oid: algorithm.oid },
      publicKey: parseCertificate(signer).spki,
      data: jwsSigningInput(jws, jws.payload),
      signature: jws.signature,
      ...(algorithm.raw ? { ecdsaFormat: 'raw' as const } : {}),
    },
  ]
}
