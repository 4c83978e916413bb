/**
 * Licences: GB/T 36904 identifiers, GB/T 36903 metadata, the codes inside them, and signed
 * JSON licences (JWS).
 */
export { isValidCitizenId, isValidUscc, mod3736Check } from './check-characters.js'
export { YRD_PROVINCES, provinceOfDivision } from './divisions.js'
export { licenceFormat, licenceLimit } from './errors.js'
export { LICENCE_IDENTIFIER_ROOT, parseLicenceIdentifier } from './identifier.js'
export type { IdentifierProblem, LicenceIdentifier } from './identifier.js'
export { MAX_JWS_BYTES, jwsSigningInput, readJws } from './jws.js'
export type { JwsEvidence, ReadJwsOptions } from './jws.js'
export { licenceJsonPairs } from './licence-json.js'
export {
  LICENCE_KEYS,
  MANDATORY_KEYS,
  hasLicenceMetadata,
  normaliseDate,
  readLicenceFields,
} from './metadata.js'
export type { LicenceField, LicenceFields } from './metadata.js'
