/**
 * Bounded HTTP retrieval over the global `fetch`: http URLs only, at most three redirects
 * (each checked), a deadline covering the whole exchange, and a byte limit enforced while the
 * body streams in (the request is aborted past it). Failures are returned, never thrown.
 */
import type { FetchCode } from './codes.js'

/** Limits and plumbing of one download. */
export interface HttpLimits {
  readonly fetch: typeof fetch
  readonly timeoutMs: number
  readonly maxBytes: number
  readonly rewrite: (url: string) => string
}

/** A request: GET, or POST with a body and its content type. */
export interface HttpRequest {
  readonly url: string
  readonly accept: string
  readonly body?: Uint8Array
  readonly contentType?: string
}

/** The outcome of a download. */
export type HttpResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly contentType: string }
  | { readonly ok: false; readonly code: FetchCode; readonly detail: string }

/** Most redirects followed. */
export const MAX_REDIRECTS = 3

function httpUrl(text: string): URL | undefined {
  try {
    const u = new URL(text)
    return u.protocol === 'http:' ? u : undefined
  } catch {
    return undefined
  }
}

async function readBounded(
  response: Response,
  maxBytes: number,
  abort: () => void,
): Promise<Uint8Array | 'too-large'> {
  const declared = Number(response.headers.get('content-length') ?? '')
  if (Number.isFinite(declared) && declared > maxBytes) {
    abort()
    return 'too-large'
  }
  if (!response.body) return new Uint8Array(0)
  const reader = response.body.getReader()
  const parts: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.length
    if (total > maxBytes) {
      abort()
      await reader.cancel().catch(() => undefined)
      return 'too-large'
    }
    parts.push(value)
  }
  const out = new Uint8Array(total)
  let pos = 0
  for (const p of parts) {
    out.set(p, pos)
    pos += p.length
  }
  return out
}

const fail = (code: FetchCode, detail: string): HttpResult => ({ ok: false, code, detail })

async function exchange(
  req: HttpRequest,
  limits: HttpLimits,
  signal: AbortSignal,
  abort: () => void,
): Promise<HttpResult> {
  if (!httpUrl(req.url)) return fail('revocation.fetch.scheme', req.url)
  // The caller's rewrite applies to the URL taken from the certificate; redirect targets are
  // resolved against the URL actually requested and are not rewritten.
  let url = httpUrl(limits.rewrite(req.url))
  if (!url) return fail('revocation.fetch.scheme', req.url)
  for (let hop = 0; ; hop++) {
    const target = url
    const headers: Record<string, string> = { accept: req.accept }
    if (req.contentType) headers['content-type'] = req.contentType
    const init: RequestInit = {
      method: req.body ? 'POST' : 'GET',
      headers,
      redirect: 'manual',
      signal,
    }
    if (req.body) init.body = req.body as unknown as BodyInit
    const response = await limits.fetch(target.href, init)
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      await response.body?.cancel().catch(() => undefined)
      const location = response.headers.get('location')
      const keepsMethod = response.status === 307 || response.status === 308
      if (!location || hop >= MAX_REDIRECTS || (req.body && !keepsMethod)) {
        return fail('revocation.fetch.redirects', url.href)
      }
      const next = httpUrl(new URL(location, url).href)
      if (!next) return fail('revocation.fetch.scheme', location)
      url = next
      continue
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined)
      return fail('revocation.fetch.http-status', `${response.status} ${url.href}`)
    }
    const bytes = await readBounded(response, limits.maxBytes, abort)
    if (bytes === 'too-large') return fail('revocation.fetch.too-large', url.href)
    const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim()
    return { ok: true, bytes, contentType: contentType.toLowerCase() }
  }
}

/**
 * Downloads `req.url` within the limits. Never throws.
 * @example
 * const r = await httpRequest({ url, accept: 'application/pkix-crl' }, limits)
 */
export async function httpRequest(req: HttpRequest, limits: HttpLimits): Promise<HttpResult> {
  const controller = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    controller.abort()
  }, limits.timeoutMs)
  try {
    const deadline = new Promise<HttpResult>((resolve) => {
      controller.signal.addEventListener('abort', () => {
        if (timedOut) resolve(fail('revocation.fetch.timeout', req.url))
      })
    })
    return await Promise.race([
      exchange(req, limits, controller.signal, () => controller.abort()),
      deadline,
    ])
  } catch (e) {
    if (timedOut) return fail('revocation.fetch.timeout', req.url)
    return fail('revocation.fetch.network', e instanceof Error ? e.message : String(e))
  } finally {
    clearTimeout(timer)
    if (!controller.signal.aborted) controller.abort()
  }
}
