/**
 * GeneralName (RFC 5280 §4.2.1.6) parsing.
 */
import { children, decodeOid, readTlv, type Tlv } from '../asn1/der.js'
import { FormatError } from '../errors.js'
import { parseNameTlv, type DistinguishedName } from './name.js'

/** A parsed GeneralName. Values of kinds this library does not interpret keep their bytes. */
export type GeneralName =
  | { readonly kind: 'email' | 'dns' | 'uri'; readonly value: string }
  | { readonly kind: 'ip'; readonly value: Uint8Array }
  | { readonly kind: 'directory'; readonly value: DistinguishedName }
  | { readonly kind: 'registeredId'; readonly value: string }
  | { readonly kind: 'other'; readonly typeId: string; readonly value: Uint8Array }
  | { readonly kind: 'x400' | 'edi'; readonly value: Uint8Array }

const MAX_NAMES = 256

function ia5(tlv: Tlv): string {
  let s = ''
  for (const b of tlv.value) {
    if (b > 0x7f) throw new FormatError('format.general-name', 'GeneralName: non-ASCII IA5String')
    s += String.fromCharCode(b)
  }
  return s
}

/** Parses one GeneralName element. */
export function parseGeneralName(tlv: Tlv): GeneralName {
  if (tlv.cls !== 2) throw new FormatError('format.general-name', 'GeneralName: bad tag / 标签错误')
  switch (tlv.tag) {
    case 0: {
      const [type, value] = children(tlv)
      if (!type || type.cls !== 0 || type.tag !== 6 || !value) {
        throw new FormatError('format.general-name', 'GeneralName: bad otherName')
      }
      return { kind: 'other', typeId: decodeOid(type.value), value: value.raw }
    }
    case 1:
      return { kind: 'email', value: ia5(tlv) }
    case 2:
      return { kind: 'dns', value: ia5(tlv) }
    case 3:
      return { kind: 'x400', value: tlv.value }
    case 4: {
      const inner = children(tlv)
      if (inner.length !== 1)
        throw new FormatError('format.general-name', 'GeneralName: bad dirName')
      return { kind: 'directory', value: parseNameTlv(inner[0]!) }
    }
    case 5:
      return { kind: 'edi', value: tlv.value }
    case 6:
      return { kind: 'uri', value: ia5(tlv) }
    case 7:
      return { kind: 'ip', value: tlv.value }
    case 8:
      return { kind: 'registeredId', value: decodeOid(tlv.value) }
    default:
      throw new FormatError('format.general-name', 'GeneralName: unknown choice / 未知的名称类型')
  }
}

/** Parses GeneralNames (a SEQUENCE OF GeneralName) given the SEQUENCE element or its value. */
export function parseGeneralNames(seq: Tlv): GeneralName[] {
  const items = children(seq)
  if (items.length > MAX_NAMES) throw new FormatError('format.general-name', 'too many names')
  return items.map(parseGeneralName)
}

/** Parses GeneralNames held as the content of an IMPLICIT-tagged element. */
export function parseGeneralNamesContent(value: Uint8Array): GeneralName[] {
  const out: GeneralName[] = []
  let pos = 0
  while (pos < value.length) {
    if (out.length >= MAX_NAMES) throw new FormatError('format.general-name', 'too many names')
    const t = readTlv(value, pos)
    out.push(parseGeneralName(t))
    pos += t.raw.length
  }
  return out
}

/** Text form for display and messages. */
export function generalNameText(n: GeneralName): string {
  switch (n.kind) {
    case 'directory':
      return `DirName:${n.value.text}`
    case 'ip':
      return `IP:${n.value.length === 4 ? n.value.join('.') : Array.from(n.value).join(',')}`
    case 'other':
      return `othername:${n.typeId}`
    case 'x400':
    case 'edi':
      return n.kind
    default:
      return `${n.kind}:${n.value}`
  }
}
