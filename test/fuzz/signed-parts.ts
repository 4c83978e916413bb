/**
 * Where the signed bytes of a recognised fixture are (Node-only test code), so that the
 * integrity property can change an input only there: the TBS of every X.509 certificate and
 * CRL, the protected files of an OFD package, the signed part of a seal or seal signature.
 */
import { unzipSync, zipSync } from 'fflate'
import { children, readTlv, TAG } from '../../src/asn1/der.js'
import type { Region } from './mutate.js'

function isSeq(t: { cls: number; constructed: boolean; tag: number } | undefined): boolean {
  return t !== undefined && t.cls === 0 && t.constructed && t.tag === TAG.SEQUENCE
}

/**
 * The TBS regions of every X.509-signed structure (SEQUENCE of TBS SEQUENCE, algorithm
 * SEQUENCE and BIT STRING) found in DER, certificates and CRLs alike, at any depth (bounded).
 */
export function tbsRegions(der: Uint8Array): Region[] {
  const out: Region[] = []
  const walk = (offset: number, end: number, depth: number): void => {
    let at = offset
    while (at < end && depth < 16 && out.length < 256) {
      let tlv
      try {
        tlv = readTlv(der, at, true)
      } catch {
        return
      }
      const header = tlv.raw.length - tlv.value.length
      if (tlv.constructed) {
        let parts: ReturnType<typeof children> = []
        try {
          parts = children(tlv, true)
        } catch {
          parts = []
        }
        const [tbs, alg, sig] = parts
        const signed =
          isSeq(tlv) &&
          parts.length === 3 &&
          isSeq(tbs) &&
          isSeq(alg) &&
          sig?.tag === TAG.BIT_STRING
        if (signed && tbs && sig?.cls === 0) {
          const start = at + header
          out.push({ start, end: start + tbs.raw.length })
        } else {
          walk(at + header, at + header + tlv.value.length, depth + 1)
        }
      }
      at += tlv.raw.length
    }
  }
  walk(0, der.length, 0)
  return out
}

/** The region of the first element inside the top SEQUENCE (the signed part of a seal). */
export function firstChildRegion(der: Uint8Array): Region | undefined {
  try {
    const top = readTlv(der, 0)
    const first = children(top)[0]
    if (!first || !isSeq(first)) return undefined
    const start = top.raw.length - top.value.length
    return { start, end: start + first.raw.length }
  } catch {
    return undefined
  }
}

/** An OFD package as its entries, in their stored order. */
export type Entries = Record<string, Uint8Array>

/** The entries of a zip. */
export function unzip(bytes: Uint8Array): Entries {
  return unzipSync(bytes)
}

/** A zip of the entries, in order. */
export function rezip(entries: Entries): Uint8Array {
  return zipSync(entries, { level: 6, mtime: new Date('2026-01-01T00:00:00Z') })
}

/** One place where a change must break an OFD signature: a whole file, or a region of it. */
export interface OfdTarget {
  readonly entry: string
  readonly region?: Region
}

function text(bytes: Uint8Array | undefined): string {
  return bytes ? new TextDecoder().decode(bytes) : ''
}

function entryName(loc: string, base: string): string {
  const path = loc.startsWith('/') ? loc.slice(1) : `${base}${loc}`
  return path
}

/**
 * Every protected place of an OFD package: the files its signatures reference, each
 * Signature.xml, and the signed part (TBS_Sign) of each SES signature value.
 */
export function ofdTargets(entries: Entries): OfdTarget[] {
  const out: OfdTarget[] = []
  for (const name of Object.keys(entries).filter((n) => n.endsWith('Signatures.xml'))) {
    const base = name.slice(0, name.lastIndexOf('/') + 1)
    for (const m of text(entries[name]).matchAll(/BaseLoc="([^"]+)"/g)) {
      const sigName = entryName(m[1]!, base)
      if (!entries[sigName]) continue
      out.push({ entry: sigName })
      const sigBase = sigName.slice(0, sigName.lastIndexOf('/') + 1)
      const xml = text(entries[sigName])
      for (const r of xml.matchAll(/FileRef="([^"]+)"/g)) {
        const ref = entryName(r[1]!, sigBase)
        if (entries[ref]) out.push({ entry: ref })
      }
      const value = /SignedValue>([^<]+)</.exec(xml)?.[1]
      const valueName = value === undefined ? undefined : entryName(value, sigBase)
      const der = valueName === undefined ? undefined : entries[valueName]
      const region = der ? firstChildRegion(der) : undefined
      if (valueName && region) out.push({ entry: valueName, region })
    }
  }
  return out
}

/** The byte ranges every /ByteRange of a PDF covers (its signed bytes). */
export function pdfSignedRanges(pdf: Uint8Array): Region[] {
  const text = new TextDecoder('latin1').decode(pdf)
  const out: Region[] = []
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const [a, b, c, d] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number]
    if (b > 0) out.push({ start: a, end: a + b })
    if (d > 0) out.push({ start: c, end: c + d })
  }
  return out
}

/** The hex slot of each signature's /Contents: the gap between the two covered ranges. */
export function pdfContentsSlots(pdf: Uint8Array): Region[] {
  const text = new TextDecoder('latin1').decode(pdf)
  const out: Region[] = []
  for (const m of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const start = Number(m[1]) + Number(m[2])
    const end = Number(m[3])
    if (text[start] === '<' && text[end - 1] === '>' && end - start > 2) {
      out.push({ start: start + 1, end: end - 1 })
    }
  }
  return out
}
