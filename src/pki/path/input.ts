/**
 * Turning caller inputs (DER bytes, PEM text bytes, parsed certificates, CRLs) into parsed
 * objects. PEM decoding is portable (no Node built-ins).
 */
import { sameBytes } from '../../crypto/bytes.js'
import { FormatError } from '../../errors.js'
import { parseCertificate, type Certificate } from '../certificate.js'
import type { CertificateInput } from './types.js'

const latin1 = new TextDecoder('latin1')

const MAX_PEM_BLOCKS = 1000
const MAX_INPUTS = 5000

/** DER structures here start with a SEQUENCE; anything else is read as PEM text. */
function isPem(bytes: Uint8Array): boolean {
  return bytes.length > 0 && bytes[0] !== 0x30
}

function base64Bytes(text: string): Uint8Array {
  const clean = text.replace(/[\s]/g, '')
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0) {
    throw new FormatError('format.pem', 'PEM: bad base64 / PEM 的 Base64 内容错误')
  }
  const bin = atob(clean)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

/**
 * The DER contents of every PEM block with one of `labels` in `bytes`, or `bytes` itself when
 * it is not PEM.
 */
export function derBlocks(bytes: Uint8Array, labels: readonly string[]): Uint8Array[] {
  if (!isPem(bytes)) return [bytes]
  const text = latin1.decode(bytes)
  const out: Uint8Array[] = []
  // A linear scan: each block's END is searched once, from its BEGIN; a BEGIN without its END
  // ends the scan.
  let pos = 0
  for (;;) {
    const begin = text.indexOf('-----BEGIN ', pos)
    if (begin < 0) break
    const labelEnd = text.indexOf('-----', begin + 11)
    if (labelEnd < 0 || labelEnd - begin > 80) break
    const label = text.slice(begin + 11, labelEnd)
    const endMarker = `-----END ${label}-----`
    const end = text.indexOf(endMarker, labelEnd + 5)
    if (end < 0) break
    if (out.length >= MAX_PEM_BLOCKS) {
      throw new FormatError('format.pem', 'PEM: too many blocks / PEM 块过多')
    }
    if (labels.includes(label)) out.push(base64Bytes(text.slice(labelEnd + 5, end)))
    pos = end + endMarker.length
  }
  if (out.length === 0)
    throw new FormatError('format.pem', 'PEM: no usable block / 无可用的 PEM 块')
  return out
}

const CERT_LABELS = ['CERTIFICATE', 'X509 CERTIFICATE', 'TRUSTED CERTIFICATE']

/**
 * Parsed certificates by input buffer: registries and callers pass the same anchor and
 * intermediate buffers on every call, and parsing dominates short validations. Each hit is
 * checked against a copy of the bytes it was parsed from: a buffer refilled in place (a new
 * anchor in the array of an old one) is parsed again, never trusted as it was.
 */
const parsedByBuffer = new WeakMap<
  Uint8Array,
  { readonly copy: Uint8Array; readonly certs: Certificate[] }
>()

function parseBuffer(input: Uint8Array): Certificate[] {
  const hit = parsedByBuffer.get(input)
  if (hit && sameBytes(hit.copy, input)) return hit.certs
  const out: Certificate[] = []
  try {
    for (const der of derBlocks(input, CERT_LABELS)) {
      try {
        out.push(parseCertificate(der))
      } catch {
        // An unparsable extra certificate cannot be part of any path; ignore it.
      }
    }
  } catch {
    // Not PEM with certificates and not DER either; ignore it.
  }
  parsedByBuffer.set(input, { copy: input.slice(), certs: out })
  return out
}

function isParsed(input: CertificateInput): input is Certificate {
  return !(input instanceof Uint8Array)
}

/** Parses the end-entity input; throws FormatError when it is not one certificate. */
export function parseTarget(input: CertificateInput): Certificate {
  if (isParsed(input)) return input
  const blocks = derBlocks(input, CERT_LABELS)
  return parseCertificate(blocks[0]!)
}

/** Parses a list of inputs, skipping those that do not parse (untrusted extras). */
export function parseMany(inputs: readonly CertificateInput[] | undefined): Certificate[] {
  const out: Certificate[] = []
  for (const input of inputs ?? []) {
    if (out.length >= MAX_INPUTS) break
    if (isParsed(input)) {
      out.push(input)
      continue
    }
    for (const cert of parseBuffer(input)) {
      if (out.length >= MAX_INPUTS) break
      out.push(cert)
    }
  }
  return out
}
