/**
 * Maps `References/@CheckMethod` to a supported digest: the SM3 OID or the literal "SM3",
 * and the SHA-256 OID or names. Anything else, or no attribute at all, is unsupported.
 */
import type { OfdCheckMethod } from './types.js'

const METHODS: Readonly<Record<string, 'SM3' | 'SHA-256'>> = {
  '1.2.156.10197.1.401': 'SM3',
  sm3: 'SM3',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  'sha-256': 'SHA-256',
  sha256: 'SHA-256',
}

/** Interprets a CheckMethod value as written (null when absent). */
export function checkMethodOf(raw: string | undefined): OfdCheckMethod {
  if (raw === undefined) return { raw: null, hash: null }
  const key = raw.trim().toLowerCase()
  return { raw, hash: Object.hasOwn(METHODS, key) ? METHODS[key]! : null }
}
