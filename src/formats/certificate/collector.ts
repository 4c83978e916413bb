/**
 * Bounded accumulation of the items found in a certificate file.
 */
import { LimitError } from '../../errors.js'
import { MAX_ITEMS } from './types.js'

/** Certificates, CRLs and OCSP responses gathered so far, with a shared count bound. */
export class EvidenceCollector {
  readonly certificates: Uint8Array[] = []
  readonly crls: Uint8Array[] = []
  readonly ocspResponses: Uint8Array[] = []
  hasPrivateKey = false

  /** Adds an item to one of the lists; throws LimitError past the per-file bound. */
  add(kind: 'certificates' | 'crls' | 'ocspResponses', der: Uint8Array): void {
    const total = this.certificates.length + this.crls.length + this.ocspResponses.length
    if (total >= MAX_ITEMS) {
      throw new LimitError(
        'limit.items',
        `more than ${MAX_ITEMS} certificates, CRLs and OCSP responses in one file / ` +
          `文件中证书、CRL 与 OCSP 响应超过 ${MAX_ITEMS} 个`,
      )
    }
    this[kind].push(der)
  }
}
