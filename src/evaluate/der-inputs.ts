/**
 * Caller-supplied evidence files (trust anchors, CRLs, OCSP responses) arrive as DER or PEM;
 * this turns either into DER items.
 */
import { findPemBegin, readPemBlocks } from '../formats/certificate/pem.js'

const latin1 = new TextDecoder('latin1')

/** The DER items of `bytes`: the PEM blocks with one of `labels`, or the bytes themselves. */
export function derItems(bytes: Uint8Array, labels: readonly string[]): Uint8Array[] {
  const text = latin1.decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024 * 1024)))
  if (findPemBegin(text) < 0) return [bytes]
  return readPemBlocks(text)
    .filter((b) => labels.includes(b.label))
    .map((b) => b.der)
}
