/**
 * A Shanghai licence PDF signed by the fixture Shanghai RSA licence issuer, for tests that
 * change it (a later revision, extra page content) and verify it with {@link SH_ISSUER_CRLS}.
 */
import { businessLicence } from '../../fixtures/make/ofd-licence.js'
import { esId } from '../../fixtures/make/ofd-seals.js'
import { signField } from '../../fixtures/make/pdf-fields.js'
import { LicencePdf } from '../../fixtures/make/pdf-licence.js'
import { cmsContents } from '../../fixtures/make/pdf-sign.js'
import { PROVINCES } from '../../fixtures/make/pki-names.js'
import { signerFromKeyFile } from '../../fixtures/make/signer.js'
import { certDer, repo } from '../fixtures/helpers.js'
import { fixture } from './licence-helpers.js'

/** Shanghai, as the fixture makers describe it. */
export const SH = PROVINCES.find((p) => p.code === '310000')!

const issuer = {
  cert: certDer('fixtures/pki/310000/rsa/licence-org.pem'),
  key: signerFromKeyFile(repo('fixtures/pki/keys/310000/rsa/licence-issuer-leaf.pem')),
}
const issuerCa = certDer('fixtures/pki/310000/rsa/licence-issuer.pem')
const signingTime = new Date('2025-12-15T02:30:00Z')

/** The CRL that the issuer's chain needs. */
export const SH_ISSUER_CRLS = [fixture('pki/310000/rsa/licence-issuer.crl')]

/** A Shanghai business licence PDF (label names it) before any signature. */
export function shanghaiLicence(label: string): LicencePdf {
  return new LicencePdf({ licence: businessLicence(SH, 1), label, xref: 'table' })
}

/** Signs `doc` in field Signature1 as the Shanghai licence issuer, with its seal picture. */
export function signAsShanghaiIssuer(doc: LicencePdf): void {
  signField(doc, {
    fieldName: 'Signature1',
    subFilter: 'adbe.pkcs7.detached',
    signingTime,
    stamp: esId(SH.code, 90),
    contents: cmsContents({
      profile: 'pkcs7',
      signer: issuer,
      certificates: [issuer.cert, issuerCa],
      signingTime,
    }),
  })
}
