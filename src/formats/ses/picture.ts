/**
 * SES_ESPictrueInfo: the seal's image (or embedded OFD package) with its display size, and
 * recognition of the real image format from the leading bytes.
 */
import type { Tlv } from '../../asn1/der.js'
import { readInt, readOctets, readText, sequence, sesError } from './fields.js'
import type { PictureFormat, SesPicture } from './types.js'

const DECLARED: Readonly<Record<string, PictureFormat>> = {
  png: 'png',
  jpg: 'jpg',
  jpeg: 'jpg',
  gif: 'gif',
  ofd: 'ofd',
  bmp: 'bmp',
  svg: 'svg',
}

function startsWith(data: Uint8Array, prefix: readonly number[]): boolean {
  if (data.length < prefix.length) return false
  return prefix.every((b, i) => data[i] === b)
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))

/** Recognises PNG, JPEG, GIF, BMP, SVG and OFD (zip) from the first bytes. */
export function sniffPicture(data: Uint8Array): PictureFormat | undefined {
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpg'
  if (startsWith(data, ascii('GIF87a')) || startsWith(data, ascii('GIF89a'))) return 'gif'
  if (startsWith(data, [0x50, 0x4b, 0x03, 0x04])) return 'ofd'
  if (startsWith(data, ascii('BM')) && data.length > 26) return 'bmp'
  const head = new TextDecoder('latin1').decode(data.subarray(0, 256)).trimStart()
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'svg'
  return undefined
}

/** Normalises a declared picture type ("PNG", "jpeg", …) to a known format, if it is one. */
export function declaredFormat(type: string): PictureFormat | undefined {
  const key = type.trim().toLowerCase()
  return Object.hasOwn(DECLARED, key) ? DECLARED[key] : undefined
}

/** Reads SES_ESPictrueInfo ::= SEQUENCE { type, data, width, height }. */
export function readPicture(tlv: Tlv | undefined): SesPicture {
  const f = sequence(tlv, 'SES_ESPictrueInfo', 4)
  if (f.length !== 4) {
    throw sesError('picture', 'picture info must have 4 elements', '图像信息应有 4 个元素')
  }
  const declaredType = readText(f[0], 'picture.type')
  const data = readOctets(f[1], 'picture.data')
  return {
    declaredType,
    declaredFormat: declaredFormat(declaredType),
    sniffedFormat: sniffPicture(data),
    data,
    width: readInt(f[2], 'picture.width'),
    height: readInt(f[3], 'picture.height'),
  }
}
