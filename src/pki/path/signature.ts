/**
 * Certificate signature checks for path building and validation: a per-validation cache of
 * (child, issuer) results, a bound on the number of verifications, and RFC 3279 DSA parameter
 * inheritance (a DSA key without parameters takes them from its issuer's key).
 */
import { children, readSingle } from '../../asn1/der.js'
import { verifySignature } from '../../crypto/verify.js'
import { LimitError } from '../../errors.js'
import { cachedPromise, type BoundedCache } from '../cache.js'
import type { Certificate } from '../certificate.js'

const DSA_OID = '1.2.840.10040.4.1'

/** Thrown when the signature budget is spent. */
export class SignatureBudgetError extends LimitError {
  constructor() {
    super('chain.work-limit', 'too many signature checks / 签名验证次数超限')
  }
}

function lengthOctets(n: number): number[] {
  if (n < 0x80) return [n]
  const out: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff)
  return [0x80 | out.length, ...out]
}

function sequence(...parts: Uint8Array[]): Uint8Array {
  const len = parts.reduce((a, p) => a + p.length, 0)
  const head = [0x30, ...lengthOctets(len)]
  const out = new Uint8Array(head.length + len)
  out.set(head)
  let pos = head.length
  for (const p of parts) {
    out.set(p, pos)
    pos += p.length
  }
  return out
}

/** True when the certificate holds a DSA key without domain parameters. */
export function needsInheritedParameters(cert: Certificate): boolean {
  return cert.publicKeyAlgorithm.oid === DSA_OID && !cert.publicKeyAlgorithm.parameters
}

/**
 * The SubjectPublicKeyInfo to verify with: the certificate's own, or for a DSA key without
 * parameters one rebuilt with `inherited` (the DER of the issuer's DSA parameters).
 */
export function effectiveSpki(cert: Certificate, inherited: Uint8Array | undefined): Uint8Array {
  if (!needsInheritedParameters(cert) || !inherited) return cert.spki
  const [alg, key] = children(readSingle(cert.spki))
  const [oid] = children(alg!)
  return sequence(sequence(oid!.raw, inherited), key!.raw)
}

/** DSA parameters a certificate passes on to the certificates it issues, if any. */
export function passedOnParameters(
  cert: Certificate,
  inherited: Uint8Array | undefined,
): Uint8Array | undefined {
  if (cert.publicKeyAlgorithm.oid !== DSA_OID) return undefined
  return cert.publicKeyAlgorithm.parameters ?? inherited
}

/**
 * Cache and budget of signature checks for one validation. Every distinct (child, issuer key)
 * pair counts against the budget, whether its result comes from `shared` (a verifier's cache
 * across validations) or is computed, so a cache never changes where the budget runs out.
 */
export class SignatureChecker {
  private readonly cache = new Map<string, Promise<boolean>>()
  private count = 0

  constructor(
    private readonly budget: number,
    private readonly shared?: BoundedCache<Promise<boolean>>,
  ) {}

  /** Verifications performed so far. */
  get performed(): number {
    return this.count
  }

  /** Whether `child` was signed by the key `issuerSpki` (cached by the pair). */
  verify(child: Certificate, issuerKeyId: string, issuerSpki: Uint8Array): Promise<boolean> {
    const key = `${child.sha256}|${issuerKeyId}`
    const hit = this.cache.get(key)
    if (hit) return hit
    if (this.count >= this.budget) throw new SignatureBudgetError()
    this.count++
    // The child's digest covers its tbs, algorithm and signature value; the key id names the
    // issuer's key (its certificate digest, or that plus inherited DSA parameters).
    const p = cachedPromise(this.shared, key, () =>
      verifySignature({
        algorithm: child.signatureAlgorithm,
        publicKey: issuerSpki,
        data: child.tbs,
        signature: child.signatureValue,
      }).then((r) => r.valid),
    )
    this.cache.set(key, p)
    return p
  }
}
