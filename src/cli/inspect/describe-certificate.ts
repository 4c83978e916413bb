/**
 * `inspect` view of one certificate: names, serial, validity, key algorithm and size or curve,
 * signature algorithm and every extension (decoded when known, hex otherwise).
 */
import { KEY_ALGORITHMS, signatureAlgorithmByOid, type CurveName } from '../../crypto/algorithms.js'
import { parseSpki } from '../../crypto/spki.js'
import { parseCertificate, type Certificate } from '../../pki/certificate.js'
import { EXT } from '../../pki/extensions.js'
import { certificatePemText, type Artifacts } from './artifacts.js'
import { hex, plain } from './plain.js'

const CURVE_BITS: Record<CurveName, number> = { 'P-256': 256, 'P-384': 384, 'P-521': 521, SM2: 256 }

const EXT_NAMES = new Map<string, string>(Object.entries(EXT).map(([name, oid]) => [oid, name]))

/** Decoded value of an extension, from the fields the certificate parser filled in. */
const DECODED: Record<string, (c: Certificate) => unknown> = {
  [EXT.basicConstraints]: (c) => c.basicConstraints,
  [EXT.keyUsage]: (c) => c.keyUsage,
  [EXT.extKeyUsage]: (c) => c.extKeyUsage,
  [EXT.subjectKeyIdentifier]: (c) => c.subjectKeyIdentifier,
  [EXT.authorityKeyIdentifier]: (c) => c.authorityKeyIdentifier,
  [EXT.subjectAltName]: (c) => c.subjectAltNames,
  [EXT.nameConstraints]: (c) => c.nameConstraints,
  [EXT.certificatePolicies]: (c) => c.certificatePolicies,
  [EXT.policyMappings]: (c) => c.policyMappings,
  [EXT.policyConstraints]: (c) => c.policyConstraints,
  [EXT.inhibitAnyPolicy]: (c) => c.inhibitAnyPolicy,
  [EXT.crlDistributionPoints]: (c) => c.crlDistributionPoints,
  [EXT.freshestCrl]: (c) => c.freshestCrl,
  [EXT.authorityInfoAccess]: (c) => c.authorityInfoAccess,
  [EXT.ocspNoCheck]: (c) => c.ocspNoCheck,
}

function keyOf(c: Certificate): Record<string, unknown> {
  const algorithm = KEY_ALGORITHMS.get(c.publicKeyAlgorithm.oid)?.name ?? c.publicKeyAlgorithm.oid
  try {
    const k = parseSpki(c.spki).key
    if (k.type === 'ec') return { algorithm, curve: k.curve, bits: CURVE_BITS[k.curve] }
    if (k.type === 'ed25519') return { algorithm, bits: 256 }
    return { algorithm, bits: k.bits }
  } catch (e) {
    return { algorithm, error: e instanceof Error ? e.message : String(e) }
  }
}

/**
 * Describes a DER certificate; with `artifacts`, adds it as PEM under `stem`. A certificate
 * that does not parse is described by its error.
 */
export function describeCertificate(der: Uint8Array, artifacts?: Artifacts, stem = 'cert') {
  let c: Certificate
  try {
    c = parseCertificate(der)
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e), bytes: der.length }
  }
  const file = artifacts?.add(`${stem}-${c.sha256.slice(0, 12)}`, 'pem', certificatePemText(der))
  return {
    subject: c.subject.text,
    issuer: c.issuer.text,
    serialNumber: c.serialHex,
    notBefore: c.notBefore.toISOString(),
    notAfter: c.notAfter.toISOString(),
    sha256: c.sha256,
    version: c.version,
    signatureAlgorithm:
      signatureAlgorithmByOid(c.signatureAlgorithm.oid)?.name ?? c.signatureAlgorithm.oid,
    publicKey: keyOf(c),
    selfIssued: c.selfIssued,
    extensions: c.extensions.map((e) => {
      const decode = DECODED[e.oid]
      const malformed = c.malformedExtensions.includes(e.oid)
      return {
        oid: e.oid,
        name: EXT_NAMES.get(e.oid) ?? null,
        critical: e.critical,
        value: decode && !malformed ? plain(decode(c)) : hex(e.value),
        ...(malformed ? { malformed: true } : {}),
      }
    }),
    ...(file ? { extractedAs: file } : {}),
  }
}
