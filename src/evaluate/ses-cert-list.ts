/**
 * The seal's certificate list: whether it is well formed (certificates that parse, digests
 * with a known algorithm and the right length) and whether a signer certificate is on it.
 */
import { sameBytes } from '../crypto/bytes.js'
import { hash, hashNameFromOid } from '../crypto/hash.js'
import { HASH_LENGTH, type HashName } from '../crypto/hash-types.js'
import type { SesCertList } from '../formats/ses/types.js'
import { parseCertificate } from '../pki/certificate.js'
import type { Finding } from '../verdict/messages.js'

const DIGEST_NAMES: Readonly<Record<string, HashName>> = {
  SM3: 'SM3',
  SHA1: 'SHA-1',
  SHA224: 'SHA-224',
  SHA256: 'SHA-256',
  SHA384: 'SHA-384',
  SHA512: 'SHA-512',
}

/**
 * The hash a CertDigestObj `type` text names ("SM3", "sha256", "SHA-256", or a digest OID).
 * MD5 and unknown names give undefined.
 */
export function certDigestAlgorithm(type: string): HashName | undefined {
  const text = type.trim()
  const byOid = /^\d+(\.\d+)+$/.test(text) ? hashNameFromOid(text) : undefined
  if (byOid) return byOid === 'MD5' ? undefined : byOid
  const key = text.toUpperCase().replace(/[-_\s]/g, '')
  return Object.hasOwn(DIGEST_NAMES, key) ? DIGEST_NAMES[key] : undefined
}

/** Checks that every entry of the list can be used; returns findings for the seal. */
export function certListFindings(list: SesCertList): Finding[] {
  const findings: Finding[] = []
  if (list.kind === 'certificates') {
    list.certificates.forEach((der, i) => {
      try {
        parseCertificate(der)
      } catch (e) {
        findings.push({
          code: 'seal.cert-list-certificate',
          status: 'failed',
          subIndication: 'FORMAT_FAILURE',
          params: { index: i + 1, reason: e instanceof Error ? e.message : String(e) },
        })
      }
    })
  } else {
    list.digests.forEach((d, i) => {
      const name = certDigestAlgorithm(d.type)
      if (name === undefined || HASH_LENGTH[name] !== d.value.length) {
        findings.push({
          code: 'seal.cert-list-digest',
          status: 'indeterminate',
          subIndication: 'SIG_CONSTRAINTS_FAILURE',
          params: { index: i + 1, type: d.type },
        })
      }
    })
  }
  const count = list.kind === 'certificates' ? list.certificates.length : list.digests.length
  if (count === 0) findings.push({ code: 'seal.cert-list-empty', status: 'warning' })
  else if (findings.length === 0) {
    const code = list.kind === 'certificates' ? 'seal.cert-list' : 'seal.cert-list-digests'
    findings.push({ code, status: 'passed', params: { count } })
  }
  return findings
}

/**
 * How the signer certificate appears in the list: "certificate" (same DER) or
 * "<HASH> digest" (e.g. "SM3 digest"); undefined when it is not on the list.
 */
export function signerInList(list: SesCertList, signerDer: Uint8Array): string | undefined {
  if (list.kind === 'certificates') {
    return list.certificates.some((c) => sameBytes(c, signerDer)) ? 'certificate' : undefined
  }
  for (const d of list.digests) {
    const name = certDigestAlgorithm(d.type)
    if (name && HASH_LENGTH[name] === d.value.length && sameBytes(hash(name, signerDer), d.value)) {
      return `${name} digest`
    }
  }
  return undefined
}
