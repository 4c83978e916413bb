/**
 * Finding and checking the signer of a CRL: a certificate named as the CRL issuer, allowed to
 * sign CRLs (cRLSign when keyUsage is present), whose key verifies the CRL signature, and which
 * is either on the path being validated or accepted by the caller's signer validation (its own
 * path to the same trust anchor).
 */
import { sameKeyId } from '../../crypto/bytes.js'
import { verifySignature } from '../../crypto/verify.js'
import { cachedPromise, derDigest, type BoundedCache } from '../cache.js'
import type { Certificate } from '../certificate.js'
import { effectiveSpki, passedOnParameters } from '../path/signature.js'
import type { RevocationQuery } from '../revocation-types.js'
import type { Crl } from './parse.js'

const MAX_SIGNER_CANDIDATES = 16

/**
 * CRL signature checks of one source: a budget counted once per distinct (CRL, key) pair,
 * whether the result was computed or came from `shared` (a verifier's cache across sources,
 * keyed by the CRL's DER digest), so a cache never changes where the budget runs out.
 */
export interface CrlCheckBudget {
  remaining: number
  /** Results of this source, by CRL object and key id. */
  readonly checked?: WeakMap<Crl, Map<string, Promise<boolean>>>
  readonly shared?: BoundedCache<Promise<boolean>>
}

function verifyCrl(
  crl: Crl,
  keyId: string,
  spki: Uint8Array,
  budget: CrlCheckBudget,
): Promise<boolean> | undefined {
  const checked = budget.checked ?? fallback
  let perCrl = checked.get(crl)
  if (!perCrl) {
    perCrl = new Map()
    checked.set(crl, perCrl)
  }
  let hit = perCrl.get(keyId)
  if (!hit) {
    if (budget.remaining <= 0) return undefined
    budget.remaining--
    const key = budget.shared ? `${derDigest(crl.der)}|${keyId}` : ''
    hit = cachedPromise(budget.shared, key, () =>
      verifySignature({
        algorithm: crl.signatureAlgorithm,
        publicKey: spki,
        data: crl.tbs,
        signature: crl.signatureValue,
      }).then((r) => r.valid),
    )
    perCrl.set(keyId, hit)
  }
  return hit
}

/** Results for budgets made without their own map (each CRL object is one source's). */
const fallback = new WeakMap<Crl, Map<string, Promise<boolean>>>()

/** Validates a CRL signer that is not on the path; true when it chains to the same anchor. */
export type SignerValidator = (signer: Certificate, query: RevocationQuery) => Promise<boolean>

/** Why no signer was accepted, as a stable code. */
export type SignerProblem =
  | 'revocation.crl.no-signer'
  | 'revocation.crl.key-usage'
  | 'revocation.crl.signature'
  | 'revocation.crl.signer-invalid'
  | 'revocation.crl.work-limit'

/** DSA parameters inherited by path[index] from the certificates above it. */
function inheritedOnPath(path: readonly Certificate[], index: number): Uint8Array | undefined {
  let inherited: Uint8Array | undefined
  for (let k = path.length - 1; k > index; k--) inherited = passedOnParameters(path[k]!, inherited)
  return inherited
}

/** Returns the accepted signer of `crl` for `query`, or the problem found. */
export async function findCrlSigner(
  crl: Crl,
  query: RevocationQuery,
  extra: readonly Certificate[],
  validate: SignerValidator | undefined,
  budget: CrlCheckBudget,
): Promise<Certificate | SignerProblem> {
  const onPath = new Map(query.path.map((c, i) => [c.sha256, i]))
  const pool = new Map<string, Certificate>()
  for (const c of [query.issuer, ...query.path, ...extra]) {
    if (c.subject.key === crl.issuer.key && !pool.has(c.sha256)) pool.set(c.sha256, c)
  }
  const aki = crl.authorityKeyId
  const candidates = [...pool.values()]
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, MAX_SIGNER_CANDIDATES)
  function rank(c: Certificate): number {
    return (onPath.has(c.sha256) ? 0 : 2) + (aki && !sameKeyId(aki, c.subjectKeyIdentifier) ? 1 : 0)
  }
  let problem: SignerProblem = 'revocation.crl.no-signer'
  for (const c of candidates) {
    const index = onPath.get(c.sha256)
    const spki = effectiveSpki(
      c,
      index === undefined ? undefined : inheritedOnPath(query.path, index),
    )
    const keyId = spki === c.spki ? c.sha256 : `${c.sha256}:${spki.length}:${spki.join(',')}`
    const pending = verifyCrl(crl, keyId, spki, budget)
    if (!pending) return 'revocation.crl.work-limit'
    if (!(await pending)) {
      if (problem === 'revocation.crl.no-signer') problem = 'revocation.crl.signature'
      continue
    }
    if (c.keyUsage && !c.keyUsage.has('cRLSign')) {
      problem = 'revocation.crl.key-usage'
      continue
    }
    if (index !== undefined) return c
    if (validate && (await validate(c, query))) return c
    problem = 'revocation.crl.signer-invalid'
  }
  return problem
}
