/**
 * Signed JSON licences: a JWS (RFC 7515) in compact or flattened JSON serialization, its
 * payload possibly detached (empty in compact form, absent in JSON form), the signer chain in
 * the protected `x5c` header, and optional signature time-stamps in the unprotected `sigTst`
 * header (docs/jws-licence.md). Reading only: nothing is verified here.
 */
import { licenceFormat, licenceLimit } from './errors.js'
import {
  decodeBase64,
  decodeBase64Url,
  decodeUtf8,
  encodeBase64Url,
  parseJsonObject,
} from './json-text.js'

/** Largest JWS input accepted, in bytes. */
export const MAX_JWS_BYTES = 4 * 1024 * 1024
/** Most certificates read from `x5c`. */
export const MAX_X5C = 10
/** Most time-stamp tokens read from `sigTst`. */
export const MAX_TIMESTAMPS = 4

/** A parsed JWS with its decoded parts. */
export interface JwsEvidence {
  readonly serialization: 'compact' | 'flattened'
  /** The protected header exactly as encoded (base64url), part of the signing input. */
  readonly protectedB64: string
  readonly protectedHeader: Readonly<Record<string, unknown>>
  readonly unprotectedHeader: Readonly<Record<string, unknown>> | null
  readonly alg: string
  /** Header parameters the signer marked critical. */
  readonly crit: readonly string[]
  /** False when `b64: false` (RFC 7797): the payload is signed unencoded. */
  readonly b64: boolean
  /** The payload bytes, or null when detached and not supplied. */
  readonly payload: Uint8Array | null
  /** The payload part as written (base64url unless `b64` is false); null when detached. */
  readonly payloadText: string | null
  readonly detached: boolean
  readonly signatureB64: string
  readonly signature: Uint8Array
  /** DER certificates of `x5c`, signer first. */
  readonly certificates: readonly Uint8Array[]
  /** The `x5t#S256` thumbprint, when given. */
  readonly thumbprint: Uint8Array | null
  /** RFC 3161 tokens over the signature value (`sigTst`). */
  readonly timestamps: readonly Uint8Array[]
  /** The claimed signing time (`sigT`), as written; shown, never used as proof. */
  readonly claimedTime: string | null
}

/** Options of {@link readJws}. */
export interface ReadJwsOptions {
  /** The payload of a detached JWS. */
  readonly payload?: Uint8Array
}

const text = (v: unknown, what: string): string => {
  if (typeof v !== 'string') {
    throw licenceFormat('member', `${what} must be a string`, `${what} 必须是字符串`)
  }
  return v
}

function x5c(value: unknown): Uint8Array[] {
  if (value === undefined) return []
  if (!Array.isArray(value) || value.length === 0) {
    throw licenceFormat('x5c', 'x5c must be a non-empty array', 'x5c 必须是非空数组')
  }
  if (value.length > MAX_X5C) {
    throw licenceLimit('x5c', `x5c lists more than ${MAX_X5C} certificates`, 'x5c 证书过多')
  }
  return value.map((v, i) => decodeBase64(text(v, `x5c[${i}]`), `x5c[${i}]`))
}

function timestamps(header: Readonly<Record<string, unknown>> | null): Uint8Array[] {
  const value = header?.['sigTst']
  if (value === undefined) return []
  const list = Array.isArray(value) ? value : [value]
  if (list.length > MAX_TIMESTAMPS) {
    throw licenceLimit('sigTst', 'too many sigTst tokens', 'sigTst 时间戳过多')
  }
  return list.map((v, i) => decodeBase64(text(v, `sigTst[${i}]`), `sigTst[${i}]`))
}

function crit(header: Readonly<Record<string, unknown>>): string[] {
  const value = header['crit']
  if (value === undefined) return []
  if (!Array.isArray(value) || value.length === 0 || value.length > 16) {
    throw licenceFormat('crit', 'crit must be a short non-empty array', 'crit 必须是非空数组')
  }
  return value.map((v, i) => text(v, `crit[${i}]`))
}

function splitInput(input: Uint8Array): {
  serialization: 'compact' | 'flattened'
  protectedB64: string
  unprotected: Record<string, unknown> | null
  payloadText: string | undefined
  signatureB64: string
} {
  const all = decodeUtf8(input, 'JWS').trim()
  if (all.startsWith('{')) {
    const o = parseJsonObject(all, 'JWS')
    if ('signatures' in o) {
      throw licenceFormat(
        'general',
        'general JWS JSON serialization is not supported (use flattened)',
        '不支持通用 JWS JSON 序列化（请使用扁平序列化）',
      )
    }
    const header = o['header']
    if (header !== undefined && (typeof header !== 'object' || header === null)) {
      throw licenceFormat('header', 'header must be an object', 'header 必须是对象')
    }
    return {
      serialization: 'flattened',
      protectedB64: text(o['protected'], 'protected'),
      unprotected: (header as Record<string, unknown> | undefined) ?? null,
      payloadText: o['payload'] === undefined ? undefined : text(o['payload'], 'payload'),
      signatureB64: text(o['signature'], 'signature'),
    }
  }
  const parts = all.split('.')
  if (parts.length !== 3) {
    throw licenceFormat('compact', 'a compact JWS has three parts', '紧凑 JWS 应由三段组成')
  }
  const [protectedB64 = '', payload = '', signatureB64 = ''] = parts
  return {
    serialization: 'compact',
    protectedB64,
    unprotected: null,
    payloadText: payload === '' ? undefined : payload,
    signatureB64,
  }
}

/**
 * Reads a JWS. Throws a `format.licence.*` or `limit.licence.*` error when the input is not a
 * well-formed compact or flattened JWS.
 * @example
 * const jws = readJws(bytes) // jws.payload is null for a detached JWS without payload
 */
export function readJws(input: Uint8Array, options: ReadJwsOptions = {}): JwsEvidence {
  if (input.length > MAX_JWS_BYTES) {
    throw licenceLimit('size', 'the JWS is too large', 'JWS 过大')
  }
  const parts = splitInput(input)
  if (parts.protectedB64 === '') {
    throw licenceFormat('protected', 'the protected header is missing', '缺少受保护头部')
  }
  const protectedHeader = parseJsonObject(
    decodeUtf8(decodeBase64Url(parts.protectedB64, 'protected'), 'protected header'),
    'protected header',
  )
  const unprotected = parts.unprotected
  if (unprotected) {
    const shared = Object.keys(unprotected).filter((k) => k in protectedHeader)
    if (shared.length > 0) {
      throw licenceFormat('header-duplicate', `header repeats ${shared.join(', ')}`, '头部参数重复')
    }
    for (const k of ['alg', 'x5c', 'crit', 'b64']) {
      if (k in unprotected) {
        throw licenceFormat('unprotected', `${k} must be protected`, `${k} 必须位于受保护头部`)
      }
    }
  }
  const b64 = protectedHeader['b64'] === undefined ? true : protectedHeader['b64']
  if (typeof b64 !== 'boolean')
    throw licenceFormat('b64', 'b64 must be a boolean', 'b64 须为布尔值')
  const detached = parts.payloadText === undefined
  let payload: Uint8Array | null = options.payload ?? null
  if (!detached) {
    const t = parts.payloadText ?? ''
    payload = b64 ? decodeBase64Url(t, 'payload') : new TextEncoder().encode(t)
  }
  const thumb = protectedHeader['x5t#S256']
  const sigT = protectedHeader['sigT']
  return {
    serialization: parts.serialization,
    protectedB64: parts.protectedB64,
    protectedHeader,
    unprotectedHeader: unprotected,
    alg: text(protectedHeader['alg'], 'alg'),
    crit: crit(protectedHeader),
    b64,
    payload,
    payloadText: parts.payloadText ?? null,
    detached,
    signatureB64: parts.signatureB64,
    signature: decodeBase64Url(parts.signatureB64, 'signature'),
    certificates: x5c(protectedHeader['x5c']),
    thumbprint: thumb === undefined ? null : decodeBase64Url(text(thumb, 'x5t#S256'), 'x5t#S256'),
    timestamps: timestamps(unprotected),
    claimedTime: sigT === undefined ? null : text(sigT, 'sigT'),
  }
}

/**
 * The JWS signing input: ASCII(protected) '.' payload, the payload as written in the JWS
 * (base64url, or raw when `b64` is false) or, when detached, encoded as the header says.
 */
export function jwsSigningInput(jws: JwsEvidence, payload: Uint8Array): Uint8Array {
  const head = new TextEncoder().encode(`${jws.protectedB64}.`)
  const written = jws.payloadText ?? (jws.b64 ? encodeBase64Url(payload) : null)
  const body = written === null ? payload : new TextEncoder().encode(written)
  const out = new Uint8Array(head.length + body.length)
  out.set(head)
  out.set(body, head.length)
  return out
}
