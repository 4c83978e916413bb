/**
 * The loaded registry: a read-only view with anchor lookup at a point in time.
 */
import { toHex } from '../crypto/bytes.js'
import { hash } from '../crypto/hash.js'
import { subjectKeyOf } from '../pki/certificate.js'
import { periodAt } from './history.js'
import type { ValidatedDocument } from './schema.js'
import type { RegistrySigner } from './signature.js'
import type {
  HistoryPeriod,
  LocalisedName,
  ProvinceEntry,
  ProvinceRef,
  RecognisedType,
  RecognitionYear,
  RegistryAnchor,
  RegistrySummary,
  SealPictureRef,
  ServiceEntry,
  ServiceStatus,
  ServiceType,
  Vouching,
} from './types.js'
import { PLAIN } from '../shape.js'

/** A verified trust registry. Every member is read-only. */
export interface Registry {
  readonly id: string
  readonly name: LocalisedName
  readonly operator: { readonly name: LocalisedName }
  readonly sequence: number
  /** Lower-case hex SHA-256 of the canonical signed bytes. */
  readonly sha256: string
  readonly test: boolean
  readonly issuedAt: string
  readonly nextUpdate: string
  readonly provinces: readonly ProvinceEntry[]
  /** The yearly lists of mutually recognised licence types (事项清单). */
  readonly recognition: readonly RecognitionYear[]
  /** Key id and algorithm of the operator signature that was verified. */
  readonly signedBy: RegistrySigner
  /** The registry's identity as it appears in verdicts. */
  summary(): RegistrySummary
  /** Anchor certificates, optionally only those of services of the given types. */
  anchors(types?: readonly ServiceType[]): readonly RegistryAnchor[]
  /**
   * Which province and service vouch for this exact anchor certificate (matched by SHA-256),
   * and its status at `at`. When several services list it, a granted one is preferred, then a
   * withdrawn one. `undefined` when no service (of `types`, if given) lists the certificate.
   */
  vouch(certificateDer: Uint8Array, at: Date, types?: readonly ServiceType[]): Vouching | undefined
  /** Status of a service (entry or id) at `at`; `none` when no period covers that time. */
  statusAt(service: ServiceEntry | string, at: Date): ServiceStatus | 'none'
  /** Licence types on the mutual recognition list of `year`; empty when the year is absent. */
  recognisedTypes(year: number): readonly RecognisedType[]
  /** The registered seal picture for an esID, if any. */
  sealPicture(esID: string): SealPictureRef | undefined
}

const RANK: Readonly<Record<Vouching['status'], number>> = { granted: 0, withdrawn: 1, none: 2 }
/** Most distinct sets of service types whose anchor lists a registry keeps. */
const MAX_TYPE_SETS = 64

/** Builds the read-only {@link Registry} for a validated document. */
export function createRegistry(
  validated: ValidatedDocument,
  sha256: string,
  signedBy: RegistrySigner,
): Registry {
  const { document } = validated
  deepFreeze(document)
  const subjectKeys: (string | undefined)[] = []
  // The digests of the anchors' parsed DER, so that vouching for a path's anchor (which is one
  // of these certificates) does not hash it again. Other arrays are hashed.
  const parsedDigests = new WeakMap<Uint8Array, string>()
  const anchorList: readonly RegistryAnchor[] = validated.certificates.map((c, i) =>
    Object.freeze({
      der: c.der,
      sha256: toHex(hash('SHA-256', c.der)),
      // Getters: the embedded registry parses an anchor only when a validation needs it.
      get certificate() {
        const cert = c.certificate
        parsedDigests.set(cert.der, cert.sha256)
        return cert
      },
      get subjectKey() {
        return (subjectKeys[i] ??= subjectKeyOf(c.der))
      },
      province: provinceRef(c.province),
      service: c.service,
    }),
  )
  Object.freeze(anchorList)
  const byHash = new Map<string, RegistryAnchor[]>()
  for (const anchor of anchorList) {
    const list = byHash.get(anchor.sha256) ?? []
    list.push(anchor)
    byHash.set(anchor.sha256, list)
  }
  const services = new Map<string, ServiceEntry>()
  const pictures = new Map<string, SealPictureRef>()
  for (const province of document.provinces) {
    for (const service of province.services) {
      services.set(service.id, service)
      for (const p of service.sealPictures) {
        pictures.set(
          p.esID,
          Object.freeze({ ...PLAIN, ...p, province: provinceRef(province), service }),
        )
      }
    }
  }
  const recognition = new Map(document.recognition.map((r) => [r.year, r.types]))
  const summary: RegistrySummary = Object.freeze({
    id: document.id,
    sequence: document.sequence,
    sha256,
    test: document.test,
  })
  const statusAt = (service: ServiceEntry | string, at: Date): ServiceStatus | 'none' => {
    const entry = typeof service === 'string' ? services.get(service) : service
    return entry === undefined ? 'none' : (periodAt(entry.history, at)?.status ?? 'none')
  }

  /** Anchor lists per set of service types asked for (the registry never changes). */
  const anchorsByTypes = new Map<string, readonly RegistryAnchor[]>()
  const registry: Registry = {
    id: document.id,
    name: document.name,
    operator: document.operator,
    sequence: document.sequence,
    sha256,
    test: document.test,
    issuedAt: document.issuedAt,
    nextUpdate: document.nextUpdate,
    provinces: document.provinces,
    recognition: document.recognition,
    signedBy: Object.freeze({ ...signedBy }),
    summary: () => summary,
    anchors: (types) => {
      if (types === undefined) return anchorList
      const key = types.join(' ')
      let list = anchorsByTypes.get(key)
      if (list === undefined) {
        list = Object.freeze(anchorList.filter((a) => types.includes(a.service.type)))
        if (anchorsByTypes.size < MAX_TYPE_SETS) anchorsByTypes.set(key, list)
      }
      return list
    },
    vouch: (certificateDer, at, types) => {
      const digest = parsedDigests.get(certificateDer) ?? toHex(hash('SHA-256', certificateDer))
      const matches = (byHash.get(digest) ?? []).filter(
        (a) => types === undefined || types.includes(a.service.type),
      )
      let best: Vouching | undefined
      for (const anchor of matches) {
        const period: HistoryPeriod | undefined = periodAt(anchor.service.history, at)
        const status = period?.status ?? 'none'
        if (best !== undefined && RANK[best.status] <= RANK[status]) continue
        best = Object.freeze({
          province: anchor.province,
          service: anchor.service,
          status,
          ...(period === undefined ? {} : { period }),
        })
      }
      return best
    },
    statusAt,
    recognisedTypes: (year) => recognition.get(year) ?? [],
    sealPicture: (esID) => pictures.get(esID),
  }
  return Object.freeze(registry)
}

function provinceRef(province: ProvinceEntry): ProvinceRef {
  return Object.freeze({ code: province.code, name: province.name })
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const member of Object.values(value)) deepFreeze(member)
}
