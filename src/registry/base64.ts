/**
 * Strict standard base64 (RFC 4648 §4, padded) decoding without Node built-ins.
 */

/**
 * Decodes padded standard base64; returns `undefined` when the text is not canonical base64.
 * The text is accepted only when encoding the decoded bytes gives it back exactly, which
 * refuses other characters (atob throws), whitespace, missing padding and non-zero unused
 * bits, so that one byte string has exactly one accepted spelling. (No regular expression:
 * on the first, cold run over a registry's certificates one cost more than the decoding.)
 */
export function decodeBase64(text: string): Uint8Array | undefined {
  let binary: string
  try {
    binary = atob(text)
  } catch {
    return undefined
  }
  if (btoa(binary) !== text) return undefined
  const out = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i)
  return out
}
