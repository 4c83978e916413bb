/**
 * yrd-verify: the public surface (named exports only). Isomorphic: no Node built-ins here;
 * Node-only helpers live behind the `yrd-verify/node` entry.
 */
export { verify, verifyDetailed, sniff } from './verify.js'
export type { VerifyOptions, Sniffed, VerdictPicture } from './verify.js'
export { createVerifier } from './verifier.js'
export type { Verifier, VerifierOptions } from './verifier.js'
export { DEFAULT_LIMITS, LIMIT_NAMES } from './verify-limits.js'
export type { LimitName, VerifyLimits } from './verify-limits.js'
export { validateCertificatePath } from './pki/validate.js'
export type { PathOptions, PathResult } from './pki/validate.js'
export { loadRegistry, defaultRegistry, RegistryError } from './registry/index.js'
export type {
  LoadRegistryOptions,
  Registry,
  RegistryAnchor,
  ServiceType,
  Vouching,
} from './registry/index.js'
export { YrdError, FormatError, LimitError } from './errors.js'
export { allCodes } from './verdict/messages.js'
export type { CodeText, Lang } from './verdict/messages.js'
export type {
  CertificateResult,
  CertificateSummary,
  Check,
  CheckStatus,
  Indication,
  InputKind,
  LicenceSummary,
  Province,
  SealResult,
  SignatureResult,
  Status,
  SubIndication,
  Verdict,
} from './verdict/types.js'
export type { RevocationSource, RevocationStatus } from './pki/revocation-types.js'
export { createCrlSource } from './pki/crl/source.js'
export { createOcspSource } from './pki/ocsp/source.js'
export { buildOcspRequest } from './pki/ocsp/request.js'
export { verifyTimestamp } from './pki/timestamp/verify.js'
export type { TimestampVerification, TimestampVerifyOptions } from './pki/timestamp/verify.js'
export { createTsaChainValidator } from './pki/timestamp/chain.js'
export { createOnlineSource } from './pki/fetch/online-source.js'
export type { OnlineSource, OnlineSourceOptions } from './pki/fetch/online-source.js'
export { parseCertificate } from './pki/certificate.js'
export type { Certificate } from './pki/certificate.js'
