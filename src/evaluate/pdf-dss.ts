/**
 * The document security store (/DSS, ISO 32000-2 §12.8.4.3): certificates, CRLs and OCSP
 * responses a later revision added for long-term validation. Every revision's /DSS is read
 * (a later one may have replaced an earlier one), deduplicated and bounded.
 */
import { toHex } from '../asn1/der.js'
import { hash } from '../crypto/hash.js'
import type { PdfFile, PdfObject } from '../formats/pdf/types.js'
import type { Finding } from '../verdict/messages.js'

/** Most items taken from all /DSS arrays together. */
export const MAX_DSS_ITEMS = 1000
/** Largest decoded item accepted, in bytes. */
export const MAX_DSS_ITEM_BYTES = 4 * 1024 * 1024

/** The validation material of the /DSS. */
export interface DssData {
  readonly certificates: Uint8Array[]
  readonly crls: Uint8Array[]
  readonly ocspResponses: Uint8Array[]
  readonly findings: Finding[]
}

const KEYS = [
  ['Certs', 'certificates'],
  ['CRLs', 'crls'],
  ['OCSPs', 'ocspResponses'],
] as const

/**
 * Collects the /DSS material of every revision. Unreadable entries give one warning each;
 * nothing here decides anything about a signature.
 */
export function collectDss(pdf: PdfFile): DssData {
  const out: DssData = { certificates: [], crls: [], ocspResponses: [], findings: [] }
  const seen = new Set<string>()
  let count = 0
  let present = false
  for (const rev of pdf.revisions) {
    let dss: PdfObject | undefined
    try {
      dss = pdf.deref(pdf.catalog(rev.index)?.get('DSS'), rev.index)
    } catch (e) {
      out.findings.push(unreadable(e))
      continue
    }
    if (dss?.kind !== 'dict') continue
    present = true
    for (const [key, field] of KEYS) {
      const list = pdf.deref(dss.entries.get(key), rev.index)
      if (list?.kind !== 'array') continue
      for (const item of list.items) {
        if (count >= MAX_DSS_ITEMS) break
        try {
          const stream = pdf.deref(item, rev.index)
          if (stream?.kind !== 'stream') continue
          const { data, rawFilter } = pdf.decodeStream(stream, rev.index)
          if (rawFilter !== undefined || data.length === 0 || data.length > MAX_DSS_ITEM_BYTES) {
            out.findings.push(unreadable(new Error(`${key} entry not usable`)))
            continue
          }
          const id = `${field}:${toHex(hash('SHA-256', data))}`
          if (seen.has(id)) continue
          seen.add(id)
          count++
          out[field].push(data)
        } catch (e) {
          out.findings.push(unreadable(e))
        }
      }
    }
  }
  if (present) {
    const params = {
      certs: out.certificates.length,
      crls: out.crls.length,
      ocsp: out.ocspResponses.length,
    }
    out.findings.unshift({ code: 'pdf.dss', status: 'passed', params })
  }
  return out
}

function unreadable(e: unknown): Finding {
  const reason = e instanceof Error ? e.message : String(e)
  return { code: 'pdf.dss.unreadable', status: 'warning', params: { reason } }
}
