/**
 * Certificates from an AIA caIssuers download: one DER certificate or a PKCS#7 (CMS
 * SignedData) certs-only bundle.
 */
import { parseCertificate, type Certificate } from '../certificate.js'
import { parseSignedData } from '../timestamp/signed-data.js'
import { parseCertificates } from '../timestamp/tsa-certificate.js'

/** The certificates in `body`, or undefined when it is neither form. */
export function certificatesFromBody(body: Uint8Array): Certificate[] | undefined {
  try {
    return [parseCertificate(body)]
  } catch {
    // Not a single certificate; try a certs-only bundle next.
  }
  try {
    const bundle = parseSignedData(body)
    const certs = parseCertificates(bundle.certificates)
    return certs.length > 0 ? certs : undefined
  } catch {
    return undefined
  }
}
