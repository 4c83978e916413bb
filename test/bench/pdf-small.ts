/**
 * In-process figures of the small signed licence: `verify()` and a `createVerifier()` instance
 * (whose caches hold the certificate and CRL signature results, parsed CRLs and paths), beside
 * the rate that the file's raw signature verifications alone allow. The raw bound is measured,
 * not assumed: the primitive verifications one verification asks the crypto backend for (and
 * the SM2 verifications, which our own code makes) are recorded, then replayed for a fixed time.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { getCryptoBackend, setCryptoBackend } from '../../src/crypto/backend.js'
import type { PrimitiveVerifyRequest } from '../../src/crypto/backend-types.js'
import {
  setVerificationObserver,
  verifySignature,
  type VerifySignatureRequest,
} from '../../src/crypto/verify.js'
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

/** Steady-state calls per second: half a second of warm-up (V8 optimises hot code only after
 *  many calls), then `seconds` measured. */
async function rate(fn: () => Promise<unknown>, seconds: number): Promise<number> {
  const warm = performance.now()
  while (performance.now() - warm < 500) await fn()
  let n = 0
  const start = performance.now()
  while (performance.now() - start < seconds * 1000) {
    await fn()
    n++
  }
  return n / ((performance.now() - start) / 1000)
}

/** What one run asked to verify: primitives the backend saw, and SM2 checks (our own code). */
interface Recorded {
  readonly primitives: PrimitiveVerifyRequest[]
  readonly sm2: VerifySignatureRequest[]
}

const SM2_OIDS = new Set(['1.2.156.10197.1.501'])

/** The verifications `run` asks for (SM2 does not go through the backend, so it is seen apart). */
async function recorded(run: () => Promise<unknown>): Promise<Recorded> {
  const backend = getCryptoBackend()
  const out: Recorded = { primitives: [], sm2: [] }
  setCryptoBackend({
    name: backend.name,
    createHasher: (name) => backend.createHasher(name),
    verify: (req) => {
      out.primitives.push(req)
      return backend.verify(req)
    },
  })
  setVerificationObserver((req) => {
    if (SM2_OIDS.has(req.algorithm.oid)) out.sm2.push(req)
  })
  try {
    await run()
  } finally {
    setCryptoBackend(backend)
    setVerificationObserver(undefined)
  }
  return out
}

/** Files per second if only the recorded verifications had to be made, per file. */
async function bound(requests: Recorded, seconds: number) {
  if (requests.primitives.length + requests.sm2.length === 0) return Number.POSITIVE_INFINITY
  const backend = getCryptoBackend()
  return rate(async () => {
    for (const r of requests.primitives) await backend.verify(r)
    for (const r of requests.sm2) await verifySignature(r)
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
    signaturesPlain: plainRequests.primitives.length + plainRequests.sm2.length,
    signaturesCached: cachedRequests.primitives.length + cachedRequests.sm2.length,
    boundPlain: await bound(plainRequests, seconds),
    boundCached: await bound(cachedRequests, seconds),
  }
}
