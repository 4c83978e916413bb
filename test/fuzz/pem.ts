/**
 * PEM handling for the fuzz suite: split a PEM file into its blocks' DER, and put a file back
 * together after one block's DER was changed, so that mutations reach the DER behind the text.
 */

/** One PEM block of a file. */
export interface PemBlock {
  readonly label: string
  readonly der: Uint8Array
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g

function base64(der: Uint8Array): string {
  const text = Buffer.from(der).toString('base64')
  return text.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')
}

/** Whether `bytes` look like a PEM file. */
export function isPem(bytes: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(bytes.subarray(0, 64)).includes('-----BEGIN ')
}

/** The blocks of a PEM file, in order. */
export function pemBlocks(bytes: Uint8Array): PemBlock[] {
  const text = new TextDecoder('latin1').decode(bytes)
  return [...text.matchAll(BLOCK)].map((m) => ({
    label: m[1] ?? '',
    der: new Uint8Array(Buffer.from((m[2] ?? '').replace(/\s+/g, ''), 'base64')),
  }))
}

/** A PEM file of the given blocks. */
export function pemFile(blocks: readonly PemBlock[]): Uint8Array {
  const text = blocks
    .map((b) => `-----BEGIN ${b.label}-----\n${base64(b.der)}\n-----END ${b.label}-----\n`)
    .join('')
  return new TextEncoder().encode(text)
}

/** The file with block `index` (modulo the count) replaced by `der`. */
export function replaceBlock(bytes: Uint8Array, index: number, der: Uint8Array): Uint8Array {
  const blocks = pemBlocks(bytes)
  if (blocks.length === 0) return bytes
  const i = index % blocks.length
  return pemFile(blocks.map((b, j) => (j === i ? { label: b.label, der } : b)))
}
