/**
 * Shapes shared by the certificate-file readers: the evidence they return, their options and
 * the bounds they enforce on attacker-controlled input.
 */

/** The container a certificate file was read from. */
export type CertificateContainer = 'pem' | 'der' | 'pkcs7' | 'pkcs12'

/** What `sniffCertificateInput` recognises from the first structure of a file. */
export type CertificateInputKind = 'pem' | 'der-certificate' | 'pkcs7' | 'pkcs12' | 'crl'

/**
 * Everything a certificate file holds that verification can use. Readers extract; they never
 * decide trust. Private keys are never returned, only whether one was present.
 */
export interface CertificateEvidence {
  readonly container: CertificateContainer
  /** DER certificates in file order. */
  readonly certificates: Uint8Array[]
  /** DER CertificateLists in file order. */
  readonly crls: Uint8Array[]
  /** DER OCSPResponses in file order. */
  readonly ocspResponses: Uint8Array[]
  /** Indexes into `certificates` of the certificates to verify. */
  readonly subjectIndexes: number[]
  readonly hasPrivateKey: boolean
}

/** Options of `readCertificateFile`. */
export interface ReadCertificateOptions {
  /** Password of a PKCS#12 file. Without it the empty password is tried. */
  readonly password?: string
  /** Largest accepted input in bytes (default 50 MiB). */
  readonly maxInputBytes?: number
}

/** Default largest input accepted by the readers. */
export const DEFAULT_MAX_INPUT_BYTES = 50 * 1024 * 1024

/** Most certificates, CRLs and OCSP responses (together) taken from one file. */
export const MAX_ITEMS = 1000

/** Most PEM blocks of any kind read from one file. */
export const MAX_PEM_BLOCKS = 2000
