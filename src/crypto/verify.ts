/**
 * Signature verification front end: one entry point for every algorithm of the table.
 */
import { getCryptoBackend } from './backend.js'
import { pureCryptoBackend } from './pure-backend.js'
import { prepare, type VerifySignatureRequest } from './prepare.js'
import { decodeDerRs, decodeRawRs } from './rs-signature.js'
import { failure, type SignatureCheck } from './signature-check.js'
import { sm2Verify } from './sm2.js'

export type { VerifySignatureRequest } from './prepare.js'
export type { SignatureCheck, SignatureFailureReason } from './signature-check.js'

function sm2SignatureWellFormed(signature: Uint8Array): boolean {
  const pair =
    signature[0] === 0x30
      ? (decodeDerRs(signature) ?? decodeRawRs(signature, 32))
      : decodeRawRs(signature, 32)
  return pair !== undefined
}

let observer: ((req: VerifySignatureRequest) => void) | undefined

/**
 * Sees every request {@link verifySignature} receives (measurement tools count the signature
 * verifications a verdict needs); `undefined` removes it. Not part of the package's surface.
 */
export function setVerificationObserver(
  next: ((req: VerifySignatureRequest) => void) | undefined,
): void {
  observer = next
}

/**
 * Verifies a signature given the signature-algorithm OID (and parameters), the signer's
 * SubjectPublicKeyInfo, the signed bytes and the signature value. Never throws: every problem
 * is reported as `{ valid: false, reason, message }`.
 * @example
 * const check = await verifySignature({
 *   algorithm: { oid: '1.2.840.10045.4.3.2' }, publicKey: spki, data: tbs, signature: sig,
 * })
 * if (!check.valid) reasons.push(check.reason)
 */
export async function verifySignature(req: VerifySignatureRequest): Promise<SignatureCheck> {
  observer?.(req)
  try {
    const prepared = prepare(req)
    if (prepared.kind === 'failed') return prepared.check
    if (prepared.kind === 'sm2') {
      if (!sm2SignatureWellFormed(req.signature)) {
        return failure('malformed-signature', 'SM2 signature is neither DER nor 64-byte r||s')
      }
      const ok = sm2Verify(req.publicKey, req.data, req.signature, req.sm2UserId)
      return ok ? { valid: true, algorithm: prepared.name } : failure('signature-mismatch')
    }
    let result = await getCryptoBackend().verify(prepared.req)
    if (result === 'unsupported') result = await pureCryptoBackend.verify(prepared.req)
    if (result === 'unsupported') return failure('unsupported-algorithm', prepared.name)
    return result ? { valid: true, algorithm: prepared.name } : failure('signature-mismatch')
  } catch (e) {
    return failure('signature-mismatch', e instanceof Error ? e.message : 'internal error')
  }
}
