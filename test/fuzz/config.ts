/**
 * Run counts and seeds of the fuzz properties. The test suite uses a small, fixed budget and
 * fixed seeds (reproducible in CI); `npm run fuzz` sets FUZZ_RUNS for a long run, with a fresh
 * seed unless FUZZ_SEED is given. fast-check prints the seed and path of any failure.
 */
import type { Parameters } from 'fast-check'

const longRuns = Number(process.env.FUZZ_RUNS ?? '')
const fixedSeed = Number(process.env.FUZZ_SEED ?? '')

/** True in a long run (`npm run fuzz`). */
export const LONG = Number.isSafeInteger(longRuns) && longRuns > 0

/** fast-check parameters of one property: `short` runs in the test suite, FUZZ_RUNS otherwise. */
export function fuzzParameters(name: string, short: number): Parameters<unknown> {
  let seed: number
  if (Number.isSafeInteger(fixedSeed) && process.env.FUZZ_SEED) seed = fixedSeed
  else if (LONG) seed = Date.now() ^ (Math.random() * 0x7fffffff)
  else seed = [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7)
  return { numRuns: LONG ? longRuns : short, seed, endOnFailure: LONG ? false : true }
}

/** Vitest time-out of a property test: generous for a long run, one minute otherwise. */
export function testTimeout(short: number, perRunMs = 150): number {
  return LONG ? Math.max(60_000, longRuns * perRunMs * 2) : Math.max(60_000, short * perRunMs)
}
