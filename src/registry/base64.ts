/**
 * Strict standard base64 (RFC 4648 §4, padded) decoding without Node built-ins.
 */

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** Decodes padded standard base64; returns `undefined` when the text is not canonical base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  if (!BASE64.test(text)) return undefined
  const binary = atob(text)
  // Refuse non-zero unused bits, so that one byte string has exactly one accepted spelling.
  if (btoa(binary) !== text) return undefined
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}
