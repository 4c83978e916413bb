/**
 * OFD package reading (GB/T 33190): documents, signatures, references, stamp annotations.
 */
export { readOfd } from './read-ofd.js'
export { sniffOfd } from './sniff.js'
export { DEFAULT_OFD_LIMITS, resolveOfdLimits } from './limits.js'
export type { OfdLimits } from './limits.js'
export { OFD_NAMESPACE } from './package.js'
export { resolveOfdPath } from './paths.js'
export { parseBox } from './stamp-annot.js'
export type {
  OfdAnnotPicture,
  OfdBox,
  OfdCheckMethod,
  OfdDocInfo,
  OfdDocument,
  OfdEvidence,
  OfdFile,
  OfdPage,
  OfdProvider,
  OfdReference,
  OfdReferenceStatus,
  OfdSignature,
  OfdStampAnnot,
} from './types.js'
