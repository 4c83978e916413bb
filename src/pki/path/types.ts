/**
 * Public option and result types of certification path validation.
 */
import type { PkiCache } from '../cache.js'
import type { Certificate } from '../certificate.js'
import type { KeyUsageName } from '../extensions.js'
import type { RevocationSource, RevocationStatus } from '../revocation-types.js'
import type { PathReason, PathSubIndication } from './codes.js'

/** A certificate as DER bytes, PEM text bytes, or already parsed. */
export type CertificateInput = Uint8Array | Certificate

/** Anything that can list trust anchors (the trust registry, structurally). */
export interface AnchorProvider {
  anchors(): readonly { readonly der: Uint8Array }[]
}

/** RFC 5280 §6.1.1 initial policy inputs. */
export interface PolicyOptions {
  /** user-initial-policy-set; default { anyPolicy }. */
  readonly initialPolicySet?: readonly string[]
  readonly explicitPolicy?: boolean
  readonly policyMappingInhibit?: boolean
  readonly anyPolicyInhibit?: boolean
}

/** How revocation is checked: required for every certificate, used when present, or not. */
export type RevocationMode = 'require' | 'if-available' | 'off'

/** Options of {@link validateCertificatePath}. */
export interface PathOptions {
  /** The end-entity (target) certificate. */
  readonly certificate: CertificateInput
  /** Candidate intermediates, in any order; PEM inputs may hold several certificates. */
  readonly intermediates?: readonly CertificateInput[]
  readonly trustAnchors?: readonly CertificateInput[]
  readonly registry?: AnchorProvider
  /** Validation time; default now. */
  readonly time?: Date
  /** DER or PEM CRLs. */
  readonly crls?: readonly Uint8Array[]
  /** DER OCSP responses. */
  readonly ocspResponses?: readonly Uint8Array[]
  /** Default 'require'. */
  readonly revocation?: RevocationMode
  /** Key usages the end-entity must allow (when it has a keyUsage extension). */
  readonly keyUsage?: readonly KeyUsageName[]
  /**
   * Extended key usages (OIDs) the end-entity must allow when it has an extKeyUsage
   * extension. anyExtendedKeyUsage in the certificate is accepted only when this list
   * contains it too.
   */
  readonly extendedKeyUsage?: readonly string[]
  /** Maximum number of certificates in a path, not counting the anchor; default 10. */
  readonly maxDepth?: number
  readonly policy?: PolicyOptions
  /** Extra revocation sources, asked after the CRL and OCSP sources built from the inputs. */
  readonly revocationSources?: readonly RevocationSource[]
  /** Work bounds of path building. */
  readonly maxWork?: WorkLimits | number
  /**
   * Caches shared across validations (`createPkiCache()`): certificate and CRL signature
   * results, parsed CRLs, paths that passed. A hit gives the same result as a miss.
   */
  readonly cache?: PkiCache
}

/** Bounds of path building; a number sets `candidates`. */
export interface WorkLimits {
  /** Candidate issuer steps; default 5000. */
  readonly candidates?: number
  /** Signature verifications; default 200. */
  readonly signatures?: number
}

/** Revocation status of one certificate of the path. */
export interface CertificateRevocation {
  /** Index in `path` (0 = end-entity). */
  readonly index: number
  readonly status: RevocationStatus
}

/** Result of {@link validateCertificatePath}. */
export interface PathResult {
  readonly valid: boolean
  /** ETSI sub-indication when not valid. */
  readonly subIndication?: PathSubIndication
  readonly reason: PathReason
  /** Chinese and English text. */
  readonly message: string
  /** Leaf first, ending at the anchor; the most informative path tried when invalid. */
  readonly path: readonly Certificate[]
  readonly anchor?: Certificate
  /** Index in `path` of the certificate the failure is about, when there is one. */
  readonly failedIndex?: number
  /** Status per non-anchor certificate of `path` (empty when revocation was not checked). */
  readonly revocation: readonly CertificateRevocation[]
  /** The user-constrained policy set of a valid path (policy OIDs; anyPolicy when any). */
  readonly policies?: readonly string[]
  /** explicitText of the UserNotice qualifiers on the branches of the valid policies. */
  readonly userNotices?: readonly string[]
  /** Number of complete candidate paths (reaching an anchor) that were evaluated. */
  readonly attempts: number
}
