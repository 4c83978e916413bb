/**
 * Public entry point of RFC 5280 certification path validation: `validateCertificatePath`.
 */
import { YrdError } from '../errors.js'
import type { Certificate } from './certificate.js'
import { WorkBudget } from './path/budget.js'
import { runEngine, type EngineInputs } from './path/engine.js'
import { parseMany, parseTarget } from './path/input.js'
import { ANY_POLICY } from './path/policy-tree.js'
import type { PathOptions, PathResult, WorkLimits } from './path/types.js'
import type { RevocationQuery, RevocationSource } from './revocation-types.js'
import { createCrlSource } from './crl/source.js'
import { createOcspSource } from './ocsp/source.js'
import { PLAIN } from '../shape.js'

export type {
  AnchorProvider,
  CertificateInput,
  CertificateRevocation,
  PathOptions,
  PathResult,
  PolicyOptions,
  RevocationMode,
  WorkLimits,
} from './path/types.js'
export { PATH_CODES } from './path/codes.js'
export type { PathCodeInfo, PathReason, PathSubIndication } from './path/codes.js'

/** Default bounds of one path search: length, candidate issuer steps, signature checks. */
export const DEFAULT_PATH_LIMITS = Object.freeze({ depth: 10, candidates: 5000, signatures: 200 })
const DEFAULT_DEPTH = DEFAULT_PATH_LIMITS.depth
const DEFAULT_CANDIDATES = DEFAULT_PATH_LIMITS.candidates
const DEFAULT_SIGNATURES = DEFAULT_PATH_LIMITS.signatures
/** How deep CRL-signer validations may nest (a signer whose CRL has its own signer, ...). */
const MAX_SIGNER_NESTING = 3

function limits(maxWork: WorkLimits | number | undefined): Required<WorkLimits> {
  if (typeof maxWork === 'number') return { candidates: maxWork, signatures: DEFAULT_SIGNATURES }
  return {
    candidates: maxWork?.candidates ?? DEFAULT_CANDIDATES,
    signatures: maxWork?.signatures ?? DEFAULT_SIGNATURES,
  }
}

function anchorsOf(options: PathOptions): Certificate[] {
  const fromRegistry = options.registry ? options.registry.anchors().map((a) => a.der) : []
  return parseMany([...(options.trustAnchors ?? []), ...fromRegistry])
}

/**
 * Builds and validates a certification path from `options.certificate` to one of the trust
 * anchors (RFC 5280 §6.1), with revocation checking from the CRLs, OCSP responses and sources
 * given. Tries every candidate path (backtracking) within the work bounds and returns the first
 * valid one, else the most informative failure. Throws FormatError only when the target
 * certificate itself cannot be parsed, and YrdError `input.time` for an invalid `time`.
 * @example
 * const r = await validateCertificatePath({ certificate: der, trustAnchors: [root] })
 * if (!r.valid) refuse(r.reason, r.message)
 */
export async function validateCertificatePath(options: PathOptions): Promise<PathResult> {
  const time = options.time ?? new Date()
  if (Number.isNaN(time.getTime())) {
    throw new YrdError('input.time', 'invalid validation time / 验证时间无效')
  }
  const leaf = parseTarget(options.certificate)
  const intermediates = parseMany(options.intermediates)
  const anchors = anchorsOf(options)
  const work = limits(options.maxWork)
  const sources: RevocationSource[] = []
  const inputs: EngineInputs = {
    leaf,
    intermediates,
    anchors,
    time,
    mode: options.revocation ?? 'require',
    sources,
    policy: {
      initialPolicySet: options.policy?.initialPolicySet ?? [ANY_POLICY],
      explicitPolicy: options.policy?.explicitPolicy ?? false,
      policyMappingInhibit: options.policy?.policyMappingInhibit ?? false,
      anyPolicyInhibit: options.policy?.anyPolicyInhibit ?? false,
    },
    maxDepth: options.maxDepth ?? DEFAULT_DEPTH,
    budget: new WorkBudget(work.candidates, work.signatures, options.cache?.certificateSignatures),
    ...(options.cache ? { paths: options.cache.paths } : {}),
    ...(options.keyUsage ? { keyUsage: options.keyUsage } : {}),
    ...(options.extendedKeyUsage ? { extendedKeyUsage: options.extendedKeyUsage } : {}),
  }
  if (inputs.mode !== 'off') {
    const crlSources: RevocationSource[] = []
    if (options.crls?.length) {
      const validateSigner = signerValidator(inputs)
      crlSources.push(
        createCrlSource(options.crls, {
          certificates: intermediates,
          validateSigner,
          ...(options.cache ? { cache: options.cache } : {}),
        }),
      )
    }
    if (options.ocspResponses?.length) {
      sources.push(createOcspSource(options.ocspResponses, { responderRevocation: crlSources }))
    }
    sources.push(...crlSources)
    sources.push(...(options.revocationSources ?? []))
  }
  return runEngine(inputs)
}

/**
 * Validation of CRL signers that are not on the path: their own path must reach the same
 * anchor, with the same revocation mode, at the same time (RFC 5280 §6.3.3 (f)). Re-entry for a
 * signer already being validated (a CRL signing key whose status is on a CRL it signed itself)
 * is answered "valid" so that the outer validation of that signer decides.
 */
function signerValidator(
  outer: EngineInputs,
): (s: Certificate, q: RevocationQuery) => Promise<boolean> {
  const inProgress = new Set<string>()
  const memo = new Map<string, boolean>()
  return async (signer, query) => {
    const anchor = query.path[query.path.length - 1]
    if (!anchor) return false
    const key = `${signer.sha256}|${anchor.sha256}|${query.time.getTime()}`
    if (inProgress.has(key)) return true
    if (inProgress.size >= MAX_SIGNER_NESTING) return false
    const hit = memo.get(key)
    if (hit !== undefined) return hit
    // A result computed inside another signer's validation may rest on a provisional answer
    // for that signer; only outermost results are remembered.
    const outermost = inProgress.size === 0
    inProgress.add(key)
    const base: EngineInputs = { ...outer }
    delete (base as { extendedKeyUsage?: unknown }).extendedKeyUsage
    let run: boolean
    try {
      const r = await runEngine({
        ...PLAIN,
        ...base,
        leaf: signer,
        anchors: [anchor],
        time: query.time,
        policy: {
          initialPolicySet: [ANY_POLICY],
          explicitPolicy: false,
          policyMappingInhibit: false,
          anyPolicyInhibit: false,
        },
        keyUsage: ['cRLSign'],
      })
      run = r.valid
    } finally {
      inProgress.delete(key)
    }
    if (outermost) memo.set(key, run)
    return run
  }
}
