/**
 * Loading a registry: parse, verify the operator signature, check the schema, the sequence
 * number and the validity period, then build the read-only {@link Registry}.
 */
import { toHex } from '../crypto/bytes.js'
import { hash } from '../crypto/hash.js'
import { decodeBase64 } from './base64.js'
import { canonicalJson } from './canonical.js'
import { findDuplicateMember } from './duplicate-members.js'
import { RegistryError, formatError } from './errors.js'
import type { Registry } from './registry.js'
import { createRegistry } from './registry.js'
import { validateDocument } from './schema.js'
import type { OperatorKey, RegistrySigner } from './signature.js'
import { verifyRegistrySignature } from './signature.js'
import { TEST_OPERATOR_KEY } from './test-operator.js'
import { PLAIN } from '../shape.js'

/** Largest registry accepted, in bytes of JSON. */
export const MAX_REGISTRY_BYTES = 8 * 1024 * 1024

/** Options of {@link loadRegistry}. */
export interface LoadRegistryOptions {
  /** Operator keys trusted to sign the registry (public JWK or SPKI PEM). Default: TEST key. */
  readonly operatorKeys?: readonly OperatorKey[]
  /** Refuse a registry whose sequence number is lower than this (rollback protection). */
  readonly minSequence?: number
  /** Time at which the registry must be valid. Default: now. */
  readonly now?: Date
  /** Accept a registry whose nextUpdate has passed (for looking at old registries). */
  readonly allowExpired?: boolean
}

/**
 * Loads and verifies a trust registry (format `yrd-verify/registry@1`).
 *
 * Checks, in order: JSON well-formedness and size; the detached JWS `signature` over the
 * RFC 8785 canonical JSON of the rest of the document, against `operatorKeys` only; the schema;
 * `sequence` ≥ `minSequence`; `issuedAt` ≤ `now` < `nextUpdate`.
 *
 * @param input - UTF-8 JSON bytes, or an already parsed JSON object
 * @param options - trusted operator keys, minimum sequence, validation time
 * @returns the verified, read-only registry
 * @throws RegistryError with code `registry.format`, `registry.signature`,
 *   `registry.sequence`, `registry.expired` or `registry.not-yet-valid`
 * @example
 * ```ts
 * const registry = await loadRegistry(bytes, { operatorKeys: [operatorPem], minSequence: 7 })
 * registry.vouch(anchorDer, signingTime)?.status // 'granted' | 'withdrawn' | 'none'
 * ```
 */
export async function loadRegistry(
  input: Uint8Array | object,
  options: LoadRegistryOptions = {},
): Promise<Registry> {
  const { minSequence } = options
  if (minSequence !== undefined && !Number.isFinite(minSequence)) {
    throw new RangeError('loadRegistry: options.minSequence must be a finite number')
  }
  const root = parseInput(input)
  const { signature, ...unsigned } = root
  const canonical = new TextEncoder().encode(canonicalJson(unsigned))
  const signedBy = await verifyRegistrySignature(
    signature,
    canonical,
    options.operatorKeys ?? [TEST_OPERATOR_KEY],
  )
  return accept(unsigned, canonical, signedBy, options)
}

/**
 * Loads the registry embedded in this package (`defaultRegistry`), whose signature is checked
 * by the test suite against the built-in TEST operator key rather than on every start: it
 * ships inside the same package as that key and as the code that would check it, so a runtime
 * check could not detect a change that the same change could not also undo. Every other check
 * (schema, `test: true`, validity period) runs as for {@link loadRegistry}; its anchor
 * certificates, which the test suite parses, are parsed when a validation first needs them.
 */
export function loadEmbeddedRegistry(document: object, now?: Date): Registry {
  const { signature, ...unsigned } = parseInput(document)
  const canonical = new TextEncoder().encode(canonicalJson(unsigned))
  const signedBy = { ...PLAIN, ...embeddedHeader(signature), testKey: true }
  return accept(unsigned, canonical, signedBy, now ? { now } : {}, true)
}

/** `kid` and `alg` of the embedded registry's JWS header (base64url JSON, first part). */
function embeddedHeader(signature: unknown): { kid: string; alg: string } {
  const head = typeof signature === 'string' ? signature.split('.')[0] : undefined
  const b64 = (head ?? '').replace(/-/g, '+').replace(/_/g, '/')
  const bytes = decodeBase64(b64 + '='.repeat((4 - (b64.length % 4)) % 4))
  let header: unknown
  try {
    header = bytes ? JSON.parse(new TextDecoder().decode(bytes)) : undefined
  } catch {
    header = undefined
  }
  const { kid, alg } = (header ?? {}) as { kid?: unknown; alg?: unknown }
  if (typeof kid !== 'string' || typeof alg !== 'string') {
    throw formatError('$.signature', '内置注册表签名头无效', 'embedded registry header is invalid')
  }
  return { kid, alg }
}

function accept(
  unsigned: Record<string, unknown>,
  canonical: Uint8Array,
  signedBy: RegistrySigner,
  options: LoadRegistryOptions,
  embedded = false,
): Registry {
  const { minSequence } = options
  const validated = validateDocument(unsigned, { lazyCertificates: embedded })
  const { document } = validated
  if (signedBy.testKey && !document.test) {
    throw new RegistryError(
      'registry.signature',
      {
        zh: '注册表由公开的测试运营方密钥签名，却未标记为 test: true',
        en: 'registry signed with the published TEST operator key but not marked test: true',
      },
      { path: '$.test' },
    )
  }
  if (minSequence !== undefined && document.sequence < minSequence) {
    throw new RegistryError('registry.sequence', {
      zh: `注册表序号 ${document.sequence} 低于要求的最小序号 ${minSequence}`,
      en: `registry sequence ${document.sequence} is lower than ${minSequence}`,
    })
  }
  const now = (options.now ?? new Date()).getTime()
  if (Number.isNaN(now)) {
    throw new RangeError('loadRegistry: options.now is not a valid date')
  }
  if (now < Date.parse(document.issuedAt)) {
    throw new RegistryError('registry.not-yet-valid', {
      zh: `注册表尚未生效（签发于 ${document.issuedAt}）`,
      en: `registry not yet valid (issued at ${document.issuedAt})`,
    })
  }
  if (now >= Date.parse(document.nextUpdate) && options.allowExpired !== true) {
    throw new RegistryError('registry.expired', {
      zh: `注册表已过期（应于 ${document.nextUpdate} 前更新）`,
      en: `registry expired (next update was due ${document.nextUpdate})`,
    })
  }
  return createRegistry(validated, toHex(hash('SHA-256', canonical)), signedBy)
}

function parseInput(input: Uint8Array | object): Record<string, unknown> {
  let value: unknown = input
  if (
    input instanceof Uint8Array ||
    Object.prototype.toString.call(input) === '[object Uint8Array]'
  ) {
    if ((input as Uint8Array).length > MAX_REGISTRY_BYTES) {
      throw formatError('$', '注册表文件过大', `registry larger than ${MAX_REGISTRY_BYTES} bytes`)
    }
    let text: string
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input as Uint8Array)
      value = JSON.parse(text)
    } catch (cause) {
      throw new RegistryError(
        'registry.format',
        { zh: '注册表不是有效的 UTF-8 JSON', en: 'registry is not valid UTF-8 JSON' },
        { path: '$', cause },
      )
    }
    const duplicate = findDuplicateMember(text)
    if (duplicate !== undefined) {
      const name = JSON.stringify(duplicate.slice(0, 64))
      throw formatError(
        '$',
        `同一 JSON 对象中成员名 ${name} 重复`,
        `member name ${name} appears twice in one JSON object`,
      )
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw formatError('$', '注册表应为 JSON 对象', 'registry must be a JSON object')
  }
  return value as Record<string, unknown>
}
