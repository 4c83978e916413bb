/**
 * Checks the registry's detached compact JWS (RFC 7515 Appendix F) against operator keys the
 * caller trusts. Keys are never taken from the document or its header.
 */
import type { JWK } from 'jose'
import { RegistryError } from './errors.js'
import { isTestOperatorKey } from './test-operator.js'

/** The JWS `typ` a registry signature must carry. */
export const REGISTRY_JWS_TYPE = 'yrd-registry+jws'

/** Signature algorithms accepted for a registry. */
export const REGISTRY_ALGORITHMS: readonly string[] = ['ES256', 'ES384', 'EdDSA', 'RS256']

/** A public JWK of an operator; `kid`, when present, restricts it to signatures with that kid. */
export type OperatorJwk = JsonWebKey & { readonly kid?: string }

/** An operator key: a public JWK or an SPKI PEM string. */
export type OperatorKey = OperatorJwk | string

/** Who signed a registry: the header's key id and algorithm. */
export interface RegistrySigner {
  readonly kid: string
  readonly alg: string
  /** True when the verifying key is the built-in TEST operator key (its private key is public). */
  readonly testKey: boolean
}

const MAX_OPERATOR_KEYS = 32
const SPKI_PEM = /-----BEGIN PUBLIC KEY-----[A-Za-z0-9+/=\s]{1,16384}-----END PUBLIC KEY-----/
const KID = /^[\x20-\x7e]{1,256}$/
const MAX_SIGNATURE_CHARS = 8192

function signatureError(zh: string, en: string, cause?: unknown): RegistryError {
  return new RegistryError(
    'registry.signature',
    { zh, en },
    cause === undefined ? { path: '$.signature' } : { path: '$.signature', cause },
  )
}

/**
 * Verifies `signature` (`<b64url header>..<b64url signature>`) over `payload`.
 *
 * @param signature - the document's `signature` member
 * @param payload - UTF-8 bytes of the canonical document without `signature`
 * @param operatorKeys - keys the caller trusts; a key with a `kid` is used only for that kid
 * @returns the header's `kid` and `alg`
 * @throws RegistryError `registry.signature` when the signature is missing, malformed, made
 *   with a disallowed algorithm, or does not verify with any of `operatorKeys`
 */
export async function verifyRegistrySignature(
  signature: unknown,
  payload: Uint8Array,
  operatorKeys: readonly OperatorKey[],
): Promise<RegistrySigner> {
  if (typeof signature !== 'string' || signature.length > MAX_SIGNATURE_CHARS) {
    throw signatureError('缺少注册表签名', 'registry signature missing')
  }
  const parts = signature.split('.')
  const [protectedHeader, detached, value] = parts
  if (
    parts.length !== 3 ||
    protectedHeader === undefined ||
    value === undefined ||
    detached !== '' ||
    protectedHeader === '' ||
    value === ''
  ) {
    throw signatureError(
      '签名应为负载分离的紧凑 JWS',
      'signature must be a compact JWS with detached payload',
    )
  }
  // jose is loaded only when a registry's signature is checked (not for the embedded one).
  const jose = await import('jose')
  const { alg, kid } = readHeader(jose, signature)
  if (operatorKeys.length > MAX_OPERATOR_KEYS) {
    throw signatureError('运营方密钥过多', `more than ${MAX_OPERATOR_KEYS} operator keys`)
  }
  const jws = {
    protected: protectedHeader,
    payload: jose.base64url.encode(payload),
    signature: value,
  }
  let candidates = 0
  for (const operatorKey of operatorKeys) {
    const key = await importOperatorKey(jose, operatorKey, alg, kid)
    if (key === undefined) continue
    candidates++
    try {
      await jose.flattenedVerify(jws, key, { algorithms: [alg] })
      return { kid, alg, testKey: isTestOperatorKey(await jose.exportJWK(key)) }
    } catch {
      // A key that does not verify may be one of several trusted keys; try the next one.
    }
  }
  if (candidates === 0) {
    throw signatureError(
      `签名密钥 ${kid} 不在受信任的运营方密钥中`,
      `signing key ${kid} is not among the trusted operator keys`,
    )
  }
  throw signatureError('注册表签名无效', 'registry signature does not verify')
}

type Jose = typeof import('jose')

function readHeader(jose: Jose, signature: string): { alg: string; kid: string } {
  let header: Record<string, unknown>
  try {
    header = jose.decodeProtectedHeader(signature) as Record<string, unknown>
  } catch (cause) {
    throw signatureError('签名头无法解析', 'signature header cannot be decoded', cause)
  }
  const { alg, kid, typ } = header
  if (typeof alg !== 'string' || !REGISTRY_ALGORITHMS.includes(alg)) {
    throw signatureError(
      `签名算法应为 ${REGISTRY_ALGORITHMS.join('、')} 之一`,
      `signature algorithm must be one of ${REGISTRY_ALGORITHMS.join(', ')}`,
    )
  }
  if (typ !== REGISTRY_JWS_TYPE) {
    throw signatureError(
      `签名头 typ 应为 ${REGISTRY_JWS_TYPE}`,
      `header typ must be ${REGISTRY_JWS_TYPE}`,
    )
  }
  if (typeof kid !== 'string' || !KID.test(kid)) {
    throw signatureError(
      '签名头缺少 kid 或 kid 含非打印字符',
      'signature header lacks a kid of 1 to 256 printable ASCII characters',
    )
  }
  if ('b64' in header) {
    throw signatureError('签名头不得含 b64', 'signature header must not carry b64')
  }
  return { alg, kid }
}

async function importOperatorKey(
  jose: Jose,
  operatorKey: OperatorKey,
  alg: string,
  kid: string,
): Promise<CryptoKey | undefined> {
  try {
    if (typeof operatorKey === 'string') {
      const pem = SPKI_PEM.exec(operatorKey)?.[0]
      return pem === undefined ? undefined : await jose.importSPKI(pem, alg, { extractable: true })
    }
    const jwk = operatorKey as JWK
    if (jwk.kid !== undefined && jwk.kid !== kid) return undefined
    if (jwk.alg !== undefined && jwk.alg !== alg) return undefined
    if (jwk.d !== undefined || jwk.kty === 'oct') return undefined
    const key = await jose.importJWK(jwk, alg, { extractable: true })
    return key instanceof Uint8Array ? undefined : key
  } catch {
    // A key of another type or curve cannot verify this algorithm: not a candidate.
    return undefined
  }
}
