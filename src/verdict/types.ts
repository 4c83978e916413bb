/**
 * The verdict: the one result shape every input gets (DESIGN.md "The verdict"). Plain data,
 * aligned with ETSI EN 319 102-1 indications; rendering is the CLI's job.
 */

/** The recognition decision a clerk reads. */
export type Status = 'recognized' | 'rejected' | 'indeterminate'

/** The ETSI EN 319 102-1 main indication. */
export type Indication = 'TOTAL_PASSED' | 'TOTAL_FAILED' | 'INDETERMINATE'

/** ETSI EN 319 102-1 sub-indications, verbatim. */
export type SubIndication =
  | 'FORMAT_FAILURE'
  | 'HASH_FAILURE'
  | 'SIG_CRYPTO_FAILURE'
  | 'REVOKED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'SIG_CONSTRAINTS_FAILURE'
  | 'CHAIN_CONSTRAINTS_FAILURE'
  | 'CERTIFICATE_CHAIN_GENERAL_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE'
  | 'CRYPTO_CONSTRAINTS_FAILURE_NO_POE'
  | 'POLICY_PROCESSING_ERROR'
  | 'SIGNATURE_POLICY_NOT_AVAILABLE'
  | 'TIMESTAMP_ORDER_FAILURE'
  | 'NO_SIGNING_CERTIFICATE_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND'
  | 'NO_CERTIFICATE_CHAIN_FOUND_NO_POE'
  | 'REVOKED_NO_POE'
  | 'REVOKED_CA_NO_POE'
  | 'OUT_OF_BOUNDS_NOT_REVOKED'
  | 'OUT_OF_BOUNDS_NO_POE'
  | 'REVOCATION_OUT_OF_BOUNDS_NO_POE'
  | 'NO_POE'
  | 'TRY_LATER'
  | 'SIGNED_DATA_NOT_FOUND'

export type CheckStatus = 'passed' | 'failed' | 'warning' | 'indeterminate' | 'skipped'

/** One check: a stable dotted code, its outcome, and a message in the requested language. */
export interface Check {
  readonly code: string
  readonly status: CheckStatus
  readonly message: string
  /** The ETSI sub-indication a failed or indeterminate check stands for, if any. */
  readonly subIndication?: SubIndication
  readonly detail?: Readonly<Record<string, unknown>>
}

export interface Province {
  readonly code: string
  readonly name: string
}

/** Identity of a certificate as shown in verdicts. */
export interface CertificateSummary {
  readonly subject: string
  readonly issuer: string
  readonly serialNumber: string
  readonly sha256: string
  readonly notBefore?: string
  readonly notAfter?: string
}

/** A certificate that was itself the subject of verification (kind "certificate"). */
export interface CertificateResult extends CertificateSummary {
  readonly status: Status
  readonly subIndication: SubIndication | null
  readonly province: Province | null
  /** The registry service that vouches for the chain's anchor, if any. */
  readonly service: { readonly id: string; readonly type: string; readonly name: string } | null
  /** The validated (or best attempted) path, this certificate first. */
  readonly chain: readonly CertificateSummary[]
  readonly checks: readonly Check[]
}

export interface SignatureResult {
  readonly id: string
  readonly format: 'cms' | 'ses' | 'jws' | 'timestamp'
  readonly status: Status
  readonly subIndication: SubIndication | null
  readonly signer: CertificateSummary | null
  readonly province: Province | null
  readonly signingTime: string | null
  readonly timestamp: string | null
  readonly coverage: 'entire-file' | 'entire-revision' | 'partial' | null
  readonly modifications: 'none' | 'allowed' | 'disallowed' | null
  readonly chain?: readonly CertificateSummary[]
  readonly checks: readonly Check[]
}

export interface SealResult {
  readonly esID: string
  readonly name: string
  readonly type: number | string
  readonly validFrom: string
  readonly validTo: string
  readonly maker: CertificateSummary | null
  /** The province whose seal-maker service vouches for the maker's chain, if any. */
  readonly province: Province | null
  readonly picture: {
    readonly format: string
    readonly width: number
    readonly height: number
    readonly sha256: string
  } | null
  readonly status: Status
  readonly checks: readonly Check[]
}

/** The licence a document carries (GB/T 36903 metadata), dates as `YYYY-MM-DD`. */
export interface LicenceSummary {
  /** GB/T 36904 identifier (ZZBS). */
  readonly identifier: string | null
  /** The licence type as a clerk reads it (the licence name, ZZMC). */
  readonly type: string | null
  readonly holder: string | null
  readonly issuer: string | null
  readonly issuedOn: string | null
  readonly validFrom: string | null
  readonly validTo: string | null
  /** Licence name (ZZMC). */
  readonly name?: string | null
  /** Licence type code (ZZLXDM). */
  readonly typeCode?: string | null
  /** Number printed on the licence (ZZBH). */
  readonly number?: string | null
  /** Holder ID number (CZZTDM). */
  readonly holderId?: string | null
  /** Holder ID type code (CZZTDMLXDM, e.g. 001 USCC, 111 citizen ID), else its text. */
  readonly holderIdType?: string | null
  /** Issuing authority code (ZZBFJGDM). */
  readonly issuerCode?: string | null
}

export type InputKind = 'pdf' | 'ofd' | 'jws' | 'seal' | 'cms' | 'certificate'

/** The result of verifying one input. */
export interface Verdict {
  /** Set by the CLI only. */
  readonly file?: string
  /** Undefined when the input could not be recognised as any supported kind. */
  readonly kind: InputKind | null
  readonly status: Status
  readonly indication: Indication
  readonly subIndication: SubIndication | null
  readonly province: Province | null
  readonly signatures: readonly SignatureResult[]
  readonly seals: readonly SealResult[]
  /** Certificates verified as the document itself (kind "certificate"). */
  readonly certificates: readonly CertificateResult[]
  readonly licence: LicenceSummary | null
  readonly checks: readonly Check[]
  readonly validationTime: string
  readonly registry: {
    readonly id: string
    readonly sequence: number
    readonly sha256: string
    readonly test: boolean
  }
}
