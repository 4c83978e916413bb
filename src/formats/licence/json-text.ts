/**
 * Bounded JSON and base64 decoding for JWS inputs: the nesting depth is checked before
 * `JSON.parse` runs, and base64 text must use its alphabet strictly.
 */
import { licenceFormat, licenceLimit } from './errors.js'

const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true })

/** Deepest JSON nesting accepted. */
export const MAX_JSON_DEPTH = 32

/** Throws when `text` nests arrays or objects deeper than {@link MAX_JSON_DEPTH}. */
function checkDepth(text: string, what: string): void {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_JSON_DEPTH) {
        throw licenceLimit('json-depth', `${what} nests too deeply`, `${what} 嵌套层级过深`)
      }
    } else if (c === 0x7d || c === 0x5d) depth--
  }
}

/** Parses JSON text that must be an object; throws a typed error otherwise. */
export function parseJsonObject(text: string, what: string): Record<string, unknown> {
  checkDepth(text, what)
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw licenceFormat('json', `${what} is not valid JSON`, `${what} 不是有效的 JSON`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw licenceFormat('json-object', `${what} is not a JSON object`, `${what} 不是 JSON 对象`)
  }
  return value as Record<string, unknown>
}

/** Decodes UTF-8, refusing malformed sequences. */
export function decodeUtf8(bytes: Uint8Array, what: string): string {
  try {
    return UTF8_FATAL.decode(bytes)
  } catch {
    throw licenceFormat('utf8', `${what} is not valid UTF-8`, `${what} 不是有效的 UTF-8`)
  }
}

function decodeBase64Core(text: string): Uint8Array {
  const binary = atob(text)
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}

/** Decodes unpadded base64url (RFC 7515 §2); throws on any other character or length. */
export function decodeBase64Url(text: string, what: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) {
    throw licenceFormat('base64url', `${what} is not base64url`, `${what} 不是 base64url 编码`)
  }
  const std = text.replace(/-/g, '+').replace(/_/g, '/')
  return decodeBase64Core(std + '='.repeat((4 - (std.length % 4)) % 4))
}

/** Decodes padded standard base64 (as in `x5c`); throws on anything else. */
export function decodeBase64(text: string, what: string): Uint8Array {
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(text)) {
    throw licenceFormat('base64', `${what} is not base64`, `${what} 不是 base64 编码`)
  }
  return decodeBase64Core(text)
}

/** Encodes bytes as unpadded base64url. */
export function encodeBase64Url(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}
