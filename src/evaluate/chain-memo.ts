/**
 * Path validations a verifier remembers across documents. The licences of one issuer carry the
 * same certificates, and a service checks them against the same CRLs, so the answer of one
 * validation is the answer of the next, but for the validation time. That time enters a
 * validation only through comparisons with dates its inputs carry: the validity period of every
 * certificate, and each CRL's thisUpdate, nextUpdate and revocation dates. Strictly between two
 * consecutive such dates every comparison comes out the same, and so does the answer; a
 * remembered answer is reused only for a time in the open interval around the time it was
 * computed for. Inputs that bring in other times (OCSP responses, online revocation sources)
 * are never remembered.
 */
import { derDigest, type BoundedCache } from '../pki/cache.js'
import type { Certificate } from '../pki/certificate.js'
import { crlTimelines } from '../pki/crl/source.js'
import type { PathResult } from '../pki/validate.js'
import type { RegistryAnchor, ServiceType } from '../registry/index.js'
import { limitOf } from '../verify-limits.js'
import type { ChainContext } from './chain.js'

/** A validation's answer and the open interval of times (ms) it holds for. */
export interface RememberedValidation {
  readonly result: PathResult
  readonly after: number
  readonly before: number
}

/** What one validation is asked (see {@link rememberedValidation}). */
export interface ValidationInput {
  readonly certificate: Certificate
  readonly pool: readonly Certificate[]
  /** The registry's anchors of `types`, the list path building picks from. */
  readonly anchors: readonly RegistryAnchor[]
  readonly types: readonly ServiceType[] | undefined
  /** Every certificate the validation may compare the time with (computed on a miss only). */
  readonly certificates: () => readonly Certificate[]
}

/** Numbers for anchor lists: a registry returns the same frozen list for the same types. */
const listIds = new WeakMap<object, number>()
let nextListId = 0

function listId(list: readonly RegistryAnchor[]): number {
  let id = listIds.get(list)
  if (id === undefined) {
    id = nextListId++
    listIds.set(list, id)
  }
  return id
}

/** The key of a validation, or undefined when its answer may not be remembered. */
function keyOf(ctx: ChainContext, v: ValidationInput): string | undefined {
  if (ctx.ocspResponses.length > 0 || ctx.revocationSources.length > 0) return undefined
  // Only a frozen list cannot change between calls (registry.ts freezes the lists it hands out).
  if (!Object.isFrozen(v.anchors)) return undefined
  let key = `${listId(v.anchors)}|${v.types?.join(',') ?? '*'}|${ctx.revocation}`
  key += `|${limitOf(ctx.limits, 'chainDepth')}|${limitOf(ctx.limits, 'chainWork')}`
  key += `|${limitOf(ctx.limits, 'chainSignatures')}|${v.certificate.sha256}`
  for (const c of v.pool) key += `,${c.sha256}`
  key += '|'
  for (const c of ctx.extraAnchors) key += `,${c.sha256}`
  key += '|'
  for (const crl of ctx.crls) key += `,${derDigest(crl)}`
  return key
}

/** The open interval (after, before) around a time that holds none of the dates looked at. */
interface Span {
  after: number
  before: number
}

/** Narrows `span` to leave out `date`; false when `date` is the time itself (or not a date). */
function leaveOut(span: Span, time: number, date: number): boolean {
  if (date === time || Number.isNaN(date)) return false
  if (date < time) span.after = Math.max(span.after, date)
  else span.before = Math.min(span.before, date)
  return true
}

/**
 * The open interval around `time` that holds none of the validity dates of `certificates` and
 * none of the dates on `timelines` (each sorted), or undefined when `time` is one of them (a
 * comparison may then go either way).
 */
export function quietSpan(
  time: number,
  certificates: readonly Certificate[],
  timelines: readonly Float64Array[],
): Span | undefined {
  const span = { after: -Infinity, before: Infinity }
  for (const c of certificates) {
    if (!leaveOut(span, time, c.notBefore.getTime())) return undefined
    if (!leaveOut(span, time, c.notAfter.getTime())) return undefined
  }
  for (const dates of timelines) {
    // The first date not before `time`, and the one before it.
    let lo = 0
    let hi = dates.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (dates[mid]! < time) lo = mid + 1
      else hi = mid
    }
    if (lo < dates.length && !leaveOut(span, time, dates[lo]!)) return undefined
    if (lo > 0 && !leaveOut(span, time, dates[lo - 1]!)) return undefined
  }
  return span
}

/**
 * The answer of `validate` for `v` at `ctx.time`: remembered by the verifier's cache when an
 * earlier validation of the same inputs holds for that time (see the file comment), else
 * computed and remembered.
 */
export async function rememberedValidation(
  ctx: ChainContext,
  v: ValidationInput,
  validate: () => Promise<PathResult>,
): Promise<PathResult> {
  const memo: BoundedCache<RememberedValidation> | undefined = ctx.cache?.validations
  const key = memo ? keyOf(ctx, v) : undefined
  const time = ctx.time.getTime()
  if (memo === undefined || key === undefined) return validate()
  const hit = memo.get(key)
  if (hit && hit.after < time && time < hit.before) return hit.result
  const result = await validate()
  const span = quietSpan(time, v.certificates(), crlTimelines(ctx.crls, ctx.cache?.pki))
  if (span) memo.set(key, { after: span.after, before: span.before, result })
  return result
}
