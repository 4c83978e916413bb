/**
 * In-process figures of the small signed licence: `verify()` and a `createVerifier()` instance
 * (whose caches hold the certificate and CRL signature results, parsed CRLs and paths), beside
 * the rate that the file's raw signature verifications alone allow. The raw bound is measured,
 * not assumed: the primitive verifications one verification asks the crypto backend for are
 * recorded, then replayed against the same backend for a fixed time.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getCryptoBackend, setCryptoBackend } from '../../src/crypto/backend.js'
import type { PrimitiveVerifyRequest } from '../../src/crypto/backend-types.js'
import { createVerifier } from '../../src/verifier.js'
import { verify, type VerifyOptions } from '../../src/verify.js'
import { REPO } from './pdf-run.js'

/** What the small-licence in-process run measured. */
export interface SmallRates {
  readonly status: string
  /** verify() per second. */
  readonly plain: number
  /** createVerifier().verify() per second, warm caches. */
  readonly cached: number
  /** Primitive signature verifications of one verify(), and of one warm verifier call. */
  readonly signaturesPlain: number
  readonly signaturesCached: number
  /** Files per second the raw verifications allow: uncached, and with the verifier's caches. */
  readonly boundPlain: number
  readonly boundCached: number
}

async function rate(fn: () => Promise<unknown>, seconds: number): Promise<number> {
  for (let i = 0; i < 20; i++) await fn()
  let n = 0
  const start = performance.now()
  while (performance.now() - start < seconds * 1000) {
    await fn()
    n++
  }
  return n / ((performance.now() - start) / 1000)
}

/** The primitive verifications `run` asks the active backend for. */
async function recorded(run: () => Promise<unknown>): Promise<PrimitiveVerifyRequest[]> {
  const backend = getCryptoBackend()
  const seen: PrimitiveVerifyRequest[] = []
  setCryptoBackend({
    name: backend.name,
    createHasher: (name) => backend.createHasher(name),
    verify: (req) => {
      seen.push(req)
      return backend.verify(req)
    },
  })
  try {
    await run()
  } finally {
    setCryptoBackend(backend)
  }
  return seen
}

/** Files per second if only `requests` had to be verified, per file. */
async function bound(requests: readonly PrimitiveVerifyRequest[], seconds: number) {
  if (requests.length === 0) return Number.POSITIVE_INFINITY
  const backend = getCryptoBackend()
  return rate(async () => {
    for (const r of requests) await backend.verify(r)
  }, seconds)
}

/** Measures the small licence in process (see the file comment). */
export async function smallInProcess(
  file: string,
  crlFile: string,
  seconds = 1.5,
): Promise<SmallRates> {
  const bytes = new Uint8Array(readFileSync(join(REPO, file)))
  const crls = [new Uint8Array(readFileSync(join(REPO, crlFile)))]
  const options: VerifyOptions = { crls }
  const verifier = createVerifier(options)
  const first = await verify(bytes, options)
  await verifier.verify(bytes)
  const plainRequests = await recorded(() => verify(bytes, options))
  const cachedRequests = await recorded(() => verifier.verify(bytes))
  return {
    status: String(first.status),
    plain: await rate(() => verify(bytes, options), seconds),
    cached: await rate(() => verifier.verify(bytes), seconds),
    signaturesPlain: plainRequests.length,
    signaturesCached: cachedRequests.length,
    boundPlain: await bound(plainRequests, seconds),
    boundCached: await bound(cachedRequests, seconds),
  }
}
