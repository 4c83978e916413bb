/**
 * Types of the trust registry, format `yrd-verify/registry@1` (see docs/registry.md).
 */
import type { Certificate } from '../pki/certificate.js'

/** The format identifier of version 1. */
export const REGISTRY_FORMAT = 'yrd-verify/registry@1'

/** Kinds of trust service a province vouches for. */
export type ServiceType = 'licence-issuer' | 'seal-maker' | 'signature-ca' | 'timestamp-authority'

/** Every {@link ServiceType}, in documentation order. */
export const SERVICE_TYPES: readonly ServiceType[] = [
  'licence-issuer',
  'seal-maker',
  'signature-ca',
  'timestamp-authority',
]

/** GB/T 2260 codes of the four Yangtze River Delta provinces. */
export type ProvinceCode = '310000' | '320000' | '330000' | '340000'

/** Status of a service during one period of its history. */
export type ServiceStatus = 'granted' | 'withdrawn'

/** A name in Chinese and English. */
export interface LocalisedName {
  readonly zh: string
  readonly en: string
}

/** One dated period of a service's status: `from` inclusive, `to` exclusive or open (`null`). */
export interface HistoryPeriod {
  readonly status: ServiceStatus
  readonly from: string
  readonly to: string | null
}

/** A seal picture the service registered: the seal's esID and the SHA-256 of its picture. */
export interface SealPictureEntry {
  readonly esID: string
  readonly sha256: string
}

/** A trust service: its digital identities (anchor certificates) and status history. */
export interface ServiceEntry {
  readonly id: string
  readonly type: ServiceType
  readonly name: LocalisedName
  /** Base64 DER of the anchor certificates, as in the document. */
  readonly certificates: readonly string[]
  /** Status periods, sorted by `from`. */
  readonly history: readonly HistoryPeriod[]
  readonly sealPictures: readonly SealPictureEntry[]
}

/** A province and the services it vouches for. */
export interface ProvinceEntry {
  readonly code: ProvinceCode
  readonly name: string
  readonly nameEn: string
  readonly services: readonly ServiceEntry[]
}

/** A licence type on a year's list of mutually recognised types (事项清单). */
export interface RecognisedType {
  readonly code: string
  readonly name: string
}

/** The list of mutually recognised licence types for one year. */
export interface RecognitionYear {
  readonly year: number
  readonly types: readonly RecognisedType[]
}

/** The signed content of a registry, validated and normalised (without `signature`). */
export interface RegistryDocument {
  readonly format: typeof REGISTRY_FORMAT
  readonly id: string
  readonly name: LocalisedName
  readonly test: boolean
  readonly sequence: number
  readonly issuedAt: string
  readonly nextUpdate: string
  readonly operator: { readonly name: LocalisedName }
  readonly provinces: readonly ProvinceEntry[]
  readonly recognition: readonly RecognitionYear[]
}

/** A province as it appears in verdicts. */
export interface ProvinceRef {
  readonly code: ProvinceCode
  readonly name: string
}

/** An anchor certificate together with the province and service that vouch for it. */
export interface RegistryAnchor {
  readonly der: Uint8Array
  /** Lower-case hex SHA-256 of `der`. */
  readonly sha256: string
  /** The parsed certificate (parsed once: on load, or for the embedded registry on first use). */
  readonly certificate: Certificate
  /** Comparison key of the certificate's subject name (`certificate.subject.key`). */
  readonly subjectKey: string
  readonly province: ProvinceRef
  readonly service: ServiceEntry
}

/** The answer to "who vouches for this anchor, and was it granted at time T". */
export interface Vouching {
  readonly province: ProvinceRef
  readonly service: ServiceEntry
  /** `none` when no history period covers the time asked about. */
  readonly status: ServiceStatus | 'none'
  readonly period?: HistoryPeriod
}

/** A registered seal picture with the province and service that registered it. */
export interface SealPictureRef extends SealPictureEntry {
  readonly province: ProvinceRef
  readonly service: ServiceEntry
}

/** The identity of a registry as it appears in verdicts. */
export interface RegistrySummary {
  readonly id: string
  readonly sequence: number
  readonly sha256: string
  readonly test: boolean
}
