/**
 * Trust registry: format, loading and signature check, lookup at a point in time.
 */
export { canonicalJson } from './canonical.js'
export type { CanonicalLimits } from './canonical.js'
export { defaultRegistry } from './default.js'
export { RegistryError } from './errors.js'
export type { RegistryErrorCode, RegistryMessage } from './errors.js'
export { MAX_REGISTRY_BYTES, loadRegistry } from './load.js'
export type { LoadRegistryOptions } from './load.js'
export type { Registry } from './registry.js'
export { PROVINCES } from './schema.js'
export { REGISTRY_ALGORITHMS, REGISTRY_JWS_TYPE } from './signature.js'
export type { OperatorJwk, OperatorKey, RegistrySigner } from './signature.js'
export { TEST_OPERATOR_KEY } from './test-operator.js'
export { REGISTRY_FORMAT, SERVICE_TYPES } from './types.js'
export type {
  HistoryPeriod,
  LocalisedName,
  ProvinceCode,
  ProvinceEntry,
  ProvinceRef,
  RecognisedType,
  RecognitionYear,
  RegistryAnchor,
  RegistryDocument,
  RegistrySummary,
  SealPictureEntry,
  SealPictureRef,
  ServiceEntry,
  ServiceStatus,
  ServiceType,
  Vouching,
} from './types.js'
