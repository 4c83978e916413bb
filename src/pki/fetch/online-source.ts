/**
 * The optional online revocation source (off unless the caller creates it, e.g. the CLI's
 * `--online`): OCSP requests POSTed to the certificate's AIA OCSP URL, then CRLs downloaded
 * from its CRL distribution points, plus `fetchIssuers` for AIA caIssuers. Every failure ends
 * as 'unknown' with a code; results are cached by URL within the instance.
 */
import type { Certificate } from '../certificate.js'
import { createCrlSource } from '../crl/source.js'
import { bytesEqual } from '../ocsp/cert-id.js'
import { evaluateOcspResponse, ocspUnknown, type OcspCheckOptions } from '../ocsp/evaluate.js'
import { parseOcspResponse } from '../ocsp/parse.js'
import { buildOcspRequest } from '../ocsp/request.js'
import type { RevocationQuery, RevocationSource, RevocationStatus } from '../revocation-types.js'
import { fetchMessage, type FetchCode } from './codes.js'
import { httpRequest, type HttpLimits, type HttpResult } from './http.js'
import { certificatesFromBody } from './issuers.js'
import { PLAIN } from '../../shape.js'

/** Options of {@link createOnlineSource}. */
export interface OnlineSourceOptions {
  /** The fetch implementation (default the global `fetch`). */
  readonly fetch?: typeof fetch
  /** Deadline of each download, including redirects and body (default 5000 ms). */
  readonly timeoutMs?: number
  /** Largest body accepted (default 4 MiB); the download is aborted past it. */
  readonly maxBytes?: number
  /** Maps a URL before it is fetched (tests, proxies, mirrors). */
  readonly rewrite?: (url: string) => string
  /** Send an OCSP nonce (default true). A response echoing a different nonce is refused. */
  readonly nonce?: boolean
  /** Refuse OCSP responses that do not echo the nonce (default false). */
  readonly requireNonce?: boolean
  /** OCSP freshness and responder options. */
  readonly ocsp?: OcspCheckOptions
}

/** The online source: a RevocationSource plus caIssuers retrieval. */
export interface OnlineSource extends RevocationSource {
  /** Downloads the certificates named by `cert`'s AIA caIssuers (DER or PKCS#7 certs-only). */
  fetchIssuers(cert: Certificate): Promise<{
    readonly certificates: readonly Certificate[]
    readonly failures: readonly { readonly url: string; readonly code: FetchCode }[]
  }>
}

const MAX_URLS = 3
const OCSP_TYPES = new Set(['application/ocsp-response', 'application/octet-stream', ''])
const CRL_TYPES = new Set([
  'application/pkix-crl',
  'application/x-pkcs7-crl',
  'application/octet-stream',
  '',
])

function httpUrls(urls: readonly string[] | undefined): string[] {
  return (urls ?? []).filter((u) => /^http:\/\//i.test(u)).slice(0, MAX_URLS)
}

function crlUrls(cert: Certificate): string[] {
  const out: string[] = []
  for (const dp of cert.crlDistributionPoints ?? []) {
    for (const n of dp.fullName ?? []) if (n.kind === 'uri') out.push(n.value)
  }
  return httpUrls(out)
}

function fetchUnknown(source: 'ocsp' | 'crl', code: FetchCode, detail?: string): RevocationStatus {
  return { status: 'unknown', source, code, message: fetchMessage(code, detail) }
}

function randomNonce(): Uint8Array {
  const n = new Uint8Array(16)
  globalThis.crypto.getRandomValues(n)
  n[0] = (n[0]! & 0x7f) | 0x01
  return n
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/**
 * Creates the online revocation source. Uses only the global `fetch` (or the one given).
 * @example
 * const online = createOnlineSource({ timeoutMs: 3000 })
 * const st = await online.check({ certificate, issuer, time: new Date(), path })
 */
export function createOnlineSource(options: OnlineSourceOptions = {}): OnlineSource {
  const limits: HttpLimits = {
    fetch: options.fetch ?? ((...args) => globalThis.fetch(...args)),
    timeoutMs: options.timeoutMs ?? 5000,
    maxBytes: options.maxBytes ?? 4 * 1024 * 1024,
    rewrite: options.rewrite ?? ((u) => u),
  }
  const cache = new Map<string, Promise<HttpResult>>()
  const cached = (key: string, run: () => Promise<HttpResult>): Promise<HttpResult> => {
    let hit = cache.get(key)
    if (!hit) {
      hit = run()
      cache.set(key, hit)
    }
    return hit
  }
  const nonces = new Map<string, Uint8Array | undefined>()
  const crlSources = new Map<string, RevocationSource>()

  async function askOcsp(url: string, query: RevocationQuery): Promise<RevocationStatus> {
    const idOnly = buildOcspRequest(query.certificate, query.issuer)
    const key = `POST ${url} ${hex(idOnly)}`
    const result = await cached(key, () => {
      const nonce = (options.nonce ?? true) ? randomNonce() : undefined
      nonces.set(key, nonce)
      const body = nonce ? buildOcspRequest(query.certificate, query.issuer, { nonce }) : idOnly
      const req = {
        url,
        accept: 'application/ocsp-response',
        contentType: 'application/ocsp-request',
      }
      return httpRequest({ ...PLAIN, ...req, body }, limits)
    })
    if (!result.ok) return fetchUnknown('ocsp', result.code, result.detail)
    if (!OCSP_TYPES.has(result.contentType)) {
      return fetchUnknown('ocsp', 'revocation.fetch.content-type', result.contentType)
    }
    let response
    try {
      response = parseOcspResponse(result.bytes)
    } catch {
      return fetchUnknown('ocsp', 'revocation.fetch.malformed', url)
    }
    const sent = nonces.get(key)
    const got = response.basic?.nonce
    const echoed = got !== undefined && sent !== undefined && bytesEqual(sent, got)
    const missing = got === undefined && sent !== undefined && options.requireNonce === true
    if ((got !== undefined && sent !== undefined && !echoed) || missing) {
      return ocspUnknown('revocation.ocsp.nonce-mismatch')
    }
    return evaluateOcspResponse(response, query, options.ocsp ?? {})
  }

  async function askCrl(url: string, query: RevocationQuery): Promise<RevocationStatus> {
    const result = await cached(`GET ${url}`, () =>
      httpRequest({ url, accept: 'application/pkix-crl' }, limits),
    )
    if (!result.ok) return fetchUnknown('crl', result.code, result.detail)
    if (!CRL_TYPES.has(result.contentType)) {
      return fetchUnknown('crl', 'revocation.fetch.content-type', result.contentType)
    }
    let crls = crlSources.get(url)
    if (!crls) {
      crls = createCrlSource([result.bytes])
      crlSources.set(url, crls)
    }
    return crls.check(query)
  }

  return {
    name: 'online',
    async check(query: RevocationQuery): Promise<RevocationStatus> {
      const unknowns: RevocationStatus[] = []
      try {
        for (const url of httpUrls(query.certificate.authorityInfoAccess?.ocsp)) {
          const st = await askOcsp(url, query)
          if (st.status !== 'unknown') return st
          unknowns.push(st)
        }
        for (const url of crlUrls(query.certificate)) {
          const st = await askCrl(url, query)
          if (st.status !== 'unknown') return st
          unknowns.push(st)
        }
      } catch (e) {
        return fetchUnknown('crl', 'revocation.fetch.network', e instanceof Error ? e.message : '')
      }
      // An answer that was obtained but refused says more than a failed download, and a
      // failed download says more than an HTTP error status.
      const rank = (u: RevocationStatus): number =>
        !u.code?.startsWith('revocation.fetch.')
          ? 0
          : u.code === 'revocation.fetch.http-status'
            ? 2
            : 1
      const best = [...unknowns].sort((a, b) => rank(a) - rank(b))[0]
      return (
        best ?? { ...PLAIN, ...fetchUnknown('crl', 'revocation.fetch.no-location'), source: 'none' }
      )
    },
    async fetchIssuers(cert: Certificate) {
      const certificates: Certificate[] = []
      const failures: { url: string; code: FetchCode }[] = []
      for (const url of httpUrls(cert.authorityInfoAccess?.caIssuers)) {
        const result = await cached(`GET ${url}`, () =>
          httpRequest({ url, accept: 'application/pkix-cert, application/pkcs7-mime' }, limits),
        )
        if (!result.ok) {
          failures.push({ url, code: result.code })
          continue
        }
        const found = certificatesFromBody(result.bytes)
        if (found === undefined) failures.push({ url, code: 'revocation.fetch.malformed' })
        else certificates.push(...found)
      }
      if (!cert.authorityInfoAccess?.caIssuers.length) {
        failures.push({ url: '', code: 'revocation.fetch.no-location' })
      }
      return { certificates, failures }
    },
  }
}
