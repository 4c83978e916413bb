/**
 * Turns a verification request into a validated primitive request: algorithm lookup,
 * parameter checks, key parsing, key/algorithm matching and signature decoding.
 */
import { CURVE_BYTES, signatureAlgorithmByOid, type SignatureAlgorithm } from './algorithms.js'
import type { NistCurve, PrimitiveVerifyRequest } from './backend-types.js'
import { CryptoError } from './errors.js'
import { parsePssParams, type PssParams } from './pss-params.js'
import { decodeDerRs, decodeRawRs, encodeRawRs } from './rs-signature.js'
import { failure, type SignatureCheck } from './signature-check.js'
import { parseSpki, type PublicKey } from './spki.js'
import { p256, p384, p521 } from '@noble/curves/nist.js'

/** The request accepted by `verifySignature`. */
export interface VerifySignatureRequest {
  readonly algorithm: { readonly oid: string; readonly parameters?: Uint8Array }
  /** SubjectPublicKeyInfo DER. */
  readonly publicKey: Uint8Array
  readonly data: Uint8Array
  readonly signature: Uint8Array
  /** SM2 signer ID; default ASCII `1234567812345678`. */
  readonly sm2UserId?: Uint8Array
  /** ECDSA signature encoding: DER (X.509, CMS; default) or raw r || s (JWS, P1363). */
  readonly ecdsaFormat?: 'der' | 'raw'
}

/** A request ready for a backend, or for SM2 the parsed key. */
export type Prepared =
  | { kind: 'primitive'; algorithm: SignatureAlgorithm; name: string; req: PrimitiveVerifyRequest }
  | { kind: 'sm2'; algorithm: SignatureAlgorithm; name: string }
  | { kind: 'failed'; check: SignatureCheck }

const NIST = { 'P-256': p256, 'P-384': p384, 'P-521': p521 } as const

function isAbsentOrNull(p: Uint8Array | undefined): boolean {
  return p === undefined || (p.length === 2 && p[0] === 0x05 && p[1] === 0x00)
}

const fail = (check: SignatureCheck): Prepared => ({ kind: 'failed', check })

function pssOf(params: Uint8Array | undefined): PssParams | undefined {
  if (params === undefined) return undefined
  try {
    return parsePssParams(params)
  } catch {
    return undefined
  }
}

function checkPssKey(key: PublicKey, spkiParams: Uint8Array | undefined, pss: PssParams): boolean {
  if (key.type === 'rsa') return true
  if (key.type !== 'rsa-pss') return false
  if (spkiParams === undefined) return true
  const constraint = pssOf(spkiParams)
  if (constraint === undefined) return false
  return (
    constraint.hash === pss.hash &&
    constraint.mgfHash === pss.mgfHash &&
    pss.saltLength >= constraint.saltLength
  )
}

function prepareEcdsa(
  alg: SignatureAlgorithm,
  key: PublicKey,
  spki: Uint8Array,
  r: VerifySignatureRequest,
): Prepared {
  if (key.type !== 'ec' || key.curve === 'SM2') {
    return fail(failure('key-algorithm-mismatch', `${alg.name} needs a NIST P-curve key`))
  }
  const curve: NistCurve = key.curve
  let point: Uint8Array
  try {
    point = NIST[curve].Point.fromBytes(key.point).toBytes(false)
  } catch {
    return fail(failure('malformed-key', 'EC point is not on the curve'))
  }
  const width = CURVE_BYTES[curve]
  const pair = r.ecdsaFormat === 'raw' ? decodeRawRs(r.signature, width) : decodeDerRs(r.signature)
  const n = NIST[curve].Point.Fn.ORDER
  if (pair === undefined) return fail(failure('malformed-signature', 'bad ECDSA encoding'))
  if (pair.r < 1n || pair.r >= n || pair.s < 1n || pair.s >= n) {
    return fail(failure('malformed-signature', 'ECDSA r or s out of range'))
  }
  const raw = encodeRawRs(pair, width)
  if (raw === undefined) return fail(failure('malformed-signature', 'ECDSA value too large'))
  const req: PrimitiveVerifyRequest = {
    scheme: 'ecdsa',
    hash: alg.hash ?? 'SHA-256',
    curve,
    spki,
    point,
    data: r.data,
    signature: raw,
  }
  return { kind: 'primitive', algorithm: alg, name: alg.name, req }
}

/** Validates `r` and builds what the backend needs. Never throws. */
export function prepare(r: VerifySignatureRequest): Prepared {
  const alg = signatureAlgorithmByOid(r.algorithm.oid)
  if (alg === undefined || !alg.supported) {
    return fail(failure('unsupported-algorithm', r.algorithm.oid))
  }
  const params = r.algorithm.parameters
  let pss: PssParams | undefined
  if (alg.scheme === 'rsa-pss') {
    pss = pssOf(params)
    if (pss === undefined)
      return fail(failure('unsupported-algorithm', 'bad RSASSA-PSS parameters'))
  } else if (alg.scheme === 'rsa-pkcs1' || alg.scheme === 'sm2') {
    if (!isAbsentOrNull(params))
      return fail(failure('unsupported-algorithm', 'unexpected parameters'))
  } else if (params !== undefined) {
    return fail(failure('unsupported-algorithm', 'parameters must be absent'))
  }
  let key: PublicKey
  let spkiParams: Uint8Array | undefined
  try {
    const parsed = parseSpki(r.publicKey)
    key = parsed.key
    spkiParams = parsed.parameters
  } catch (e) {
    return fail(failure('malformed-key', e instanceof CryptoError ? e.message : undefined))
  }
  const { data, signature } = r
  const spki = r.publicKey
  const mismatch = (): Prepared =>
    fail(failure('key-algorithm-mismatch', `${alg.name} with a ${key.type} key`))
  switch (alg.scheme) {
    case 'rsa-pkcs1':
    case 'rsa-pss': {
      if (alg.scheme === 'rsa-pkcs1' && key.type !== 'rsa') return mismatch()
      if (key.type !== 'rsa' && key.type !== 'rsa-pss') return mismatch()
      if (pss !== undefined && !checkPssKey(key, spkiParams, pss)) return mismatch()
      if (signature.length !== Math.ceil(key.bits / 8)) {
        return fail(failure('malformed-signature', 'RSA signature length differs from modulus'))
      }
      const base = { spki, modulus: key.modulus, exponent: key.exponent, data, signature }
      const req: PrimitiveVerifyRequest =
        pss === undefined
          ? { scheme: 'rsa-pkcs1', hash: alg.hash ?? 'SHA-256', ...base }
          : {
              scheme: 'rsa-pss',
              hash: pss.hash,
              mgfHash: pss.mgfHash,
              saltLength: pss.saltLength,
              ...base,
            }
      const name = pss === undefined ? alg.name : `RSASSA-PSS/${pss.hash}`
      return { kind: 'primitive', algorithm: alg, name, req }
    }
    case 'ecdsa':
      return prepareEcdsa(alg, key, spki, r)
    case 'ed25519':
      if (key.type !== 'ed25519') return mismatch()
      if (signature.length !== 64)
        return fail(failure('malformed-signature', 'Ed25519 needs 64 bytes'))
      return {
        kind: 'primitive',
        algorithm: alg,
        name: alg.name,
        req: { scheme: 'ed25519', spki, publicKey: key.key, data, signature },
      }
    case 'dsa': {
      if (key.type !== 'dsa') return mismatch()
      const pair = decodeDerRs(signature)
      if (pair === undefined) return fail(failure('malformed-signature', 'bad DSA encoding'))
      if (pair.r >= key.q || pair.s >= key.q) {
        return fail(failure('malformed-signature', 'DSA r or s out of range'))
      }
      const { p, q, g, y } = key
      const req: PrimitiveVerifyRequest = {
        scheme: 'dsa',
        hash: alg.hash ?? 'SHA-1',
        spki,
        p,
        q,
        g,
        y,
        data,
        r: pair.r,
        s: pair.s,
      }
      return { kind: 'primitive', algorithm: alg, name: alg.name, req }
    }
    case 'sm2':
      if (key.type !== 'ec' || key.curve !== 'SM2') return mismatch()
      return { kind: 'sm2', algorithm: alg, name: alg.name }
  }
}
