/**
 * SES_ESPropertyInfo in both shapes: v1 (no certListType, certificates only, UTCTime) and
 * v4/v5 (certListType, certificates or digests, GeneralizedTime). Either time type is read.
 */
import { isUniversal, TAG, type Tlv } from '../../asn1/der.js'
import {
  MAX_CERT_LIST,
  readDate,
  readInt,
  readOctets,
  readText,
  sequence,
  sesError,
} from './fields.js'
import type { SesCertList, SesNote, SesProperty } from './types.js'

function readCertList(tlv: Tlv | undefined, listType: number | undefined): SesCertList {
  const items = sequence(tlv, 'certList', MAX_CERT_LIST)
  const allOctets = items.every((t) => isUniversal(t, TAG.OCTET_STRING))
  const allSequences = items.every((t) => isUniversal(t, TAG.SEQUENCE))
  const digests = items.length === 0 ? listType === 2 : allSequences && !allOctets
  if (digests) {
    return {
      kind: 'digests',
      digests: items.map((item) => {
        const f = sequence(item, 'CertDigestObj', 2)
        if (f.length !== 2) {
          throw sesError('cert-list', 'CertDigestObj needs 2 elements', '证书摘要对象应有 2 个元素')
        }
        return { type: readText(f[0], 'CertDigestObj.type'), value: readOctets(f[1], 'digest') }
      }),
    }
  }
  if (!allOctets) {
    throw sesError('cert-list', 'certificate list mixes element types', '证书列表元素类型混杂')
  }
  return { kind: 'certificates', certificates: items.map((t) => readOctets(t, 'certificate')) }
}

/** Reads SES_ESPropertyInfo; `shape` says which layout was found. */
export function readProperty(
  tlv: Tlv | undefined,
  notes: SesNote[],
): { property: SesProperty; shape: 1 | 4 } {
  const f = sequence(tlv, 'SES_ESPropertyInfo', 8)
  const v4 = f.length === 7 && f[2] !== undefined && isUniversal(f[2], TAG.INTEGER)
  if (!v4 && f.length !== 6) {
    throw sesError('property', 'unexpected property info layout', '印章属性结构错误')
  }
  const type = readInt(f[0], 'property.type')
  const name = readText(f[1], 'property.name')
  const certListType = v4 ? readInt(f[2], 'property.certListType') : undefined
  const certList = readCertList(f[v4 ? 3 : 2], certListType)
  const t = v4 ? 4 : 3
  const property: SesProperty = {
    type,
    name,
    ...(certListType !== undefined ? { certListType } : {}),
    certList,
    createDate: readDate(f[t], 'property.createDate'),
    validStart: readDate(f[t + 1], 'property.validStart'),
    validEnd: readDate(f[t + 2], 'property.validEnd'),
  }
  if (certListType !== undefined) {
    const expected = certList.kind === 'certificates' ? 1 : 2
    if (certListType !== expected) {
      notes.push({ code: 'seal.cert-list-type', params: { declared: certListType, expected } })
    }
  }
  return { property, shape: v4 ? 4 : 1 }
}
