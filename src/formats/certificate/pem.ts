/**
 * Splitting PEM text (RFC 7468) into labelled blocks. Text outside the blocks is ignored; the
 * bodies are decoded with strict base64.
 */
import { FormatError, LimitError } from '../../errors.js'
import { decodeBase64Strict } from './base64.js'
import { MAX_PEM_BLOCKS } from './types.js'

/** One decoded PEM block. */
export interface PemBlock {
  /** 1-based position of the block in the file. */
  readonly index: number
  readonly label: string
  readonly der: Uint8Array
}

const BEGIN = '-----BEGIN '
const DASHES = '-----'
const MAX_LABEL = 64

/** Labels whose blocks may carry RFC 1421 headers (legacy encrypted keys). */
const KEY_LABELS = new Set([
  'PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'DSA PRIVATE KEY',
  'SM2 PRIVATE KEY',
])

/** True when the label names a private key block. */
export function isPrivateKeyLabel(label: string): boolean {
  return KEY_LABELS.has(label)
}

/** Error for block `index` of a PEM file. */
export function pemError(index: number, en: string, zh: string): FormatError {
  return new FormatError('format.pem', `PEM block ${index}: ${en} / 第 ${index} 个 PEM 块：${zh}`)
}

/** Position of the first PEM BEGIN line in `text`, or -1. */
export function findPemBegin(text: string, from = 0): number {
  let at = text.indexOf(BEGIN, from)
  while (at >= 0) {
    if (at === 0 || text[at - 1] === '\n' || text[at - 1] === '\r') return at
    at = text.indexOf(BEGIN, at + 1)
  }
  return -1
}

/**
 * Reads every PEM block in `text` (bytes decoded as Latin-1 so that offsets stay byte offsets).
 * Throws FormatError `format.pem` naming the block on a bad frame or bad base64.
 */
export function readPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = []
  let pos = findPemBegin(text)
  while (pos >= 0) {
    const index = blocks.length + 1
    if (index > MAX_PEM_BLOCKS) {
      throw new LimitError('limit.items', `more than ${MAX_PEM_BLOCKS} PEM blocks / PEM 块过多`)
    }
    const labelStart = pos + BEGIN.length
    const labelEnd = text.indexOf(DASHES, labelStart)
    const label = labelEnd < 0 ? '' : text.slice(labelStart, labelEnd)
    if (labelEnd < 0 || label.length > MAX_LABEL || !/^[A-Z0-9.#]+(?: [A-Z0-9.#]+)*$/.test(label)) {
      throw pemError(index, 'bad BEGIN line', 'BEGIN 行格式错误')
    }
    const bodyStart = lineEnd(text, labelEnd + DASHES.length, index)
    const endLine = `-----END ${label}-----`
    const endAt = text.indexOf('-----END ', bodyStart)
    if (endAt < 0 || !text.startsWith(endLine, endAt)) {
      throw pemError(index, `missing "${endLine}"`, `缺少 "${endLine}"`)
    }
    let body = text.slice(bodyStart, endAt)
    if (isPrivateKeyLabel(label)) body = skipHeaders(body)
    if (body.includes(BEGIN)) throw pemError(index, 'nested BEGIN line', '块内嵌套 BEGIN 行')
    const der = decodeBase64Strict(body, 'format.pem', `PEM block ${index}`)
    blocks.push({ index, label, der })
    pos = findPemBegin(text, lineEnd(text, endAt + endLine.length, index))
  }
  return blocks
}

/** Offset just past the end of the line that continues at `at` (only blanks may remain). */
function lineEnd(text: string, at: number, index: number): number {
  let i = at
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++
  if (i === text.length) return i
  if (text[i] === '\n') return i + 1
  if (text[i] === '\r') return text[i + 1] === '\n' ? i + 2 : i + 1
  throw pemError(index, 'text after the delimiter line', '分隔行后有多余文字')
}

/** Drops RFC 1421 encapsulated headers (Proc-Type, DEK-Info) at the start of a key body. */
function skipHeaders(body: string): string {
  const lines = body.split(/\r?\n/)
  if (!lines[0]?.includes(':')) return body
  const blank = lines.findIndex((l) => l.trim() === '')
  return blank < 0 ? '' : lines.slice(blank + 1).join('\n')
}
