/**
 * The contract between path validation and the sources of revocation status (CRLs, OCSP
 * responses, an online fetcher). Path validation asks each source in turn; the first definite
 * answer ('good' or 'revoked') wins, and 'unknown' means "this source cannot tell".
 */
import type { Certificate } from './certificate.js'

/** RFC 5280 CRLReason names, also used for OCSP revokedInfo. */
export type RevocationReason =
  | 'unspecified'
  | 'keyCompromise'
  | 'cACompromise'
  | 'affiliationChanged'
  | 'superseded'
  | 'cessationOfOperation'
  | 'certificateHold'
  | 'removeFromCRL'
  | 'privilegeWithdrawn'
  | 'aACompromise'

/** What one source says about one certificate at one time. */
export interface RevocationStatus {
  readonly status: 'good' | 'revoked' | 'unknown'
  readonly source: 'crl' | 'delta-crl' | 'ocsp' | 'none'
  /** When the certificate was revoked, for status 'revoked'. */
  readonly revokedAt?: Date
  readonly reason?: RevocationReason
  /** thisUpdate / producedAt of the evidence used. */
  readonly thisUpdate?: Date
  readonly nextUpdate?: Date
  /** Stable dotted code explaining an 'unknown' (e.g. 'revocation.crl.signature'). */
  readonly code?: string
  /** Human-readable detail, Chinese and English. */
  readonly message?: string
}

/** The question a source answers. */
export interface RevocationQuery {
  readonly certificate: Certificate
  readonly issuer: Certificate
  /** The validation time. */
  readonly time: Date
  /** The rest of the path being validated, leaf first (for sources that need context). */
  readonly path: readonly Certificate[]
}

/** A source of revocation status. Sources never throw: failures become 'unknown'. */
export interface RevocationSource {
  readonly name: string
  check(query: RevocationQuery): Promise<RevocationStatus>
}
