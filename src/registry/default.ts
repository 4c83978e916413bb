/**
 * The embedded TEST registry, loaded once. Its JWS is verified against the built-in TEST
 * operator key by the test suite, not on every start (see `loadEmbeddedRegistry`).
 */
import { loadEmbeddedRegistry } from './load.js'
import type { Registry } from './registry.js'

let cached: Promise<Registry> | undefined

/**
 * Loads the built-in TEST registry (`test: true`): schema and validity are checked; its
 * signature by the built-in TEST operator key is checked by the test suite (it ships with
 * that key in the same package). The result is cached; a failed load is not cached, so a
 * later call tries again.
 *
 * @throws RegistryError when the embedded registry does not verify (for instance once its
 *   `nextUpdate` has passed)
 * @example
 * ```ts
 * const registry = await defaultRegistry()
 * registry.summary() // { id: 'yrd-test-registry', sequence: 1, sha256: '…', test: true }
 * ```
 */
export function defaultRegistry(): Promise<Registry> {
  if (cached === undefined) {
    const loading = import('./builtin/test-registry.json', { with: { type: 'json' } }).then(
      (module) => loadEmbeddedRegistry(module.default as object),
    )
    cached = loading
    loading.catch(() => {
      if (cached === loading) cached = undefined
    })
  }
  return cached
}
