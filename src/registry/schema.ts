/**
 * Hand-written schema check of a registry document (format version 1), with bounded sizes and
 * counts. Produces the normalised document and the decoded anchor certificates.
 */
import type { Certificate } from '../pki/certificate.js'
import { parseCertificate } from '../pki/certificate.js'
import { decodeBase64 } from './base64.js'
import { RegistryError, formatError } from './errors.js'
import { validateHistory } from './history.js'
import {
  expectArray,
  expectInteger,
  expectLocalisedName,
  expectObject,
  expectString,
  expectTime,
} from './schema-checks.js'
import type {
  ProvinceCode,
  ProvinceEntry,
  RecognitionYear,
  RegistryDocument,
  SealPictureEntry,
  ServiceEntry,
  ServiceType,
} from './types.js'
import { REGISTRY_FORMAT, SERVICE_TYPES } from './types.js'

/** The four provinces a registry may list, with their official names. */
export const PROVINCES: Readonly<Record<ProvinceCode, { name: string; nameEn: string }>> = {
  '310000': { name: '上海市', nameEn: 'Shanghai' },
  '320000': { name: '江苏省', nameEn: 'Jiangsu' },
  '330000': { name: '浙江省', nameEn: 'Zhejiang' },
  '340000': { name: '安徽省', nameEn: 'Anhui' },
}

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/
const ES_ID = /^[\x21-\x7e]+$/
const HEX_SHA256 = /^[0-9a-fA-F]{64}$/
const TYPE_CODE = /^[0-9A-Za-z]+$/
const MAX_CERTIFICATE_CHARS = 64 * 1024

/** An anchor certificate and where the document lists it. */
export interface ListedCertificate {
  readonly province: ProvinceEntry
  readonly service: ServiceEntry
  readonly der: Uint8Array
  /** The parsed certificate (parsed on first use when validated with `lazyCertificates`). */
  readonly certificate: Certificate
}

/** The outcome of {@link validateDocument}. */
export interface ValidatedDocument {
  readonly document: RegistryDocument
  readonly certificates: readonly ListedCertificate[]
}

/**
 * Checks a parsed registry (without its `signature` member) against format version 1.
 *
 * @throws RegistryError `registry.format` naming the JSON path of the first violation
 */
export function validateDocument(
  value: unknown,
  options: { readonly lazyCertificates?: boolean } = {},
): ValidatedDocument {
  const root = expectObject(value, '$', [
    'format',
    'id',
    'name',
    'test',
    'sequence',
    'issuedAt',
    'nextUpdate',
    'operator',
    'provinces',
    'recognition',
  ])
  if (root['format'] !== REGISTRY_FORMAT) {
    throw formatError('$.format', `不支持的格式，应为 ${REGISTRY_FORMAT}`, 'unsupported format')
  }
  if (typeof root['test'] !== 'boolean') {
    throw formatError('$.test', '应为布尔值', 'expected a boolean')
  }
  const issuedAt = expectTime(root['issuedAt'], '$.issuedAt')
  const nextUpdate = expectTime(root['nextUpdate'], '$.nextUpdate')
  if (nextUpdate <= issuedAt) {
    throw formatError('$.nextUpdate', 'nextUpdate 必须晚于 issuedAt', 'nextUpdate ≤ issuedAt')
  }
  const operator = expectObject(root['operator'], '$.operator', ['name'])
  const head = {
    id: expectString(root['id'], '$.id', 128, ID),
    name: expectLocalisedName(root['name'], '$.name'),
    sequence: expectInteger(root['sequence'], '$.sequence', 1, Number.MAX_SAFE_INTEGER),
    operator: { name: expectLocalisedName(operator['name'], '$.operator.name') },
  }
  const listed: ListedCertificate[] = []
  const context: Context = {
    provinceCodes: new Set(),
    serviceIds: new Set(),
    esIDs: new Set(),
    listed,
    lazy: options.lazyCertificates === true,
  }
  const provinces = expectArray(root['provinces'], '$.provinces', 1, 4).map((p, i) =>
    readProvince(p, `$.provinces[${i}]`, context),
  )
  const document: RegistryDocument = {
    format: REGISTRY_FORMAT,
    id: head.id,
    name: head.name,
    test: root['test'],
    sequence: head.sequence,
    issuedAt: root['issuedAt'] as string,
    nextUpdate: root['nextUpdate'] as string,
    operator: head.operator,
    provinces,
    recognition: readRecognition(root['recognition']),
  }
  return { document, certificates: listed }
}

interface Context {
  readonly provinceCodes: Set<string>
  readonly serviceIds: Set<string>
  readonly esIDs: Set<string>
  readonly listed: ListedCertificate[]
  /** Parse certificates on first use (the embedded registry; checked by the test suite). */
  readonly lazy: boolean
}

function readProvince(value: unknown, path: string, context: Context): ProvinceEntry {
  const record = expectObject(value, path, ['code', 'name', 'nameEn', 'services'])
  const code = record['code']
  if (typeof code !== 'string' || !Object.prototype.hasOwnProperty.call(PROVINCES, code)) {
    throw formatError(
      `${path}.code`,
      '省份代码应为 310000、320000、330000 或 340000',
      'province code must be 310000, 320000, 330000 or 340000',
    )
  }
  if (context.provinceCodes.has(code)) {
    throw formatError(`${path}.code`, '省份重复', 'province listed twice')
  }
  context.provinceCodes.add(code)
  const known = PROVINCES[code as ProvinceCode]
  if (record['name'] !== known.name || record['nameEn'] !== known.nameEn) {
    throw formatError(
      `${path}.name`,
      `省份名称应为 ${known.name} / ${known.nameEn}`,
      `province name must be ${known.name} / ${known.nameEn}`,
    )
  }
  const services: ServiceEntry[] = []
  const province: ProvinceEntry = {
    code: code as ProvinceCode,
    name: known.name,
    nameEn: known.nameEn,
    services,
  }
  expectArray(record['services'], `${path}.services`, 0, 256).forEach((s, i) => {
    services.push(readService(s, `${path}.services[${i}]`, province, context))
  })
  return province
}

function readService(
  value: unknown,
  path: string,
  province: ProvinceEntry,
  context: Context,
): ServiceEntry {
  const record = expectObject(
    value,
    path,
    ['id', 'type', 'name', 'certificates', 'history'],
    ['sealPictures'],
  )
  const id = expectString(record['id'], `${path}.id`, 128, ID)
  if (context.serviceIds.has(id)) {
    throw formatError(`${path}.id`, '服务标识重复', 'service id used twice')
  }
  context.serviceIds.add(id)
  const type = record['type']
  if (!SERVICE_TYPES.includes(type as ServiceType)) {
    throw formatError(
      `${path}.type`,
      `服务类型应为 ${SERVICE_TYPES.join('、')} 之一`,
      `service type must be one of ${SERVICE_TYPES.join(', ')}`,
    )
  }
  const certificates = expectArray(record['certificates'], `${path}.certificates`, 1, 64).map(
    (c, i) => expectString(c, `${path}.certificates[${i}]`, MAX_CERTIFICATE_CHARS),
  )
  const sealPictures: SealPictureEntry[] = []
  if (record['sealPictures'] !== undefined) {
    expectArray(record['sealPictures'], `${path}.sealPictures`, 0, 10_000).forEach((p, i) => {
      sealPictures.push(readSealPicture(p, `${path}.sealPictures[${i}]`, context))
    })
  }
  const service: ServiceEntry = {
    id,
    type: type as ServiceType,
    name: expectLocalisedName(record['name'], `${path}.name`),
    certificates,
    history: validateHistory(record['history'], `${path}.history`),
    sealPictures,
  }
  const unique = new Set<string>()
  certificates.forEach((text, i) => {
    const where = `${path}.certificates[${i}]`
    const der = decodeBase64(text)
    if (der === undefined) throw formatError(where, '不是有效的 base64', 'not valid base64')
    if (unique.has(text)) throw formatError(where, '证书重复', 'certificate listed twice')
    unique.add(text)
    context.listed.push(listedCertificate(province, service, der, where, context.lazy))
  })
  return service
}

function readSealPicture(value: unknown, path: string, context: Context): SealPictureEntry {
  const record = expectObject(value, path, ['esID', 'sha256'])
  const esID = expectString(record['esID'], `${path}.esID`, 128, ES_ID)
  if (context.esIDs.has(esID)) throw formatError(`${path}.esID`, 'esID 重复', 'esID listed twice')
  context.esIDs.add(esID)
  const sha256 = expectString(record['sha256'], `${path}.sha256`, 64, HEX_SHA256).toLowerCase()
  return { esID, sha256 }
}

function readRecognition(value: unknown): RecognitionYear[] {
  const years = new Set<number>()
  return expectArray(value, '$.recognition', 0, 64).map((entry, i) => {
    const path = `$.recognition[${i}]`
    const record = expectObject(entry, path, ['year', 'types'])
    const year = expectInteger(record['year'], `${path}.year`, 2000, 2200)
    if (years.has(year)) throw formatError(`${path}.year`, '年份重复', 'year listed twice')
    years.add(year)
    const codes = new Set<string>()
    const types = expectArray(record['types'], `${path}.types`, 0, 10_000).map((t, j) => {
      const where = `${path}.types[${j}]`
      const type = expectObject(t, where, ['code', 'name'])
      const code = expectString(type['code'], `${where}.code`, 64, TYPE_CODE)
      if (codes.has(code)) throw formatError(`${where}.code`, '类型代码重复', 'code listed twice')
      codes.add(code)
      return { code, name: expectString(type['name'], `${where}.name`, 256) }
    })
    return { year, types }
  })
}

function listedCertificate(
  province: ProvinceEntry,
  service: ServiceEntry,
  der: Uint8Array,
  where: string,
  lazy: boolean,
): ListedCertificate {
  if (!lazy) return { province, service, der, certificate: readCertificate(der, where) }
  let parsed: Certificate | undefined
  return {
    province,
    service,
    der,
    get certificate() {
      parsed ??= readCertificate(der, where)
      return parsed
    },
  }
}

function readCertificate(der: Uint8Array, path: string): Certificate {
  try {
    return parseCertificate(der)
  } catch (cause) {
    throw new RegistryError(
      'registry.format',
      { zh: '不是有效的 X.509 证书', en: 'not a valid X.509 certificate' },
      { path, cause },
    )
  }
}
