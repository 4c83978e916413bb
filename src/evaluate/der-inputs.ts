/**
 * Caller-supplied evidence files (trust anchors, CRLs, OCSP responses) arrive as DER or PEM;
 * this turns either into DER items.
 */
import { findPemBegin, readPemBlocks } from '../formats/certificate/pem.js'
import { rememberDigest } from '../pki/cache.js'
import { sameBytes } from '../crypto/bytes.js'

const latin1 = new TextDecoder('latin1')

/** The DER items of `bytes`: the PEM blocks with one of `labels`, or the bytes themselves. */
export function derItems(bytes: Uint8Array, labels: readonly string[]): Uint8Array[] {
  const text = latin1.decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024 * 1024)))
  if (findPemBegin(text) < 0) return [bytes]
  return readPemBlocks(text)
    .filter((b) => labels.includes(b.label))
    .map((b) => b.der)
}

interface Split {
  readonly label: string
  /** The input's bytes when it was split: an input changed in place is split again. */
  readonly copy: Uint8Array
  readonly items: readonly Uint8Array[]
}

/**
 * The DER items of a verifier's evidence inputs, split once per input array and reused while
 * its bytes stay the same (each call compares them with a copy, so an array a caller refills
 * in place is split again, and a caller who adds an array to its list is seen). The items are
 * this memo's own copies, which nothing changes later, so their digests are remembered too.
 */
export class DerItemsMemo {
  private readonly splits = new WeakMap<Uint8Array, Split>()

  /** The DER items of every input, in order (as {@link derItems} with one label). */
  itemsOf(inputs: readonly Uint8Array[] | undefined, label: string): Uint8Array[] {
    const out: Uint8Array[] = []
    for (const bytes of inputs ?? []) {
      let split = this.splits.get(bytes)
      if (split === undefined || split.label !== label || !sameBytes(split.copy, bytes)) {
        const items = derItems(bytes, [label]).map((der) => rememberDigest(der.slice()))
        split = { label, copy: bytes.slice(), items }
        this.splits.set(bytes, split)
      }
      out.push(...split.items)
    }
    return out
  }
}
