/**
 * The shared samples and conformance suites sit beside the checkout (`../shared`), wherever
 * the checkout itself is, as CI clones it.
 */
import { fileURLToPath } from 'node:url'

export const SHARED = fileURLToPath(new URL('../../shared', import.meta.url))
