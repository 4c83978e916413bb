/**
 * A verifier instance: options fixed once, and caches shared by every input it verifies
 * (parsed anchors, registry answers, certificate and CRL signature results, parsed CRLs,
 * structurally valid paths). Every cache is keyed by content (DER digests) and bounded, and a
 * hit gives the verdict a miss would: see src/pki/cache.ts.
 */
import { createChainCache } from './evaluate/chain.js'
import { DerItemsMemo } from './evaluate/der-inputs.js'
import { createPkiCache } from './pki/cache.js'
import type { Verdict } from './verdict/types.js'
import {
  parseAnchors,
  verifyWith,
  type VerdictPicture,
  type VerifierShared,
  type VerifyOptions,
} from './verify.js'
import { checkLimits } from './verify-limits.js'
import { PLAIN } from './shape.js'

/** Options of {@link createVerifier}: the defaults of every call, and the cache size. */
export interface VerifierOptions extends VerifyOptions {
  /** Entries each cache holds at most (the oldest is dropped first); default 4096. */
  readonly cacheSize?: number
}

/** Verifies inputs with shared caches; per-call options override the instance's. */
export interface Verifier {
  /** Like the package's `verify()`. */
  verify(input: Uint8Array, options?: VerifyOptions): Promise<Verdict>
  /** Like the package's `verifyDetailed()`. */
  verifyDetailed(
    input: Uint8Array,
    options?: VerifyOptions,
  ): Promise<{ verdict: Verdict; pictures: VerdictPicture[] }>
}

/**
 * Creates a verifier whose calls share caches, for services and batch runs that verify many
 * inputs issued by the same few authorities. The instance's options are the defaults of each
 * call. Throws YrdError `input.limits` for invalid limits, RangeError for a bad cache size.
 * @example
 * const verifier = createVerifier({ crls: [crl], limits: { chainDepth: 6 } })
 * for (const bytes of inputs) results.push(await verifier.verify(bytes))
 */
export function createVerifier(options: VerifierOptions = {}): Verifier {
  const { cacheSize, ...defaults } = options
  checkLimits(defaults.limits)
  const size = cacheSize ?? 4096
  const shared: VerifierShared = {
    cache: createChainCache(createPkiCache({ maxEntries: size }), size),
    anchors: parseAnchors(defaults.trustAnchors),
    inputs: new DerItemsMemo(),
  }
  const run = (input: Uint8Array, call: VerifyOptions = {}, pictures = true) =>
    verifyWith(input, { ...PLAIN, ...defaults, ...call }, shared, pictures)
  return {
    verify: async (input, call) => (await run(input, call, false)).verdict,
    verifyDetailed: (input, call) => run(input, call),
  }
}
