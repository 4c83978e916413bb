/**
 * Choosing which certificates of a bundle are the ones to verify.
 */
import type { Certificate } from '../../pki/certificate.js'

/**
 * The certificates that issue no other certificate of the bundle (by name), in order; a
 * certificate repeated byte for byte counts once. When every certificate issues another one
 * (a cross-certified loop), all distinct certificates are returned: verifying too many is safe,
 * dropping the intended one is not.
 */
export function bundleSubjects(certs: readonly Certificate[]): number[] {
  const seen = new Set<string>()
  const distinct: number[] = []
  certs.forEach((c, i) => {
    if (seen.has(c.sha256)) return
    seen.add(c.sha256)
    distinct.push(i)
  })
  const issued = new Map<string, number>()
  for (const i of distinct) {
    const c = certs[i]!
    if (!c.selfIssued) issued.set(c.issuer.key, (issued.get(c.issuer.key) ?? 0) + 1)
  }
  const leaves = distinct.filter((i) => !issued.has(certs[i]!.subject.key))
  return leaves.length > 0 ? leaves : distinct
}
