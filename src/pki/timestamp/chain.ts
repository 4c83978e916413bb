/**
 * Chain validation of a TSA certificate through `validateCertificatePath`, anchored at the
 * registry's timestamp-authority services (or caller-given anchors), at genTime, with the
 * timeStamping extended key usage required.
 */
import { sameBytes } from '../../crypto/bytes.js'
import type { Certificate } from '../certificate.js'
import type { RevocationMode } from '../path/types.js'
import type { RevocationSource } from '../revocation-types.js'
import { validateCertificatePath } from '../validate.js'
import { KP_TIME_STAMPING } from './tsa-certificate.js'
import type { TsaChainResult, TimestampVerifyOptions } from './verify.js'

/** The part of the trust registry this module needs (structural). */
export interface TsaRegistry {
  anchors(types?: readonly 'timestamp-authority'[]): readonly { readonly der: Uint8Array }[]
  vouch(
    der: Uint8Array,
    at: Date,
    types?: readonly 'timestamp-authority'[],
  ): { readonly status: string } | undefined
}

/** Options of {@link createTsaChainValidator}. */
export interface TsaChainOptions {
  /** Registry whose timestamp-authority services are the anchors. */
  readonly registry?: TsaRegistry
  /** Explicit anchors (used besides the registry's). */
  readonly trustAnchors?: readonly Uint8Array[]
  readonly crls?: readonly Uint8Array[]
  readonly ocspResponses?: readonly Uint8Array[]
  /** Default 'require'. */
  readonly revocation?: RevocationMode
  readonly revocationSources?: readonly RevocationSource[]
}

const TSA_TYPES = ['timestamp-authority'] as const

/**
 * Builds a `validateChain` function for {@link verifyTimestamp}. A path is accepted only when
 * it validates at genTime and, for a registry anchor, the timestamp-authority service was
 * granted at genTime.
 * @example
 * const validateChain = createTsaChainValidator({ registry })
 * const r = await verifyTimestamp(token, { data, validateChain })
 */
export function createTsaChainValidator(
  options: TsaChainOptions,
): NonNullable<TimestampVerifyOptions['validateChain']> {
  const registry = options.registry
  return async (tsa: Certificate, intermediates: readonly Certificate[], time: Date) => {
    const result = await validateCertificatePath({
      certificate: tsa,
      intermediates,
      trustAnchors: options.trustAnchors ?? [],
      ...(registry ? { registry: { anchors: () => registry.anchors(TSA_TYPES) } } : {}),
      time,
      crls: options.crls ?? [],
      ocspResponses: options.ocspResponses ?? [],
      revocation: options.revocation ?? 'require',
      revocationSources: options.revocationSources ?? [],
      extendedKeyUsage: [KP_TIME_STAMPING],
    })
    const out: TsaChainResult = result.subIndication
      ? {
          valid: result.valid,
          reason: result.reason,
          message: result.message,
          subIndication: result.subIndication,
        }
      : { valid: result.valid, reason: result.reason, message: result.message }
    if (!result.valid || !registry || !result.anchor) return out
    const explicit = (options.trustAnchors ?? []).some((der) => sameBytes(der, result.anchor!.der))
    if (explicit) return out
    const vouching = registry.vouch(result.anchor.der, time, TSA_TYPES)
    if (vouching?.status === 'granted') return out
    return {
      valid: false,
      reason: 'timestamp.tsa-not-granted',
      subIndication: 'NO_CERTIFICATE_CHAIN_FOUND_NO_POE',
      message:
        '时间戳服务在生成时间未获授权 / the timestamp-authority service was not granted at genTime',
    }
  }
}
