/**
 * In-process figures of one small licence (PDF, OFD or signed JSON): `verify()` and a
 * `createVerifier()` instance (whose caches hold the certificate and CRL signature results,
 * parsed CRLs and paths), beside the rate that the file's raw signature verifications alone
 * allow. The raw bound is measured, not assumed: the primitive verifications one verification
 * asks the crypto backend for (and the SM2 verifications, which our own code makes) are
 * recorded, then replayed for a fixed time. Verifications the library makes outside
 * `verifySignature` (the JWS signature itself) cannot be recorded; the caller passes them.
 * The rates are those of the built library (`dist/node.js`, which `npm run bench` builds
 * first), the code a service runs; the recording uses the sources, which make the same calls.
 *
 * With `signedBytes` (the PDF rows) a second bound adds hashing the bytes each signature
 * signs to the same replay: what any verifier of the file must compute, parsing aside.
 *
 * This machine is shared: a rate measured for a second and compared with another measured a
 * few seconds later moves by ±20% with the neighbours' load. So the verifier and the raw
 * bounds run interleaved, in short windows, round after round: each rate is its calls over its
 * time in all rounds, and each share of a raw bound is the median of the shares of the rounds,
 * where both were measured within a second of each other. `verify()` alone (no caches) is
 * measured the same way, in rounds of its own after the verifier's. Beside the wall-clock
 * share stands the share by processor time (the process's, all threads, so a verification's
 * concurrent garbage collection and compilation count against it).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { getCryptoBackend, setCryptoBackend } from '../../src/crypto/backend.js'
import { hash } from '../../src/crypto/hash.js'
import type { HashName } from '../../src/crypto/hash-types.js'
import type { PrimitiveVerifyRequest } from '../../src/crypto/backend-types.js'
import {
  setVerificationObserver,
  verifySignature,
  type VerifySignatureRequest,
} from '../../src/crypto/verify.js'
import { createVerifier } from '../../src/verifier.js'
import { verify, type VerifyOptions } from '../../src/verify.js'
import { median, REPO } from './pdf-run.js'

/** What the in-process run of one licence measured. */
export interface LicenceRates {
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
  /** Median over the rounds of plain / boundPlain and cached / boundPlain (see the file comment). */
  readonly sharePlain: number
  readonly shareCached: number
  /** Lowest and highest per-round share of cached / boundPlain: how much the rounds agree. */
  readonly shareCachedRange: readonly [number, number]
  /** The median share of cached / boundPlain with both rates by processor time. */
  readonly shareCachedCpu: number
  /** cached and boundPlain per second of processor time. */
  readonly cachedCpu: number
  readonly boundPlainCpu: number
  /** With `signedBytes`: files/s of the verifications plus the digests of the signed bytes,
   *  and the median share of cached against it (else undefined). */
  readonly boundDigest?: number
  readonly shareCachedDigest?: number
  /** Interleaved rounds measured. */
  readonly rounds: number
}

/** Steady-state calls per second: half a second of warm-up (V8 optimises hot code only after
 *  many calls), then `seconds` measured. */
export async function steadyRate(fn: () => Promise<unknown>, seconds: number): Promise<number> {
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

/** What one run asked to verify: primitives the backend saw, and requests replayed through
 *  `verifySignature` (SM2, which our own code makes, and the unrecorded ones passed in). */
interface Recorded {
  readonly primitives: PrimitiveVerifyRequest[]
  readonly fronted: VerifySignatureRequest[]
}

const SM2_OIDS = new Set(['1.2.156.10197.1.501'])

/** The verifications `run` asks for (SM2 does not go through the backend, so it is seen apart). */
async function recorded(
  run: () => Promise<unknown>,
  unrecorded: readonly VerifySignatureRequest[],
): Promise<Recorded> {
  const backend = getCryptoBackend()
  const out: Recorded = { primitives: [], fronted: [...unrecorded] }
  setCryptoBackend({
    name: backend.name,
    createHasher: (name) => backend.createHasher(name),
    verify: (req) => {
      out.primitives.push(req)
      return backend.verify(req)
    },
  })
  setVerificationObserver((req) => {
    if (SM2_OIDS.has(req.algorithm.oid)) out.fronted.push(req)
  })
  try {
    await run()
  } finally {
    setCryptoBackend(backend)
    setVerificationObserver(undefined)
  }
  return out
}

/** Bytes a signature's digest covers, and the hash it uses (see InProcessOptions). */
export interface SignedBytes {
  readonly hash: HashName
  readonly data: Uint8Array
}

/** One file's recorded verifications (and `digests`), replayed alone; undefined if none. */
function replay(
  requests: Recorded,
  digests: readonly SignedBytes[] = [],
): (() => Promise<void>) | undefined {
  if (requests.primitives.length + requests.fronted.length === 0) return undefined
  const backend = getCryptoBackend()
  return async () => {
    for (const d of digests) hash(d.hash, d.data)
    for (const r of requests.primitives) await backend.verify(r)
    for (const r of requests.fronted) await verifySignature(r)
  }
}

/**
 * Calls of `fn` in a window of at least `ms`: how many, the milliseconds they took, and the
 * processor time the process spent meanwhile (all its threads: a verification's garbage
 * collection and compilation count against it).
 */
async function windowOf(fn: () => Promise<unknown>, ms: number) {
  let calls = 0
  const cpu = process.cpuUsage()
  const start = performance.now()
  let now = start
  while (now - start < ms) {
    await fn()
    calls++
    now = performance.now()
  }
  const used = process.cpuUsage(cpu)
  return { calls, ms: now - start, cpuMs: (used.user + used.system) / 1000 }
}

/** Warm-up per workload, twice in turn: V8 settles the hot code of a whole verification only
 *  after a few seconds of it on this machine (measured: 3 s from the first call). */
const WARM_MS = 750
const ROUND_MS = 250

/**
 * Rates of `work` measured interleaved (see the file comment): totals per workload, and the
 * per-round rates for shares.
 */
async function interleaved<K extends string>(
  work: Record<K, () => Promise<unknown>>,
  seconds: number,
): Promise<{
  rates: Record<K, number>
  rounds: Record<K, number[]>
  cpuRates: Record<K, number>
  cpuRounds: Record<K, number[]>
}> {
  const keys = Object.keys(work) as K[]
  for (let pass = 0; pass < 2; pass++) for (const k of keys) await windowOf(work[k], WARM_MS)
  const calls = {} as Record<K, number>
  const ms = {} as Record<K, number>
  const cpuMs = {} as Record<K, number>
  const rounds = {} as Record<K, number[]>
  const cpuRounds = {} as Record<K, number[]>
  for (const k of keys) [calls[k], ms[k], cpuMs[k], rounds[k], cpuRounds[k]] = [0, 0, 0, [], []]
  const count = Math.max(4, Math.round((seconds * 1000) / ROUND_MS))
  for (let r = 0; r < count; r++) {
    for (const k of keys) {
      const w = await windowOf(work[k], ROUND_MS)
      calls[k] += w.calls
      ms[k] += w.ms
      cpuMs[k] += w.cpuMs
      rounds[k].push((1000 * w.calls) / w.ms)
      cpuRounds[k].push((1000 * w.calls) / w.cpuMs)
    }
  }
  const rates = {} as Record<K, number>
  const cpuRates = {} as Record<K, number>
  for (const k of keys) {
    rates[k] = (1000 * calls[k]) / ms[k]
    cpuRates[k] = (1000 * calls[k]) / cpuMs[k]
  }
  return { rates, rounds, cpuRates, cpuRounds }
}

/** Options of {@link measureInProcess}. */
export interface InProcessOptions {
  /** Seconds measured per figure (after the warm-up). */
  readonly seconds?: number
  /** Signature verifications the library makes outside `verifySignature` on every call (so
   *  the recorder cannot see them), added to both raw bounds. */
  readonly unrecorded?: (bytes: Uint8Array) => VerifySignatureRequest[]
  /**
   * Distinct documents of the same kind and issuer (distinct-pdfs.ts), verified in turn for
   * the rates instead of `file` again and again; each must get `file`'s verdict status.
   */
  readonly documents?: readonly Uint8Array[]
  /**
   * The bytes each signature of `file` digests (a PDF's ByteRange slices), hashed alongside
   * the replayed verifications for a second raw bound: verifying a signature means hashing
   * what it signs and checking the signature value, and no verifier skips either.
   */
  readonly signedBytes?: (bytes: Uint8Array) => SignedBytes[]
}

type Library = typeof import('../../src/node.js')

/** The built library (see the file comment). */
async function built(): Promise<Library> {
  const path = join(REPO, 'dist/node.js')
  try {
    return (await import(pathToFileURL(path).href)) as Library
  } catch (e) {
    throw new Error(`bench: ${path} does not load; run npm run build first`, { cause: e })
  }
}

/** Measures one licence, repository-relative paths, in process (see the file comment). */
export async function measureInProcess(
  file: string,
  crlFiles: readonly string[],
  o: InProcessOptions = {},
): Promise<LicenceRates> {
  const seconds = o.seconds ?? 2
  const bytes = new Uint8Array(readFileSync(join(REPO, file)))
  const crls = crlFiles.map((c) => new Uint8Array(readFileSync(join(REPO, c))))
  const options: VerifyOptions = { crls }
  const verifier = createVerifier(options)
  const first = await verify(bytes, options)
  await verifier.verify(bytes)
  const extra = o.unrecorded?.(bytes) ?? []
  for (const r of extra) {
    // A replayed signature that fails would make the bound meaningless.
    if (!(await verifySignature(r)).valid) throw new Error(`bench: ${file}: replay fails`)
  }
  const plainRequests = await recorded(() => verify(bytes, options), extra)
  const cachedRequests = await recorded(() => verifier.verify(bytes), extra)
  const lib = await built()
  const documents = o.documents ?? [bytes]
  for (const [i, d] of documents.entries()) {
    const status = (await lib.verify(d, options)).status
    if (status !== first.status) throw new Error(`bench: ${file}: copy ${i} is ${status}`)
  }
  const service = lib.createVerifier(options)
  let next = 0
  const inTurn = () => documents[next++ % documents.length]!
  const none = async () => {}
  const boundPlain = replay(plainRequests)
  const boundCached = replay(cachedRequests)
  const signed = o.signedBytes?.(bytes) ?? []
  const boundDigest = signed.length > 0 ? replay(plainRequests, signed) : undefined
  // A service keeps one verifier and never calls verify() alone: its rate is measured apart,
  // after the rounds, so that its other paths and garbage do not run in between.
  const { rates, rounds, cpuRates, cpuRounds } = await interleaved(
    {
      cached: () => service.verify(inTurn()),
      boundPlain: boundPlain ?? none,
      boundCached: boundCached ?? none,
      boundDigest: boundDigest ?? none,
    },
    seconds,
  )
  const alone = await interleaved(
    { plain: () => lib.verify(inTurn(), options), boundPlain: boundPlain ?? none },
    seconds / 2,
  )
  // No verification to make: the bound is infinite and every share 0.
  const shares = (of: readonly number[], bound: readonly number[]) =>
    boundPlain ? of.map((v, i) => v / bound[i]!) : of.map(() => 0)
  // Shares by the wall clock, and by processor time beside them (see the file comment).
  const cachedShares = shares(rounds.cached, rounds.boundPlain)
  return {
    status: String(first.status),
    plain: alone.rates.plain,
    cached: rates.cached,
    signaturesPlain: plainRequests.primitives.length + plainRequests.fronted.length,
    signaturesCached: cachedRequests.primitives.length + cachedRequests.fronted.length,
    boundPlain: boundPlain ? rates.boundPlain : Number.POSITIVE_INFINITY,
    boundCached: boundCached ? rates.boundCached : Number.POSITIVE_INFINITY,
    sharePlain: median(shares(alone.rounds.plain, alone.rounds.boundPlain)),
    shareCached: median(cachedShares),
    shareCachedRange: [Math.min(...cachedShares), Math.max(...cachedShares)],
    shareCachedCpu: median(shares(cpuRounds.cached, cpuRounds.boundPlain)),
    cachedCpu: cpuRates.cached,
    boundPlainCpu: boundPlain ? cpuRates.boundPlain : Number.POSITIVE_INFINITY,
    rounds: cachedShares.length,
    ...(boundDigest
      ? {
          boundDigest: rates.boundDigest,
          shareCachedDigest: median(shares(rounds.cached, rounds.boundDigest)),
        }
      : {}),
  }
}

/** The note of a share-of-the-raw-bound row: how it was measured, and the wall-clock share. */
export function shareNote(r: LicenceRates): string {
  const [low, high] = r.shareCachedRange.map((x) => (100 * x).toFixed(0))
  const perCpu = (x: number) => Math.round(x).toLocaleString('en-US')
  return (
    `median of ${r.rounds} interleaved rounds (${low}-${high}%); by processor time ` +
    `${(100 * r.shareCachedCpu).toFixed(0)}% (${perCpu(r.cachedCpu)} files per CPU-second ` +
    `against ${perCpu(r.boundPlainCpu)}); goal >= 25%`
  )
}
