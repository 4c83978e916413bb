/**
 * What a service of each type may certify: the key usage and extended key usage an end-entity
 * certificate needs to act for that service. Applied after the path is known, because the
 * anchor tells which service the certificate belongs to.
 */
import type { Certificate } from '../pki/certificate.js'
import type { ServiceType } from '../registry/index.js'

const ANY_EKU = '2.5.29.37.0'
const TIME_STAMPING = '1.3.6.1.5.5.7.3.8'

/** EKUs accepted for signing on behalf of a licence issuer, seal maker or signature CA. */
const SIGNING_EKUS: ReadonlySet<string> = new Set([
  ANY_EKU,
  '1.3.6.1.5.5.7.3.4', // emailProtection
  '1.3.6.1.5.5.7.3.2', // clientAuth, found on many Chinese signing certificates
  '1.3.6.1.5.5.7.3.36', // documentSigning (RFC 9336)
  '1.3.6.1.4.1.311.10.3.12', // Microsoft document signing
  '1.2.840.113583.1.1.5', // Adobe authentic documents trust
])

/** A reason the leaf does not fit its service, or undefined when it does. */
export interface UsageProblem {
  readonly code: 'certificate.key-usage' | 'certificate.extended-key-usage'
  readonly needed: string
  readonly found: string
}

/** Checks the end-entity certificate against the usage its service type requires. */
export function checkServiceUsage(leaf: Certificate, type: ServiceType): UsageProblem | undefined {
  const ku = leaf.keyUsage
  if (ku && !ku.has('digitalSignature') && !ku.has('nonRepudiation')) {
    return {
      code: 'certificate.key-usage',
      needed: 'digitalSignature | nonRepudiation',
      found: [...ku].join(', ') || '(none)',
    }
  }
  const eku = leaf.extKeyUsage
  if (type === 'timestamp-authority') {
    if (!eku || !eku.includes(TIME_STAMPING)) {
      return { code: 'certificate.extended-key-usage', needed: 'timeStamping', found: ekuText(eku) }
    }
    return undefined
  }
  if (eku && !eku.some((e) => SIGNING_EKUS.has(e))) {
    return {
      code: 'certificate.extended-key-usage',
      needed: 'emailProtection | clientAuth | documentSigning | anyExtendedKeyUsage',
      found: ekuText(eku),
    }
  }
  return undefined
}

const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '1.3.6.1.5.5.7.3.36': 'documentSigning',
  [ANY_EKU]: 'anyExtendedKeyUsage',
}

function ekuText(eku: readonly string[] | undefined): string {
  return eku ? eku.map((e) => EKU_NAMES[e] ?? e).join(', ') : '(none)'
}
