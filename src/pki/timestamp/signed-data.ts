/**
 * The SignedData reader moved to `src/pki/cms/`; these named re-exports keep older imports
 * (the AIA issuer fetcher) working.
 */
export { MAX_CMS_CERTIFICATES, MAX_CMS_SIGNERS, parseSignedData } from '../cms/signed-data.js'
export type { CmsAttribute, SignedData, SignerIdentifier, SignerInfo } from '../cms/signed-data.js'
