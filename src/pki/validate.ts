/**
 * Public entry point of RFC 5280 certification path validation: `validateCertificatePath`.
 */
import type { Certificate } from './certificate.js'
import { runEngine, type EngineInputs } from './path/engine.js'
import { parseMany, parseTarget } from './path/input.js'
import { ANY_POLICY } from './path/policy-tree.js'
import type { PathOptions, PathResult, WorkLimits } from './path/types.js'
import type { RevocationSource } from './revocation-types.js'

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

const DEFAULT_DEPTH = 10
const DEFAULT_CANDIDATES = 5000
const DEFAULT_SIGNATURES = 200

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
 * certificate itself cannot be parsed.
 * @example
 * const r = await validateCertificatePath({ certificate: der, trustAnchors: [root] })
 * if (!r.valid) console.log(r.reason, r.message)
 */
export async function validateCertificatePath(options: PathOptions): Promise<PathResult> {
  const leaf = parseTarget(options.certificate)
  const intermediates = parseMany(options.intermediates)
  const anchors = anchorsOf(options)
  const work = limits(options.maxWork)
  const sources: RevocationSource[] = [...(options.revocationSources ?? [])]
  const inputs: EngineInputs = {
    leaf,
    intermediates,
    anchors,
    time: options.time ?? new Date(),
    mode: options.revocation ?? 'require',
    sources,
    policy: {
      initialPolicySet: options.policy?.initialPolicySet ?? [ANY_POLICY],
      explicitPolicy: options.policy?.explicitPolicy ?? false,
      policyMappingInhibit: options.policy?.policyMappingInhibit ?? false,
      anyPolicyInhibit: options.policy?.anyPolicyInhibit ?? false,
    },
    maxDepth: options.maxDepth ?? DEFAULT_DEPTH,
    maxCandidates: work.candidates,
    maxSignatures: work.signatures,
    ...(options.keyUsage ? { keyUsage: options.keyUsage } : {}),
    ...(options.extendedKeyUsage ? { extendedKeyUsage: options.extendedKeyUsage } : {}),
  }
  return runEngine(inputs)
}
