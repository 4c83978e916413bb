/**
 * Safe zip reading (stored and deflate entries, bounded, CRC-checked).
 */
export { readZip } from './read-zip.js'
export type { ZipArchive, ZipEntryInfo } from './read-zip.js'
export { DEFAULT_ZIP_LIMITS, resolveZipLimits } from './limits.js'
export type { ZipLimits } from './limits.js'
export { crc32 } from './crc32.js'
