/**
 * GB/T 38540-2020 and GM/T 0031-2014 electronic seals and seal signatures (named exports).
 */
export { MAX_CERT_LIST, MAX_EXTENSIONS, MAX_SES_BYTES } from './fields.js'
export { declaredFormat, sniffPicture } from './picture.js'
export { parseSeal } from './seal.js'
export { parseSesSignature } from './signature.js'
export { sniffSes } from './sniff.js'
export type {
  PictureFormat,
  SesCertDigest,
  SesCertList,
  SesExtension,
  SesHeader,
  SesNote,
  SesPicture,
  SesProperty,
  SesSeal,
  SesSignature,
  SesVersion,
  SignatureEncoding,
} from './types.js'
